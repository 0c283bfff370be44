// A small, realistic world for the browser tests, the screenshots and the page benchmark: a
// Walloon CPAS and a Flemish OCMW, staff of the main roles with passwords, and a few persons with
// administrative records and, for some, social reports and notes; and, in each register of
// authority requests, a few requests at different steps (an answer prepared by the delegated
// secretariat and awaiting signature, a refusal, an oral attempt, one waiting for assessment).
// Built through the use cases, like real data. Every name, number and reference is invented.
import { addDays, todayIn } from '../../domain/calendar-date.ts';
import { recordDecision, submitApplication } from '../../app/add-person-records.ts';
import type { AppContext } from '../../app/context.ts';
import { createPerson, type NewPerson } from '../../app/create-person.ts';
import { assignCase } from '../../app/manage-staff.ts';
import { staffThroughDuties } from '../../testing/staff.ts';
import { registerCpas, type CpasInput } from '../../app/register-cpas.ts';
import { writeSecretRecord } from '../../app/write-secret-record.ts';
import { assessRecordedRequest } from '../../app/requests/assess-request.ts';
import { delegateRegister } from '../../app/requests/delegate-register.ts';
import { matchSubject } from '../../app/requests/match-subject.ts';
import { prepareDisclosure } from '../../app/requests/prepare-disclosure.ts';
import { recordRequest } from '../../app/requests/record-request.ts';
import { refuseRequest } from '../../app/requests/refuse-request.ts';
import type { AssessmentInput } from '../../domain/requests/assess.ts';
import { makeNiss } from '../../domain/niss.ts';
import type { Actor, Role } from '../../domain/roles.ts';
import type { ApplicationInput, DecisionInput } from '../../domain/schemas.ts';

export const FIXTURE_PASSWORD = 'fixture-password-2026';

/** A valid Belgian IBAN for a made-up account number (10 digits). */
export function belgianIban(account10: string): string {
  const check = Number(BigInt(account10) % 97n) || 97;
  const bban = account10 + String(check).padStart(2, '0');
  const ibanCheck = 98 - Number(BigInt(`${bban}111400`) % 97n); // "BE00" moved to the end: B=11, E=14
  return `BE${String(ibanCheck).padStart(2, '0')}${bban}`;
}

interface StaffSpec { readonly username: string; readonly displayName: string; readonly roles: readonly Role[] }
interface PersonSpec {
  readonly key: string;
  readonly input: NewPerson;
  readonly application?: { readonly application: ApplicationInput; readonly decision?: Omit<DecisionInput, 'applicationId'> };
  readonly assignedTo?: string;
  readonly reports?: readonly { writtenOn: string; language: 'fr' | 'nl'; situation: string; assessment?: string }[];
  readonly notes?: readonly string[];
}
/** A request of the register: who recorded it, what it says (persons by fixture key), how far it went. */
interface RequestSpec {
  readonly key: string;
  readonly recordedBy: string;
  readonly request: Omit<AssessmentInput, 'subjects'>;
  readonly subjects: readonly { readonly person: string; readonly by: 'niss' | 'name' }[];
  readonly reference?: string;
  readonly answerBy?: string;
  readonly reasonsText?: string;
  /** assess: by the directeur général; match: each subject to its file; prepare: by the delegate; refuse: signed by the DG. */
  readonly steps: readonly ('assess' | 'match' | 'prepare' | 'refuse')[];
}
interface CpasSpec {
  readonly cpas: CpasInput;
  readonly staff: readonly StaffSpec[];
  readonly persons: readonly PersonSpec[];
  /** Administrative agents the directeur général delegates into the register. */
  readonly delegates: readonly string[];
  readonly requests: readonly RequestSpec[];
}

export interface FixtureCpas {
  readonly cpasId: string;
  readonly code: string;
  readonly actors: Readonly<Record<string, Actor>>;
  readonly persons: Readonly<Record<string, string>>;
  readonly requests: Readonly<Record<string, string>>;
}
export type Fixture = Readonly<Record<'namur' | 'gent', FixtureCpas>>;

const address = (street: string, houseNumber: string, postalCode: string, municipality: string, validFrom: string) =>
  ({ kind: 'domicile' as const, street, houseNumber, postalCode, municipality, country: 'BE', validFrom });

const NAMUR: CpasSpec = {
  cpas: {
    code: 'namur', name: 'CPAS de Namur', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr',
    street: 'Rue de l’Entraide 1', postalCode: '5000', municipality: 'Namur', phone: '+32 81 00 00 00', email: 'accessibilite@cpas-namur.example',
  },
  staff: [
    { username: 'directrice', displayName: 'Isabelle Dumont', roles: ['directeur-general'] },
    { username: 'assistant-social', displayName: 'Camille Lambert', roles: ['social-worker'] },
    { username: 'assistant-social-2', displayName: 'Julien Marchal', roles: ['social-worker'] },
    { username: 'responsable', displayName: 'Nadia Benali', roles: ['head-of-social-service'] },
    { username: 'agent', displayName: 'Thomas Leroy', roles: ['administrative-agent'] },
    { username: 'dpo', displayName: 'Marc Renard', roles: ['dpo'] },
    { username: 'president', displayName: 'Paul Hubert', roles: ['president'] },
    { username: 'secretariat', displayName: 'Sarah Collin', roles: ['administrative-agent'] },
    { username: 'conseillere', displayName: 'Anne Gérard', roles: ['council-member'] },
  ],
  persons: [
    {
      key: 'dubois',
      input: {
        person: { familyName: 'Dubois', givenNames: 'Marie', birthDate: '1986-03-27', birthPlace: 'Namur', sex: 'F', nationality: 'BE', niss: makeNiss('1986-03-27', 212), phone: '+32 470 00 00 01', email: 'marie.dubois@example.org', iban: belgianIban('0630000001') },
        addresses: [address('Rue des Tanneries', '14', '5000', 'Namur', '2021-09-01')],
        household: [
          { familyName: 'Dubois', givenNames: 'Lucas', birthDate: '2015-06-02', relationship: 'child', validFrom: '2015-06-02' },
          { familyName: 'Dubois', givenNames: 'Emma', birthDate: '2018-10-19', relationship: 'child', validFrom: '2018-10-19' },
        ],
      },
      application: {
        application: { kind: 'revenu-integration', submittedOn: '2026-09-14', channel: 'desk', communicated: { housing: 'location privée', declaredMonthlyIncome: 0, householdSize: 3, availableForWork: true } },
        decision: { body: 'comite-special-service-social', decidedOn: '2026-10-08', outcome: 'granted', amountCents: 163131, periodFrom: '2026-09-14', periodTo: null, motivation: 'Conditions d’octroi remplies : résidence effective, ressources insuffisantes, disposition au travail adaptée à la charge de deux enfants.' },
      },
      assignedTo: 'assistant-social',
      reports: [{
        writtenOn: '2026-09-28', language: 'fr',
        situation: 'Madame Dubois vit seule avec ses deux enfants depuis la séparation. Le loyer absorbe l’essentiel des allocations familiales.\nUn plan d’apurement a été convenu avec le fournisseur d’énergie.',
        assessment: 'Situation précaire mais stabilisée ; l’octroi du revenu d’intégration au taux famille à charge est justifié.',
      }],
      notes: ['Entretien au guichet : documents de séparation apportés, copie au dossier.'],
    },
    {
      key: 'elamrani',
      input: {
        person: { familyName: 'El Amrani', givenNames: 'Ahmed', birthDate: '1979-11-02', birthPlace: 'Casablanca', sex: 'M', nationality: 'MA', niss: makeNiss('1979-11-02', 47) },
        addresses: [address('Chaussée de Louvain', '220', '5000', 'Namur', '2019-04-15')],
      },
      application: { application: { kind: 'allocation-chauffage', submittedOn: '2026-11-03', channel: 'letter', communicated: { fuel: 'mazout', litres: 1500 } } },
      assignedTo: 'assistant-social',
    },
    {
      key: 'gerard',
      input: {
        person: { familyName: 'Gérard', givenNames: 'Sophie', birthDate: '1992-07-14', sex: 'F', nationality: 'BE', niss: makeNiss('1992-07-14', 118) },
        addresses: [address('Rue Basse Marcelle', '3', '5000', 'Namur', '2023-01-10')],
      },
      assignedTo: 'assistant-social',
    },
    {
      key: 'martin',
      input: { person: { familyName: 'Martin', givenNames: 'Jean-Pierre', birthDate: '1958-01-30', sex: 'M', nationality: 'BE', niss: makeNiss('1958-01-30', 9) } },
      assignedTo: 'assistant-social-2',
    },
  ],
  delegates: ['secretariat'],
  requests: [
    {
      key: 'prepared', recordedBy: 'assistant-social', reference: 'NA.12.LL.0311/26', answerBy: '2026-03-16',
      reasonsText: 'Enquête du chef de participation aux activités d’un groupe terroriste (art. 140 du Code pénal). Les renseignements sont nécessaires pour établir la résidence de l’intéressée.',
      request: {
        dated: '2026-03-02', received: '2026-03-04', channel: 'letter', author: { role: 'procureur-du-roi', name: 'Mme L. Renson, substitute', office: 'Parquet de Namur' },
        reasoned: true, offences: ['140'], items: ['identity', 'domicile-address', 'aid-decisions', 'social-report', 'opinions'],
      },
      subjects: [{ person: 'dubois', by: 'niss' }],
      steps: ['assess', 'match', 'prepare'],
    },
    {
      key: 'refused', recordedBy: 'agent', reference: 'PV NA.55.L7.004512/2026',
      request: {
        dated: '2026-10-12', received: '2026-10-14', channel: 'email', author: { role: 'police', office: 'Zone de police Namur Capitale' },
        reasoned: true, offences: [], items: ['identity', 'domicile-address'],
      },
      subjects: [{ person: 'elamrani', by: 'name' }],
      steps: ['assess', 'refuse'],
    },
    {
      key: 'oral', recordedBy: 'assistant-social-2',
      request: { dated: '2026-11-10', received: '2026-11-10', channel: 'phone', author: { role: 'police' }, reasoned: false, offences: [], items: ['known-addresses'] },
      subjects: [{ person: 'martin', by: 'name' }],
      steps: [],
    },
    {
      key: 'received', recordedBy: 'directrice', reference: 'NA.12.LL.1187/26',
      request: {
        dated: '2026-11-20', received: '2026-11-24', channel: 'letter', author: { role: 'procureur-du-roi', name: 'M. J. Collard, substitut', office: 'Parquet de Namur' },
        reasoned: true, offences: ['140bis'], items: ['identity', 'domicile-address', 'known-addresses', 'application-data'],
      },
      subjects: [{ person: 'gerard', by: 'name' }],
      steps: [],
    },
  ],
};

const GENT: CpasSpec = {
  cpas: {
    code: 'gent', name: 'OCMW Gent', region: 'vlaanderen', languages: ['nl'], defaultLanguage: 'nl',
    street: 'Voorbeeldstraat 1', postalCode: '9000', municipality: 'Gent', phone: '+32 9 000 00 00', email: 'toegankelijkheid@ocmw-gent.example',
  },
  staff: [
    { username: 'directeur', displayName: 'An Claes', roles: ['directeur-general'] },
    { username: 'maatschappelijk-werker', displayName: 'Lotte Peeters', roles: ['social-worker'] },
    { username: 'hoofd', displayName: 'Sofie Maes', roles: ['head-of-social-service'] },
    { username: 'administratief', displayName: 'Pieter De Smet', roles: ['administrative-agent'] },
    { username: 'maatschappelijk-werker-2', displayName: 'Tom Jacobs', roles: ['social-worker'] },
    { username: 'dpo', displayName: 'Wim Vermeulen', roles: ['dpo'] },
    { username: 'voorzitter', displayName: 'Koen Wouters', roles: ['president'] },
    { username: 'secretariaat', displayName: 'Eva Willems', roles: ['administrative-agent'] },
    { username: 'raadslid', displayName: 'Els Peeters', roles: ['council-member'] },
  ],
  persons: [
    {
      key: 'janssens',
      input: {
        person: { familyName: 'Janssens', givenNames: 'Jan', birthDate: '1971-05-09', birthPlace: 'Aalst', sex: 'M', nationality: 'BE', niss: makeNiss('1971-05-09', 33), iban: belgianIban('0010000002') },
        addresses: [address('Sint-Pietersnieuwstraat', '41', '9000', 'Gent', '2017-02-01')],
      },
      application: {
        application: { kind: 'mediation-dettes', submittedOn: '2026-08-20', channel: 'desk', communicated: { creditors: 4, declaredDebts: 12450.5 } },
        decision: { body: 'comite-special-service-social', decidedOn: '2026-09-10', outcome: 'granted', amountCents: null, periodFrom: '2026-09-10', periodTo: '2027-09-09', motivation: 'Schuldbemiddeling toegekend: afbetalingsplan haalbaar binnen het inkomen.' },
      },
      assignedTo: 'maatschappelijk-werker',
      reports: [{
        writtenOn: '2026-09-02', language: 'nl',
        situation: 'Meneer Janssens heeft sinds zijn ontslag vier schuldeisers. Hij komt zelf aankloppen en werkt goed mee.',
        assessment: 'Gemotiveerd; een budgetbegeleiding van een jaar lijkt voldoende.',
      }],
      notes: ['Telefonisch contact met de energieleverancier: afbetaling aanvaard.'],
    },
    {
      key: 'yilmaz',
      input: {
        person: { familyName: 'Yilmaz', givenNames: 'Fatma', birthDate: '1988-12-01', sex: 'F', nationality: 'TR', niss: makeNiss('1988-12-01', 140) },
        addresses: [address('Dendermondsesteenweg', '102', '9000', 'Gent', '2020-06-15')],
      },
      assignedTo: 'maatschappelijk-werker',
    },
  ],
  delegates: ['secretariaat'],
  requests: [
    {
      key: 'prepared', recordedBy: 'maatschappelijk-werker', reference: 'GE.12.LB.0457/26', answerBy: '2026-03-25',
      reasonsText: 'Onderzoek wegens deelname aan de activiteiten van een terroristische groep (art. 140 Strafwetboek). De inlichtingen zijn nodig om de verblijfplaats van de betrokkene vast te stellen.',
      request: {
        dated: '2026-03-09', received: '2026-03-11', channel: 'letter', author: { role: 'procureur-du-roi', name: 'Dhr. P. Verstraete, substituut', office: 'Parket Oost-Vlaanderen, afdeling Gent' },
        reasoned: true, offences: ['140'], items: ['identity', 'domicile-address', 'aid-decisions', 'social-notes'],
      },
      subjects: [{ person: 'janssens', by: 'niss' }],
      steps: ['assess', 'match', 'prepare'],
    },
    {
      key: 'received', recordedBy: 'directeur', reference: 'GE.OR.2026/112',
      request: {
        dated: '2026-11-18', received: '2026-11-23', channel: 'email', author: { role: 'juge-instruction', office: 'Onderzoeksrechter, rechtbank van eerste aanleg Oost-Vlaanderen' },
        reasoned: true, offences: ['140'], items: ['identity', 'contact-details'],
      },
      subjects: [{ person: 'yilmaz', by: 'name' }],
      steps: [],
    },
  ],
};

async function buildCpas(ctx: AppContext, spec: CpasSpec): Promise<FixtureCpas> {
  const { cpasId } = await registerCpas(ctx.db, spec.cpas);
  // The operator sets up the directeur général, who adds the others; secret roles through a second person.
  const actors = await staffThroughDuties(ctx, { cpasId, code: spec.cpas.code }, spec.staff.map((s) => ({ ...s, language: spec.cpas.defaultLanguage })), FIXTURE_PASSWORD);
  const agent = Object.values(actors).find((a) => a.roles.includes('administrative-agent'))!;
  const head = Object.values(actors).find((a) => a.roles.includes('head-of-social-service'))!;
  const persons: Record<string, string> = {};
  for (const p of spec.persons) {
    const { personId } = await createPerson(ctx, agent, { ...p.input, purpose: 'intake' });
    persons[p.key] = personId;
    if (p.application) {
      const { applicationId } = await submitApplication(ctx, agent, { personId, purpose: 'intake', application: p.application.application });
      if (p.application.decision) await recordDecision(ctx, agent, { personId, purpose: 'administrative-processing', decision: { ...p.application.decision, applicationId } });
    }
    if (!p.assignedTo) continue;
    const worker = actors[p.assignedTo]!;
    await assignCase(ctx, head, { personId, userId: worker.userId, assignedFrom: '2026-01-05' });
    for (const r of p.reports ?? []) {
      await writeSecretRecord(ctx, worker, { personId, purpose: 'case-follow-up', kind: 'social-report', date: r.writtenOn, plain: { language: r.language }, sealed: { situation: r.situation, assessment: r.assessment } });
    }
    for (const body of p.notes ?? []) await writeSecretRecord(ctx, worker, { personId, purpose: 'case-follow-up', kind: 'case-note', sealed: { body } });
  }
  return { cpasId, code: spec.cpas.code, actors, persons, requests: await buildRegister(ctx, spec, actors, persons) };
}

async function buildRegister(ctx: AppContext, spec: CpasSpec, actors: Record<string, Actor>, persons: Record<string, string>): Promise<Record<string, string>> {
  const director = actors[spec.staff[0]!.username]!;
  for (const username of spec.delegates) await delegateRegister(ctx, director, { userId: actors[username]!.userId, grant: true, validUntil: addDays(todayIn(ctx.now), 90) });
  const delegate = actors[spec.delegates[0]!]!;
  const requests: Record<string, string> = {};
  for (const r of spec.requests) {
    const named = r.subjects.map(({ person, by }) => {
      const p = spec.persons.find((candidate) => candidate.key === person)!.input.person;
      return by === 'niss' ? { niss: p.niss! } : { name: `${p.givenNames} ${p.familyName}`, ...(p.birthDate ? { birthDate: p.birthDate } : {}) };
    });
    const { requestId } = await recordRequest(ctx, actors[r.recordedBy]!, {
      request: { ...r.request, subjects: named }, reference: r.reference ?? null, answerBy: r.answerBy ?? null, reasonsText: r.reasonsText ?? null,
    });
    requests[r.key] = requestId;
    for (const step of r.steps) {
      if (step === 'assess') await assessRecordedRequest(ctx, director, { requestId });
      if (step === 'match') {
        for (const [i, { person }] of r.subjects.entries()) await matchSubject(ctx, director, { requestId, position: i + 1, personId: persons[person]! });
      }
      if (step === 'prepare') await prepareDisclosure(ctx, delegate, { requestId });
      if (step === 'refuse') await refuseRequest(ctx, director, { requestId });
    }
  }
  return requests;
}

export async function buildFixture(ctx: AppContext): Promise<Fixture> {
  return { namur: await buildCpas(ctx, NAMUR), gent: await buildCpas(ctx, GENT) };
}

// Test helpers for the sealed register: a person's full file (administrative and secret parts)
// and requests at each step of their life. Secret fields can carry a canary: a string that must
// never appear in anything a disclosure produces.
import { randomUUID } from 'node:crypto';
import { addAddress, addHouseholdMember, recordDecision, submitApplication } from '../app/add-person-records.ts';
import { addAttachment } from '../app/attachments.ts';
import type { AppContext } from '../app/context.ts';
import { createPerson } from '../app/create-person.ts';
import { assignCase } from '../app/manage-staff.ts';
import { writeSecretRecord } from '../app/write-secret-record.ts';
import { assessRecordedRequest } from '../app/requests/assess-request.ts';
import { decideRequestSettings, proposeRequestSettings } from '../app/requests/configure-requests.ts';
import { matchSubject } from '../app/requests/match-subject.ts';
import { recordRequest } from '../app/requests/record-request.ts';
import { makeNiss } from '../domain/niss.ts';
import type { AssessmentInput } from '../domain/requests/assess.ts';
import type { Actor } from '../domain/roles.ts';
import type { ItemCategory } from '../domain/requests/items.ts';
import { addTestCpas, type TestCpas, testContext } from './fixtures.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface SeededPerson {
  readonly personId: string;
  readonly niss: string;
  readonly familyName: string;
  /** Every canary written into a secret field of this file. */
  readonly canaries: readonly string[];
}

let serial = 100;

/**
 * A person with every part of a file: identity, contact, account, domicile and another address,
 * household, an application, a decision (with its motivation), a BCSS record, and, written by the
 * assigned social worker, a social report with an assessment, a case note, a medical document, a
 * PIIS with its evaluation, and a secret attachment. Each secret field holds its own canary.
 */
export async function seedPersonFile(
  ctx: AppContext,
  cpas: TestCpas,
  options: { familyName?: string; givenNames?: string; birthDate?: string; canary?: string } = {},
): Promise<SeededPerson> {
  serial += 1;
  const birthDate = options.birthDate ?? '1985-07-30';
  const niss = makeNiss(birthDate, serial);
  const familyName = options.familyName ?? `Lambert${serial}`;
  const agent = cpas.actors['administrative-agent'];
  const worker = cpas.actors['social-worker'];
  const { personId } = await createPerson(ctx, agent, {
    purpose: 'intake',
    person: { familyName, givenNames: options.givenNames ?? 'Sophie', birthDate, niss, sex: 'F', nationality: 'BE', phone: '+32 81 00 00 00', email: 'p@example.org', iban: 'BE68539007547034' },
  });
  await addAddress(ctx, agent, { personId, purpose: 'intake', address: { kind: 'domicile', street: 'Rue de Fer', houseNumber: '12', postalCode: '5000', municipality: 'Namur', country: 'BE', validFrom: '2020-01-01' } });
  await addAddress(ctx, agent, { personId, purpose: 'intake', address: { kind: 'earlier', street: 'Rue des Brasseurs', houseNumber: '3', postalCode: '5000', municipality: 'Namur', country: 'BE', validFrom: '2015-01-01', validTo: '2019-12-31' } });
  await addHouseholdMember(ctx, agent, { personId, purpose: 'intake', member: { familyName, givenNames: 'Léa', birthDate: '2012-05-01', relationship: 'child', validFrom: '2012-05-01' } });
  const { applicationId } = await submitApplication(ctx, agent, {
    personId, purpose: 'intake', application: { kind: 'revenu-integration', submittedOn: '2026-01-10', channel: 'desk', communicated: { incomeSource: 'aucune', housing: 'location privée' } },
  });
  await recordDecision(ctx, agent, {
    personId, purpose: 'administrative-processing',
    decision: { applicationId, body: 'comite-special-service-social', decidedOn: '2026-02-01', outcome: 'granted', amountCents: 126_385, periodFrom: '2026-02-01', motivation: 'Conditions légales remplies (art. 3 loi du 26 mai 2002).' },
  });
  await ctx.db.ownerTransaction((tx) =>
    tx.query('INSERT INTO bcss_record (cpas_id, record_id, person_id, source, received_on, content) VALUES ($1, $2, $3, $4, $5, $6)', [
      cpas.cpasId, randomUUID(), personId, 'ONEM', '2026-01-12', 'pas d\'allocations de chômage',
    ]),
  );
  await assignCase(ctx, cpas.actors['head-of-social-service'], { personId, userId: worker.userId, assignedFrom: '2026-01-01' });
  const canary = options.canary ?? `CANARY-${serial}`;
  const c = (field: string) => `${canary}-${field}`;
  await writeSecretRecord(ctx, worker, { personId, purpose: 'case-follow-up', kind: 'social-report', date: '2026-01-20', plain: { language: 'fr' }, sealed: { situation: c('situation'), assessment: c('assessment') } });
  await writeSecretRecord(ctx, worker, { personId, purpose: 'case-follow-up', kind: 'case-note', sealed: { body: c('note') } });
  await writeSecretRecord(ctx, worker, { personId, purpose: 'case-follow-up', kind: 'medical-document', date: '2026-01-21', sealed: { description: c('medical') } });
  await writeSecretRecord(ctx, worker, { personId, purpose: 'case-follow-up', kind: 'piis', date: '2026-01-22', sealed: { objectives: c('piis-objectives'), evaluation: c('piis-evaluation') } });
  await addAttachment(ctx, worker, { personId, purpose: 'case-follow-up', dataClass: 'medical-data', fileName: `${c('file')}.pdf`, mediaType: 'application/pdf', content: Buffer.from(c('attachment')) });
  return {
    personId,
    niss,
    familyName,
    canaries: ['situation', 'assessment', 'note', 'medical', 'piis-objectives', 'piis-evaluation', 'file', 'attachment'].map(c),
  };
}

/** The clock of register tests: a few days after the requests below were received. */
export const REGISTER_NOW = () => new Date('2026-03-06T10:00:00Z');

/** A valid request of the procureur du Roi under art. 46bis/1 about these persons. */
export function prosecutorRequest(niss: readonly string[], items: readonly ItemCategory[], patch: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    // Before the new Book II of the Code pénal (2026-04-08): a bare "140" is read in the 1867 code.
    dated: '2026-03-02',
    received: '2026-03-04',
    channel: 'letter',
    author: { role: 'procureur-du-roi', name: 'M. Dupont, substitut', office: 'Parquet de Namur' },
    reasoned: true,
    offences: ['140'],
    subjects: niss.map((n) => ({ niss: n })),
    items,
    ...patch,
  };
}

/** Records, assesses and matches a request, each subject to the file with its NISS (or none). */
export async function assessedRequest(
  ctx: AppContext,
  cpas: TestCpas,
  request: AssessmentInput,
  options: { reference?: string; files?: readonly (string | null)[] } = {},
): Promise<string> {
  const dg = cpas.actors['directeur-general'];
  const { requestId } = await recordRequest(ctx, cpas.actors['social-worker'], { request, reference: options.reference ?? 'NA.12.LL.1234/26', reasonsText: 'Enquête en cours.' });
  for (const [i, personId] of (options.files ?? []).entries()) {
    await matchSubject(ctx, dg, { requestId, position: i + 1, personId });
  }
  await assessRecordedRequest(ctx, dg, { requestId });
  return requestId;
}

export interface RegisterWorld {
  t: TestDatabase;
  ctx: AppContext;
  namur: TestCpas;
  person: SeededPerson;
}

/** A fresh database on the register's clock, with the CPAS of Namur, its staff, and one person's full file. */
export async function openRegisterWorld(): Promise<RegisterWorld> {
  const t = await createTestDatabase();
  const ctx = testContext(t.db, REGISTER_NOW);
  const namur = await addTestCpas(t.db, 'namur');
  return { t, ctx, namur, person: await seedPersonFile(ctx, namur) };
}

/** New register settings the way the CPAS makes them: proposed by one person, confirmed by another. */
export async function configureConfirmed(
  ctx: AppContext,
  proposer: Actor,
  confirmer: Actor,
  input: { answerDelayDays: number; config: unknown; decisionRef?: string },
): Promise<{ version: number }> {
  const { proposalId } = await proposeRequestSettings(ctx, proposer, { decisionRef: 'Service juridique, décision de test', ...input });
  const decided = await decideRequestSettings(ctx, confirmer, { proposalId, confirm: true });
  return { version: decided.version! };
}

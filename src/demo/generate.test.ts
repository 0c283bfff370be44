import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDateFromNiss, checkNiss } from '../domain/niss.ts';
import { ROLES } from '../domain/roles.ts';
import {
  addressInput,
  applicationInput,
  caseNoteInput,
  decisionInput,
  householdMemberInput,
  medicalDocumentInput,
  personInput,
  piisInput,
  socialReportInput,
  userInput,
} from '../domain/schemas.ts';
import { createPersonContext, DEMO_REFERENCE_DATE, generateDemo, syntheticPerson } from './generate.ts';
import { mulberry32 } from './random.ts';
import type { DemoCpas, DemoPerson } from './types.ts';

const started = performance.now();
const demo = generateDemo(2026);
const elapsed = performance.now() - started;
const byCode = (code: string): DemoCpas => {
  const cpas = demo.cpas.find((c) => c.code === code);
  assert.ok(cpas, `missing CPAS ${code}`);
  return cpas;
};
const A_UUID = '123e4567-e89b-42d3-a456-426614174000';

/** Every text of a person, with the language it should be in. */
function texts(p: DemoPerson): string[] {
  return [
    ...p.socialReports.flatMap((r) => [r.situation, r.assessment ?? '']),
    ...p.caseNotes.map((n) => n.body),
    ...p.medicalDocuments.map((m) => m.description),
    ...p.piis.flatMap((x) => [x.objectives, x.evaluation ?? '']),
    ...p.applications.map((a) => a.decision?.motivation ?? ''),
  ].filter((s) => s.length > 0);
}

// Words (and, for French, accented letters) that only one of the two languages uses.
const FRENCH = /\b(le|la|les|des|du|une?|est|pour|dans|avec|sur|au|aux|il|elle|pas)\b|[éèêàç]|\b[dl]'/gi;
const DUTCH = /\b(het|een|van|voor|niet|zijn|wordt|werd|met|bij|naar|op|aan|te|na|over|geen)\b|ij|aa|ee|oo|uu/gi;
function languageOf(text: string): 'fr' | 'nl' | '?' {
  const fr = text.match(FRENCH)?.length ?? 0;
  const nl = text.match(DUTCH)?.length ?? 0;
  return fr > nl ? 'fr' : nl > fr ? 'nl' : '?';
}

test('three CPAS (Walloon, bilingual Brussels, Flemish) of 300 persons each', (t) => {
  t.diagnostic(`generateDemo(2026) took ${elapsed.toFixed(0)} ms`);
  assert.deepEqual(demo.cpas.map((c) => [c.code, c.region, c.languages, c.defaultLanguage, c.persons.length]), [
    ['namur', 'wallonie', ['fr'], 'fr', 300],
    ['schaerbeek', 'bruxelles', ['fr', 'nl'], 'fr', 300],
    ['gent', 'vlaanderen', ['nl'], 'nl', 300],
  ]);
  for (const c of demo.cpas) {
    assert.match(c.email, /@demo\.confiance\.invalid$/);
    assert.match(c.postalCode, /^[1-9]\d{3}$/);
    assert.ok(c.name && c.street && c.municipality && c.phone);
  }
});

test('the same seed gives the same dataset; another seed a different one', () => {
  assert.equal(JSON.stringify(generateDemo(2026)), JSON.stringify(demo));
  assert.notEqual(JSON.stringify(generateDemo(2027, 5)), JSON.stringify(generateDemo(2026, 5)));
});

test('each CPAS draws from its own stream: more persons extend the list without changing it', () => {
  const small = generateDemo(7, 10);
  const large = generateDemo(7, 25);
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(large.cpas[i]?.persons.slice(0, 10), small.cpas[i]?.persons);
    assert.deepEqual(large.cpas[i]?.users, small.cpas[i]?.users);
  }
});

test('every CPAS has one account per role plus three social workers, valid as user input', () => {
  for (const c of demo.cpas) {
    const usernames = c.users.map((u) => u.username);
    assert.deepEqual([...usernames].sort(), [...ROLES, 'social-worker-2', 'social-worker-3'].sort());
    for (const role of ROLES) assert.ok(c.users.some((u) => u.roles.includes(role)), `${c.code} lacks ${role}`);
    assert.equal(c.users.filter((u) => u.roles.includes('social-worker')).length, 3);
    assert.equal(new Set(c.users.map((u) => u.displayName)).size, c.users.length);
    for (const { sex, ...user } of c.users) {
      assert.ok(sex === 'F' || sex === 'M', 'the sex only picks the name and the signatory titles');
      assert.deepEqual(userInput.parse(user), user);
      assert.equal(user.language, c.defaultLanguage);
    }
  }
});

test('every generated record passes its schema unchanged', () => {
  for (const c of demo.cpas) {
    for (const p of c.persons) {
      assert.deepEqual(personInput.parse(p.person), p.person);
      for (const a of p.addresses) assert.deepEqual(addressInput.parse(a), a);
      for (const m of p.household) assert.deepEqual(householdMemberInput.parse(m), m);
      for (const { application, decision } of p.applications) {
        assert.deepEqual(applicationInput.parse(application), application);
        if (decision) assert.deepEqual(decisionInput.parse({ ...decision, applicationId: A_UUID }), { ...decision, applicationId: A_UUID });
      }
      for (const { writtenOn, language, situation, assessment } of p.socialReports) {
        socialReportInput.parse({ writtenOn, language, situation, assessment, purpose: 'case-follow-up' });
      }
      for (const n of p.caseNotes) caseNoteInput.parse({ body: n.body, purpose: 'case-follow-up' });
      for (const m of p.medicalDocuments) medicalDocumentInput.parse({ issuedOn: m.issuedOn, description: m.description, purpose: 'case-follow-up' });
      for (const x of p.piis) piisInput.parse({ signedOn: x.signedOn, objectives: x.objectives, evaluation: x.evaluation, purpose: 'case-follow-up' });
    }
  }
});

test('NISS are valid, unique per CPAS, encode the birth date and follow the sex parity', () => {
  for (const c of demo.cpas) {
    const seen = new Set<string>();
    for (const { person } of c.persons) {
      const niss = person.niss ?? '';
      assert.equal(checkNiss(niss).ok, true, niss);
      assert.equal(birthDateFromNiss(niss), person.birthDate);
      assert.equal(Number(niss.slice(6, 9)) % 2 === 1, person.sex === 'M', `${niss} ${person.sex}`);
      assert.ok(!seen.has(niss), `duplicate ${niss} in ${c.code}`);
      seen.add(niss);
    }
  }
});

test('identities are plausible: adult, born 1940-2007 with some from 2000, mostly Belgian', () => {
  for (const c of demo.cpas) {
    const births = c.persons.map((p) => p.person.birthDate ?? '');
    assert.ok(births.every((b) => b >= '1940-01-01' && b <= '2007-12-31'), c.code);
    assert.ok(births.filter((b) => b >= '2000-01-01').length >= 15, `${c.code}: too few born from 2000`);
    const belgians = c.persons.filter((p) => p.person.nationality === 'BE').length;
    assert.ok(belgians > c.persons.length / 2 && belgians < c.persons.length, `${c.code}: ${belgians} Belgians`);
    for (const p of c.persons) {
      if (p.person.email) assert.match(p.person.email, /@demo\.confiance\.invalid$/);
      if (p.person.iban) assert.match(p.person.iban, /^BE\d{14}$/);
    }
    assert.ok(c.persons.some((p) => p.person.iban) && c.persons.some((p) => p.person.phone));
  }
});

test('each person has a domicile in the municipality of their CPAS, at a real postal code', () => {
  const postalCodes: Record<string, string[]> = {
    namur: ['5000', '5001', '5002', '5003', '5004', '5020', '5021', '5022', '5024', '5100', '5101'],
    schaerbeek: ['1030'],
    gent: ['9000', '9030', '9031', '9032', '9040', '9041', '9042', '9050', '9051', '9052'],
  };
  for (const c of demo.cpas) {
    const municipalities = c.code === 'schaerbeek' ? ['Schaerbeek', 'Schaarbeek'] : [c.municipality];
    for (const p of c.persons) {
      const domiciles = p.addresses.filter((a) => a.kind === 'domicile');
      assert.equal(domiciles.length, 1);
      const [domicile] = domiciles;
      assert.ok(domicile && municipalities.includes(domicile.municipality), domicile?.municipality);
      assert.ok(postalCodes[c.code]?.includes(domicile.postalCode), domicile.postalCode);
      // Address periods do not overlap.
      const periods = p.addresses.map((a) => [a.validFrom, a.validTo ?? '9999-12-31'] as const).sort();
      for (let i = 1; i < periods.length; i++) assert.ok((periods[i - 1]?.[1] ?? '') < (periods[i]?.[0] ?? ''), JSON.stringify(p.addresses));
    }
    assert.ok(c.persons.some((p) => p.addresses.some((a) => a.kind === 'reference')), `${c.code}: no reference address`);
    assert.ok(c.persons.some((p) => p.addresses.some((a) => a.kind === 'earlier')), `${c.code}: no earlier address`);
    assert.ok(c.persons.some((p) => p.household.length > 0), `${c.code}: no household`);
  }
});

test('case files are consistent: dates up to the reference date, authors are staff, decisions follow applications', () => {
  for (const c of demo.cpas) {
    const workers = c.users.filter((u) => u.roles.includes('social-worker')).map((u) => u.username);
    const counts = { decided: 0, applications: 0, reports: 0, notes: 0, medical: 0, piis: 0 };
    for (const p of c.persons) {
      assert.ok(workers.includes(p.assignedTo.username));
      assert.ok(p.assignedTo.from <= DEMO_REFERENCE_DATE);
      assert.ok(p.applications.length >= 1 && p.applications.length <= 3);
      assert.ok(p.socialReports.length <= 2 && p.caseNotes.length <= 3);
      for (const { application, decision } of p.applications) {
        counts.applications++;
        assert.ok(application.submittedOn >= p.assignedTo.from && application.submittedOn < DEMO_REFERENCE_DATE);
        if (!decision) continue;
        counts.decided++;
        assert.ok(decision.decidedOn > application.submittedOn && decision.decidedOn < DEMO_REFERENCE_DATE);
        if (decision.periodFrom && decision.periodTo) assert.ok(decision.periodTo >= decision.periodFrom);
        if (decision.outcome === 'refused') assert.equal(decision.amountCents, null);
        if (application.kind === 'revenu-integration' && decision.outcome !== 'refused') {
          assert.ok((decision.amountCents ?? 0) > 0 && (decision.amountCents ?? 0) < 200_000, String(decision.amountCents));
        }
      }
      const authored = [...p.socialReports, ...p.caseNotes, ...p.medicalDocuments, ...p.piis];
      for (const r of authored) assert.ok(workers.includes(r.authorUsername));
      for (const r of p.socialReports) assert.ok(r.writtenOn < DEMO_REFERENCE_DATE);
      for (const n of p.caseNotes) assert.match(n.writtenAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
      counts.reports += p.socialReports.length;
      counts.notes += p.caseNotes.length;
      counts.medical += p.medicalDocuments.length;
      counts.piis += p.piis.length;
    }
    assert.ok(counts.decided > counts.applications * 0.7, `${c.code}: ${JSON.stringify(counts)}`);
    assert.ok(counts.reports > 0 && counts.notes > 0 && counts.medical > 0 && counts.piis > 0, `${c.code}: ${JSON.stringify(counts)}`);
    assert.ok(new Set(c.persons.map((p) => p.assignedTo.username)).size === 3, 'cases spread over the three workers');
  }
});

test('Namur writes in French, Gent in Dutch, Schaerbeek in both', () => {
  const languages = (c: DemoCpas) => c.persons.flatMap((p) => texts(p).map(languageOf));
  const namur = languages(byCode('namur'));
  const gent = languages(byCode('gent'));
  assert.ok(!namur.includes('nl') && namur.filter((l) => l === 'fr').length > namur.length * 0.98);
  assert.ok(!gent.includes('fr') && gent.filter((l) => l === 'nl').length > gent.length * 0.98);
  const brussels = languages(byCode('schaerbeek'));
  assert.ok(brussels.includes('fr') && brussels.includes('nl'));
  // The declared language of each report matches its text.
  for (const c of demo.cpas) for (const p of c.persons) for (const r of p.socialReports) assert.equal(languageOf(r.situation), r.language);
});

test('texts differ from person to person', () => {
  for (const c of demo.cpas) {
    const situations = c.persons.flatMap((p) => p.socialReports.map((r) => r.situation));
    assert.ok(new Set(situations).size > situations.length * 0.95, `${c.code}: ${new Set(situations).size}/${situations.length}`);
    const motivations = c.persons.flatMap((p) => p.applications.map((a) => a.decision?.motivation ?? '')).filter(Boolean);
    assert.ok(new Set(motivations).size > motivations.length * 0.5, c.code);
  }
});

test('households are plausible: children born to an adult parent, siblings apart, members dated', () => {
  for (const c of demo.cpas) {
    for (const p of c.persons) {
      const birth = p.person.birthDate ?? '';
      const children = p.household.filter((m) => m.relationship === 'child').map((m) => m.birthDate ?? '').sort();
      for (const child of children) {
        assert.ok(Number(child.slice(0, 4)) - Number(birth.slice(0, 4)) >= 18, `${birth} -> ${child}`);
        assert.ok(child < DEMO_REFERENCE_DATE);
      }
      for (let i = 1; i < children.length; i++) {
        const gap = (Date.parse(children[i] ?? '') - Date.parse(children[i - 1] ?? '')) / 86_400_000;
        assert.ok(gap >= 330, `siblings ${children[i - 1]} and ${children[i]}`);
      }
      for (const m of p.household) assert.ok(m.validFrom >= (m.birthDate ?? '') && m.validFrom <= DEMO_REFERENCE_DATE);
    }
  }
});

test('each language has at least 20 distinct fragments per kind of text', () => {
  for (const [code, language] of [['namur', 'fr'], ['gent', 'nl']] as const) {
    const context = createPersonContext(code);
    const rng = mulberry32(3);
    const persons = Array.from({ length: 3000 }, () => syntheticPerson(rng, context));
    const distinct = (values: string[]) => new Set(values.map((v) => v.replace(/\d+/g, '#'))).size;
    const counts = {
      caseNotes: distinct(persons.flatMap((p) => p.caseNotes.map((n) => n.body))),
      medical: distinct(persons.flatMap((p) => p.medicalDocuments.map((m) => m.description))),
      piisGoals: distinct(persons.flatMap((p) => p.piis.flatMap((x) => x.objectives.split('\n').filter((l) => l.startsWith('- '))))),
      assessments: distinct(persons.flatMap((p) => p.socialReports.flatMap((r) => (r.assessment ?? '').split('. ')))),
      motivations: distinct(persons.flatMap((p) => p.applications.flatMap((a) => (a.decision?.motivation ?? '').split('; ')))),
    };
    for (const [kind, count] of Object.entries(counts)) assert.ok(count >= 20, `${language} ${kind}: ${count}`);
  }
});

test('the reference date moves every date', () => {
  const later = generateDemo(2026, 20, '2030-06-15');
  const dates = later.cpas.flatMap((c) => c.persons.flatMap((p) => [p.assignedTo.from, ...p.applications.map((a) => a.application.submittedOn)]));
  assert.ok(dates.every((d) => d < '2030-06-15') && dates.some((d) => d > '2027-01-01'));
  assert.throws(() => generateDemo(1, 1, '2026-02-30'), RangeError);
});

test('100,000 persons for one CPAS (timed)', (t) => {
  const context = createPersonContext('gent');
  const rng = mulberry32(99);
  const cpu = process.cpuUsage();
  const start = performance.now();
  let texts = 0;
  for (let i = 0; i < 100_000; i++) texts += syntheticPerson(rng, context).socialReports.length;
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  t.diagnostic(`100,000 persons in ${(wall / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (${texts} social reports)`);
  assert.equal(context.usedNiss.size, 100_000);
});

// The data-subject export: found by NISS within the actor's CPAS only, opened through the same
// gate as any read, logged as a search then an export, secret classes listed as withheld.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DomainError } from '../domain/errors.ts';
import { makeNiss } from '../domain/niss.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { addAttachment } from './attachments.ts';
import type { AppContext } from './context.ts';
import { createPerson } from './create-person.ts';
import { exportPerson } from './export-person.ts';
import { assignCase } from './manage-staff.ts';
import { writeSecretRecord } from './write-secret-record.ts';

let t: TestDatabase;
let ctx: AppContext;
let cpas: TestCpas;
let other: TestCpas;
let personId: string;
const NISS = makeNiss('1985-07-30', 33);
const ONLY_ELSEWHERE = makeNiss('1990-01-01', 5);
const SECRET_TEXT = 'Madame confie des violences conjugales';
const SECRET_CLASSES = ['social-report', 'social-notes', 'medical-data', 'piis', 'opinions'];

before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db);
  cpas = await addTestCpas(t.db, 'namur');
  other = await addTestCpas(t.db, 'liege');
  const agent = cpas.actors['administrative-agent'];
  const worker = cpas.actors['social-worker'];
  ({ personId } = await createPerson(ctx, agent, {
    purpose: 'intake',
    person: { niss: NISS, familyName: 'Dubois', givenNames: 'Marie', birthDate: '1985-07-30', email: 'marie@example.org' },
    addresses: [{ kind: 'domicile', street: 'Rue de Fer', houseNumber: '12', postalCode: '5000', municipality: 'Namur', country: 'BE', validFrom: '2020-01-01' }],
  }));
  await assignCase(ctx, cpas.actors['head-of-social-service'], { personId, userId: worker.userId, assignedFrom: '2026-01-01' });
  await writeSecretRecord(ctx, worker, {
    personId, purpose: 'case-follow-up', kind: 'social-report', date: '2026-10-01', plain: { language: 'fr' }, sealed: { situation: SECRET_TEXT, assessment: 'Avis favorable' },
  });
  await addAttachment(ctx, agent, { personId, purpose: 'intake', dataClass: 'identity', fileName: 'carte-identite.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF identity') });
  await addAttachment(ctx, worker, { personId, purpose: 'case-follow-up', dataClass: 'medical-data', fileName: 'certificat-psychiatrique.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF medical') });
  await createPerson(ctx, other.actors['administrative-agent'], { purpose: 'intake', person: { niss: ONLY_ELSEWHERE, familyName: 'Autre', givenNames: 'Cpas' } });
  await createPerson(ctx, other.actors['administrative-agent'], { purpose: 'intake', person: { niss: NISS, familyName: 'Homonyme', givenNames: 'Liège' } });
});
after(() => t.drop());

const logEntries = async (n: number) =>
  (await t.db.ownerTransaction((tx) =>
    tx.query<{ entry_text: string }>('SELECT entry_text FROM access_log_entry WHERE cpas_id = $1 ORDER BY seq DESC LIMIT $2', [cpas.cpasId, n])))
    .map((r) => JSON.parse(r.entry_text) as Record<string, unknown>)
    .reverse();
const logSize = async () =>
  Number((await t.db.ownerTransaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM access_log_entry WHERE cpas_id = $1', [cpas.cpasId])))[0]?.n);

test('the assigned worker exports the administrative file; secret classes are withheld for the purpose, and the export is logged', async () => {
  const exported = await exportPerson(ctx, cpas.actors['social-worker'], { niss: '85.07.30-033.28' });
  assert.equal(exported.cpas, 'namur');
  assert.equal(exported.personId, personId);
  assert.equal(exported.purpose, 'data-subject-access');
  assert.equal(exported.exportedAt, '2026-11-28T10:00:00.000Z');
  assert.deepEqual(exported.administrative.identity, { familyName: 'Dubois', givenNames: 'Marie', birthDate: '1985-07-30', birthPlace: null, sex: null, nationality: null, niss: NISS });
  assert.deepEqual(exported.administrative['contact-details'], { phone: null, email: 'marie@example.org' });
  assert.equal((exported.administrative['domicile-address'] as unknown[]).length, 1);
  assert.deepEqual(exported.secret, {});
  assert.deepEqual(exported.attachments.map((a) => a.fileName), ['carte-identite.pdf'], 'the name of a secret attachment is not shown either');
  assert.deepEqual(exported.withheld, SECRET_CLASSES.map((c) => ({ class: c, reason: 'purpose' })));
  assert.ok(!JSON.stringify(exported).includes(SECRET_TEXT));

  const [search, exportEntry] = await logEntries(2);
  assert.equal(search?.action, 'search');
  assert.equal(search?.purpose, 'data-subject-access');
  assert.deepEqual(search?.details, { count: 1, criteria: ['niss'], persons: [personId] });
  assert.equal(exportEntry?.action, 'export');
  assert.equal(exportEntry?.person, personId);
  assert.equal(exportEntry?.purpose, 'data-subject-access');
  assert.ok(!(exportEntry?.classes as string[]).includes('social-report'));
});

test('an administrative agent gets the same administrative file; the secret classes are refused by the policy', async () => {
  const exported = await exportPerson(ctx, cpas.actors['administrative-agent'], { niss: NISS });
  assert.equal((exported.administrative.identity as { niss: string }).niss, NISS);
  assert.deepEqual(exported.withheld, SECRET_CLASSES.map((c) => ({ class: c, reason: 'default-deny' })));
});

test('a wrong check digit is invalid input naming NISS, before any lookup', async () => {
  const logged = await logSize();
  await assert.rejects(exportPerson(ctx, cpas.actors['social-worker'], { niss: `${NISS.slice(0, 9)}00` }), (e: DomainError) =>
    e.code === 'invalid-input' && e.field === 'NISS' && e.message === 'NISS: is not a valid national number (check digits do not match)');
  assert.equal(await logSize(), logged);
});

test('a national number unknown in the actor’s CPAS is not found, even when another CPAS knows it; the search is logged', async () => {
  for (const niss of [makeNiss('1970-05-05', 1), ONLY_ELSEWHERE]) {
    await assert.rejects(exportPerson(ctx, cpas.actors['social-worker'], { niss }), (e: DomainError) =>
      e.code === 'not-found' && e.message === 'no person with this NISS in namur');
    const [search] = await logEntries(1);
    assert.deepEqual([search?.action, search?.details], ['search', { count: 0, criteria: ['niss'], persons: [] }]);
  }
});

test('a role that may not search (DPO) is refused alike for a known and an unknown number, and the refusal is logged', async () => {
  for (const niss of [NISS, makeNiss('1970-05-05', 1)]) {
    await assert.rejects(exportPerson(ctx, cpas.actors.dpo, { niss }), (e: DomainError) => e.code === 'forbidden');
    const [entry] = await logEntries(1);
    assert.deepEqual([entry?.action, entry?.outcome, entry?.person], ['search', 'denied', null]);
  }
});

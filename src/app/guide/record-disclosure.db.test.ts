// Recording what was done after the guide: only who may write the file's social notes records it;
// the content is sealed; the access log gets one 'disclosure' entry naming the ground and no text;
// the file shows it; the DPO and the head of social service see counts only, small ones suppressed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPerson } from '../create-person.ts';
import { assignCase } from '../manage-staff.ts';
import { openPersonFile } from '../open-person-file.ts';
import { DomainError } from '../../domain/errors.ts';
import { addTestCpas, testContext, type TestCpas } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { readDisclosureStatistics } from './disclosure-statistics.ts';
import { recordDisclosure } from './record-disclosure.ts';

let t: TestDatabase;
let namur: TestCpas;
let gent: TestCpas;
let personId = '';
const ctx = () => testContext(t.db);
const SECRET = 'CANARY-458bis-7d1e : la fille a confié les violences du compagnon de sa mère';
const DISCLOSURE = { outcome: 'disclosure', ground: '458bis', disclosedOn: '2026-11-27', recipient: 'Procureur du Roi de Namur (substitut de garde)', shared: SECRET };

before(async () => {
  t = await createTestDatabase();
  namur = await addTestCpas(t.db, 'namur');
  gent = await addTestCpas(t.db, 'gent');
  ({ personId } = await createPerson(ctx(), namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Delcourt', givenNames: 'Léa' } }));
  await assignCase(ctx(), namur.actors['head-of-social-service'], { personId, userId: namur.actors['social-worker'].userId, assignedFrom: '2026-01-01' });
});
after(() => t.drop());

const entries = (action: string) =>
  t.db.ownerTransaction((tx) => tx.query<{ entry_text: string }>('SELECT entry_text FROM access_log_entry WHERE action = $1 ORDER BY seq', [action]));
const refusedWith = async (work: Promise<unknown>, code: string, field?: string) => {
  await assert.rejects(work, (error: unknown) => error instanceof DomainError && error.code === code && (field === undefined || error.field === field));
};

test('the worker on the case records a 458bis disclosure: sealed, logged as "disclosure" with its ground, shown in the file', async () => {
  const { recordId } = await recordDisclosure(ctx(), namur.actors['social-worker'], personId, DISCLOSURE);
  const [row] = await t.db.ownerTransaction((tx) => tx.query<{ outcome_kind: string; ground_kind: string; shared_enc: Buffer; recipient_enc: Buffer }>(
    'SELECT outcome_kind, ground_kind, shared_enc, recipient_enc FROM guide_disclosure WHERE disclosure_id = $1', [recordId]));
  assert.deepEqual([row!.outcome_kind, row!.ground_kind], ['disclosure', '458bis']);
  assert.ok(!row!.shared_enc.toString('latin1').includes('CANARY') && !row!.recipient_enc.toString('latin1').includes('Procureur'), 'sealed');
  const logged = await entries('disclosure');
  assert.equal(logged.length, 1);
  const entry = JSON.parse(logged[0]!.entry_text);
  assert.deepEqual([entry.outcome, entry.person, entry.details.ground, entry.details.outcome, entry.classes], ['allowed', personId, '458bis', 'disclosure', ['social-notes']]);
  assert.ok(!logged[0]!.entry_text.includes('CANARY') && !logged[0]!.entry_text.includes('Procureur'));
  const file = await openPersonFile(ctx(), namur.actors['social-worker'], { personId, purpose: 'case-follow-up' });
  const [opened] = file.secret['guide-disclosure'] ?? [];
  assert.deepEqual([opened?.outcome, opened?.ground, opened?.shared, opened?.date.slice(0, 10)], ['disclosure', '458bis', SECRET, '2026-11-27']);
});

test('nobody else records in the file: a worker not on the case, the DPO, another CPAS; each refusal is logged', async () => {
  const before = (await entries('disclosure')).length;
  await refusedWith(recordDisclosure(ctx(), namur.actors['other-social-worker'], personId, DISCLOSURE), 'forbidden');
  await refusedWith(recordDisclosure(ctx(), namur.actors.dpo, personId, DISCLOSURE), 'forbidden');
  await assert.rejects(recordDisclosure(ctx(), gent.actors['social-worker'], personId, DISCLOSURE), DomainError);
  const after = await entries('disclosure');
  assert.equal(after.length, before + 2, 'the two refusals in this CPAS are in its log');
  assert.ok(after.slice(before).every((e) => JSON.parse(e.entry_text).outcome === 'denied'));
  assert.equal((await t.db.ownerTransaction((tx) => tx.query('SELECT 1 FROM guide_disclosure')).then((r) => r.length)), 1);
});

test('the closed list: a disclosure needs a ground, a refusal has none, no date to come; the field is named', async () => {
  const worker = namur.actors['social-worker'];
  await refusedWith(recordDisclosure(ctx(), worker, personId, { ...DISCLOSURE, ground: undefined }), 'invalid-input', 'ground');
  await refusedWith(recordDisclosure(ctx(), worker, personId, { ...DISCLOSURE, ground: 'legal-obligation' }), 'invalid-input', 'ground');
  await refusedWith(recordDisclosure(ctx(), worker, personId, { ...DISCLOSURE, ground: 'internal-shared-secrecy' }), 'invalid-input', 'ground');
  await refusedWith(recordDisclosure(ctx(), worker, personId, { ...DISCLOSURE, outcome: 'refusal' }), 'invalid-input', 'ground');
  await refusedWith(recordDisclosure(ctx(), worker, personId, { ...DISCLOSURE, disclosedOn: '2026-12-01' }), 'invalid-input', 'disclosedOn');
  await refusedWith(recordDisclosure(ctx(), worker, personId, { ...DISCLOSURE, report: true }), 'invalid-input');
  const refusal = await recordDisclosure(ctx(), worker, personId, { outcome: 'refusal', disclosedOn: '2026-11-28', recipient: 'Un employeur, par téléphone', shared: 'Si la personne est aidée par le CPAS' });
  assert.ok(refusal.recordId);
});

test('the disclosures view: counts by ground and year for the DPO and the head of service, suppressed under 5; nobody else', async () => {
  const worker = namur.actors['social-worker'];
  for (let i = 0; i < 6; i++) await recordDisclosure(ctx(), worker, personId, { ...DISCLOSURE, ground: 'necessity', disclosedOn: '2025-03-0' + (i + 1) });
  for (const actor of [namur.actors.dpo, namur.actors['head-of-social-service']]) {
    const years = await readDisclosureStatistics(ctx(), actor);
    assert.deepEqual(years.map((y) => y.year), [2026, 2025]);
    assert.deepEqual(years[1]!.byGround.cells, { '422bis': 0, '458bis': 0, necessity: 6, '458ter-consultation': 0, testimony: 0, 'shared-secrecy': 0 });
    assert.equal(years[0]!.byGround.cells['458bis'], '< 5', 'one 458bis disclosure in 2026 is not shown as 1');
    assert.equal(years[0]!.byGround.total, '< 5');
    assert.ok(!JSON.stringify(years).includes('CANARY'));
  }
  for (const role of ['social-worker', 'directeur-general', 'it-admin', 'council-member'] as const) {
    await refusedWith(readDisclosureStatistics(ctx(), namur.actors[role]), 'forbidden');
  }
  assert.deepEqual(await readDisclosureStatistics(ctx(), gent.actors.dpo), [], 'another CPAS counts only its own');
});

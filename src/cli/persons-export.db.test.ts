// `persons export` on a test database: JSON on stdout; bad input and unknown numbers as errors
// that main.ts maps to exit 2 and 1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AppContext } from '../app/context.ts';
import { createPerson } from '../app/create-person.ts';
import { writeSecretRecord } from '../app/write-secret-record.ts';
import { assignConfirmed, type TestCpas } from '../testing/fixtures.ts';
import type { DomainError } from '../domain/errors.ts';
import { makeNiss } from '../domain/niss.ts';
import { captureIo } from '../testing/capture-io.ts';
import { addTestCpas, testContext } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { runPersonsExport } from './persons-export.ts';

let t: TestDatabase;
let ctx: AppContext;
let cpas: TestCpas;
const NISS = makeNiss('1985-07-30', 33);
before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db);
  cpas = await addTestCpas(t.db, 'namur');
  await createPerson(ctx, cpas.actors['administrative-agent'], { purpose: 'intake', person: { niss: NISS, familyName: 'Dubois', givenNames: 'Marie' } });
});
after(() => t.drop());

const AS = ['--as', 'administrative-agent@namur'];

test('prints the export as JSON on stdout', async () => {
  const { io, out } = captureIo(ctx);
  assert.equal(await runPersonsExport([NISS, ...AS], io), 0);
  const exported = JSON.parse(out.stdout) as { cpas: string; administrative: { identity: { familyName: string } }; withheld: unknown[] };
  assert.equal(exported.cpas, 'namur');
  assert.equal(exported.administrative.identity.familyName, 'Dubois');
  assert.equal(exported.withheld.length, 5);
  assert.equal(out.stderr, '');
});

test('a malformed NISS is invalid input (exit 2); an unknown one is not found (exit 1)', async () => {
  await assert.rejects(runPersonsExport([`${NISS.slice(0, 9)}00`, ...AS], captureIo(ctx).io), (e: DomainError) => e.code === 'invalid-input' && e.field === 'NISS');
  await assert.rejects(runPersonsExport([makeNiss('1970-01-01', 1), ...AS], captureIo(ctx).io), (e: DomainError) =>
    e.code === 'not-found' && e.message === 'no person with this NISS in namur');
  await assert.rejects(runPersonsExport(AS, captureIo(ctx).io), (e: DomainError) => e.field === 'NISS');
  await assert.rejects(runPersonsExport([NISS, ...AS, '--pretty'], captureIo(ctx).io), (e: DomainError) => e.field === '--pretty');
});

test('--purpose: the worker on the case gets the secret part for case-follow-up, through the gate; others do not', async () => {
  const [found] = await (await import('../app/search-persons.ts')).searchPersons(ctx, cpas.actors['administrative-agent'], { niss: NISS, limit: 1, purpose: 'intake' });
  const worker = cpas.actors['social-worker'];
  await assignConfirmed(ctx, cpas, { personId: found!.personId, userId: worker.userId });
  await writeSecretRecord(ctx, worker, { personId: found!.personId, purpose: 'case-follow-up', kind: 'social-report', date: '2026-10-01', plain: { language: 'fr' }, sealed: { situation: 'Situation confidentielle', assessment: 'Avis' } });
  const forFollowUp = captureIo(ctx);
  assert.equal(await runPersonsExport([NISS, '--as', 'social-worker@namur', '--purpose', 'case-follow-up'], forFollowUp.io), 0);
  assert.ok(forFollowUp.out.stdout.includes('Situation confidentielle'));
  const forAccess = captureIo(ctx);
  assert.equal(await runPersonsExport([NISS, '--as', 'social-worker@namur'], forAccess.io), 0);
  assert.ok(!forAccess.out.stdout.includes('Situation confidentielle'));
  // A worker not on the case gets the secret classes withheld, whatever purpose they claim.
  const other = captureIo(ctx);
  assert.equal(await runPersonsExport([NISS, '--as', 'other-social-worker@namur', '--purpose', 'case-follow-up'], other.io), 0);
  assert.ok(!other.out.stdout.includes('Situation confidentielle'));
  await assert.rejects(runPersonsExport([NISS, ...AS, '--purpose', 'curiosity'], captureIo(ctx).io), (e: DomainError) => e.field === '--purpose');
});

// `requests stats` and `requests overdue` on a test database: the output, the options, and the
// refusal of a user who may not see the register.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { recordRequest } from '../app/requests/record-request.ts';
import type { AppContext } from '../app/context.ts';
import { addTestCpas, testContext } from '../testing/fixtures.ts';
import { prosecutorRequest, REGISTER_NOW } from '../testing/requests.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import type { CommandIo } from './command-io.ts';
import { runRequestsOverdue } from './requests-overdue.ts';
import { runRequestsStats } from './requests-stats.ts';

let t: TestDatabase;
let ctx: AppContext;

before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db, REGISTER_NOW);
  const namur = await addTestCpas(t.db, 'namur');
  await recordRequest(ctx, namur.actors['social-worker'], { request: prosecutorRequest([], ['identity'], { channel: 'phone' }) });
  await recordRequest(ctx, namur.actors['social-worker'], { request: prosecutorRequest([], ['identity'], { received: '2026-01-05' }), reference: 'LATE-1' });
});
after(() => t.drop());

function io(): CommandIo & { out: () => string } {
  const out: string[] = [];
  return {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: () => true },
    readFile: async () => new Uint8Array(),
    open: async () => ({ ctx, close: async () => undefined }),
    clock: () => 0,
    out: () => out.join(''),
  };
}

test('requests stats prints JSON or CSV, counts 1 to 4 as "< 5"', async () => {
  const json = io();
  assert.equal(await runRequestsStats(['--year', '2026', '--as', 'dpo@namur'], json), 0);
  const stats = JSON.parse(json.out());
  assert.equal(stats.year, 2026);
  assert.equal(stats.tables.find((tb: { name: string }) => tb.name === 'received-by-channel').cells.phone, '< 5');
  const csv = io();
  assert.equal(await runRequestsStats(['--year', '2026', '--format', 'csv', '--as', 'president@namur'], csv), 0);
  assert.ok(csv.out().includes('2026,received-by-channel,phone,< 5\n'));
  assert.ok(csv.out().includes('2026,outcomes,refused,< 5\n'));
});

test('requests stats refuses bad options and users outside the register', async () => {
  await assert.rejects(runRequestsStats(['--year', '26', '--as', 'dpo@namur'], io()), { code: 'invalid-input', field: '--year' });
  await assert.rejects(runRequestsStats(['--year', '2026', '--format', 'xml', '--as', 'dpo@namur'], io()), { code: 'invalid-input', field: '--format' });
  await assert.rejects(runRequestsStats(['--year', '2026', '--yaer', '2026', '--as', 'dpo@namur'], io()), { code: 'invalid-input' });
  await assert.rejects(runRequestsStats(['--year', '2026', '--as', 'social-worker@namur'], io()), { code: 'forbidden' });
});

test('requests overdue lists what is owed past its date', async () => {
  const out = io();
  assert.equal(await runRequestsOverdue(['--as', 'directeur-general@namur'], out), 0);
  assert.match(out.out(), /^2026-01-20\treceived\tprocureur-du-roi\tLATE-1\t[0-9a-f-]{36}\n$/);
});

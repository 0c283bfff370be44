// The COPY reader of `audit verify` (access-log-copy-store.ts, copy-out.ts): every entry arrives
// once, byte for byte as stored, in runs; a gap or a malformed hash is flagged for the full
// judgement; the bytes may arrive cut anywhere; a failing COPY fails loudly and leaves the
// connection usable; and an intact chain is verified from the runs alone, without reading
// anything a second time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { verifyAccessLog } from '../../../app/verify-access-log.ts';
import { registerCpas } from '../../../app/register-cpas.ts';
import { type LoggedStatement, recordingDatabase } from '../../../testing/query-log.ts';
import { cpasWithEntries } from '../../../testing/log-files.ts';
import { createTestDatabase, type TestDatabase } from '../../../testing/test-database.ts';
import { appendAccessLog } from '../access-log-store.ts';
import { type CopiedRun, chainHashOf, copyChainRuns, entryHashOf, RunBuilder } from './access-log-copy-store.ts';
import { emptyView, entryView, readRow, rowFields } from './access-log-copy-row.ts';

let t: TestDatabase;
let cpasId: string;
const ENTRIES = 40;
const T0 = Date.parse('2026-11-02T08:00:00Z');

before(async () => {
  t = await createTestDatabase();
  cpasId = await cpasWithEntries(t.db, ENTRIES, T0);
});
after(() => t.drop());

async function runsOf(range: { afterSeq: number; upToSeq?: number }, runSize: number): Promise<CopiedRun[]> {
  const runs: CopiedRun[] = [];
  for await (const run of copyChainRuns(t.db, cpasId, { ...range, runSize })) runs.push(run);
  return runs;
}

type Stored = { seq: number; entry_text: string; entry_hash: Buffer; chain_hash: Buffer };
const stored = () => t.db.transaction((tx) => tx.query<Stored>('SELECT seq, entry_text, entry_hash, chain_hash FROM access_log_entry WHERE cpas_id = $1 ORDER BY seq', [cpasId]));

/** Per entry of the runs: its number and text as its row holds them, and its two stored hashes. */
const entriesOf = (runs: readonly CopiedRun[]) =>
  runs.flatMap((run) => Array.from({ length: run.length }, (_, i) => {
    const row = rowFields();
    const view = emptyView();
    assert.equal(readRow(run.bytes, run.rowAt[i]!, run.rowAt[i + 1]!, row), run.rowAt[i + 1], 'each row ends where the next starts');
    entryView(run.bytes, row, view);
    return {
      seq: view.seq,
      text: run.bytes.toString('utf8', view.textStart, view.textEnd),
      hashes: Buffer.concat([entryHashOf(run, i), chainHashOf(run, i)]).toString('hex'),
    };
  }));

test('every entry once, in runs, byte for byte as stored, each run regular', async () => {
  const runs = await runsOf({ afterSeq: 0 }, 7);
  assert.deepEqual(runs.map((r) => [r.afterSeq, r.lastSeq, r.length, r.regular]), [[0, 7, 7, true], [7, 14, 7, true], [14, 21, 7, true], [21, 28, 7, true], [28, 35, 7, true], [35, 40, 5, true]]);
  const rows = await stored();
  assert.deepEqual(entriesOf(runs), rows.map((r) => ({ seq: r.seq, text: r.entry_text, hashes: Buffer.concat([r.entry_hash, r.chain_hash]).toString('hex') })));
  const part = await runsOf({ afterSeq: 10, upToSeq: 20 }, 4);
  assert.deepEqual(part.map((r) => [r.afterSeq, r.lastSeq, r.regular]), [[10, 14, true], [14, 18, true], [18, 20, true]]);
});

test('a gap or a hash of the wrong length makes its run irregular, and only its run', async () => {
  await t.db.ownerTransaction(async (tx) => {
    await tx.query('ALTER TABLE access_log_entry DISABLE TRIGGER USER');
    await tx.query('UPDATE access_log_entry SET entry_hash = $2 WHERE cpas_id = $1 AND seq = 33', [cpasId, Buffer.alloc(31)]);
    await tx.query('DELETE FROM access_log_entry WHERE cpas_id = $1 AND seq = 5', [cpasId]);
  });
  try {
    const runs = await runsOf({ afterSeq: 0 }, 10);
    assert.deepEqual(runs.map((r) => [r.afterSeq, r.lastSeq, r.regular]), [[0, 11, false], [11, 21, true], [21, 31, true], [31, 40, false]]);
  } finally {
    await t.db.ownerTransaction(async (tx) => {
      await tx.query('UPDATE access_log_entry SET entry_hash = (SELECT entry_hash FROM access_log_entry WHERE cpas_id = $1 AND seq = 32) WHERE cpas_id = $1 AND seq = 33', [cpasId]);
    });
  }
});

test('the COPY bytes cut anywhere make the same runs', async () => {
  const whole: Buffer[] = [];
  await t.db.ownerTransaction((tx) => tx.copyOut(
    `COPY (SELECT seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash FROM access_log_entry WHERE cpas_id = '${cpasId}' ORDER BY seq) TO STDOUT (FORMAT binary)`,
    (piece) => whole.push(Buffer.from(piece)),
  ).done);
  const bytes = Buffer.concat(whole);
  const build = (pieces: Buffer[]) => {
    const runs: CopiedRun[] = [];
    const builder = new RunBuilder(0, 6, (run) => runs.push(run));
    for (const piece of pieces) builder.push(piece);
    builder.flush();
    return runs;
  };
  const expected = build([bytes]);
  assert.ok(expected.length > 1);
  fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
    const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
    const runs = build(at.slice(1).map((end, i) => bytes.subarray(at[i], end)));
    assert.deepEqual(entriesOf(runs), entriesOf(expected));
    assert.deepEqual(runs.map((r) => [r.afterSeq, r.lastSeq, r.regular]), expected.map((r) => [r.afterSeq, r.lastSeq, r.regular]));
  }), { numRuns: 60 });
});

test('a COPY that fails halfway rejects with the database error, and the connection is usable after it', async () => {
  const pieces: Buffer[] = [];
  await assert.rejects(
    t.db.ownerTransaction((tx) => tx.copyOut(
      `COPY (SELECT seq, 1 / (seq - 30) FROM access_log_entry WHERE cpas_id = '${cpasId}' ORDER BY seq) TO STDOUT (FORMAT binary)`,
      (piece) => pieces.push(piece),
    ).done),
    /division by zero/,
  );
  const [row] = await t.db.transaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM access_log_entry WHERE cpas_id = $1', [cpasId]));
  assert.ok(row!.n > 0);
  await assert.rejects(async () => {
    for await (const run of copyChainRuns(t.db, "x' OR true --", { afterSeq: 0, runSize: 5 })) assert.fail(`read ${run.length}`);
  }, /not a uuid/);
});

test('an intact chain is verified from the runs alone: nothing is read a second time', async () => {
  const gent = await registerCpas(t.db, { code: 'gent', name: 'OCMW Gent', region: 'vlaanderen', languages: ['nl'], defaultLanguage: 'nl', street: 'Straat 1', postalCode: '9000', municipality: 'Gent' });
  for (let seq = 1; seq <= 20; seq++) {
    await t.db.transaction((tx) => appendAccessLog(tx, {
      cpasId: gent.cpasId, userId: null, roles: [], purpose: 'bulk-import', action: 'import', personId: null, classes: [], outcome: 'allowed', rule: 'operation',
    }, new Date(T0 + seq)));
  }
  const verify = async (code: string) => {
    const log: LoggedStatement[] = [];
    const [result] = await verifyAccessLog(recordingDatabase(t.db, log), { key: null, originPrefix: 'confiance.example', batchSize: 8, mode: 'independent', cpasCode: code });
    return { result: result!, fullReads: log.filter((s) => /FROM access_log_entry/u.test(s.sql) && s.sql.includes('string_agg')).length };
  };
  const intact = await verify('gent');
  assert.deepEqual([intact.result.entries, intact.result.findings, intact.fullReads], [20, [], 0]);
  // Namur lost entry 5 (test above): its run, and the chain after the break, are judged entry by entry.
  const broken = await verify('namur');
  assert.equal(broken.result.findings[0]?.message, 'entry 5: sequence gap (deleted entry)');
  assert.ok(broken.fullReads >= 1);
});

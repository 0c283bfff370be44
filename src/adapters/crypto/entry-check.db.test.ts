// The checks `audit verify` makes of each entry in a thread (entry-check.ts), on real COPY rows:
// an intact run has no failing entry and comes back from the thread byte for byte; each kind of
// change to a stored entry (text, either hash, a column, its number, its time, its row's form)
// is counted where it is; and no single changed byte of an entry's text, hashes or columns ever
// goes unnoticed (property test).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChainVerifier } from '../../domain/chain-verifier.ts';
import { cpasWithEntries } from '../../testing/log-files.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { type CopiedRun, copyChainRuns } from '../db/stores/access-log-copy-store.ts';
import { rowFields, readRow } from '../db/stores/access-log-copy-row.ts';
import { GENESIS } from '../../domain/access-log-entry.ts';
import { countFailingEntries } from './entry-check.ts';
import { checkRunInThread, runningThreads } from './entry-check-threads.ts';

let t: TestDatabase;
let cpasId: string;
let start: Buffer;
let run: CopiedRun;
const ENTRIES = 24;

before(async () => {
  t = await createTestDatabase();
  cpasId = await cpasWithEntries(t.db, ENTRIES, Date.parse('2026-11-02T08:00:00Z'));
  start = new ChainVerifier(cpasId).textStartBytes;
  const runs: CopiedRun[] = [];
  for await (const r of copyChainRuns(t.db, cpasId, { afterSeq: 0, runSize: 100 })) runs.push(r);
  assert.equal(runs.length, 1);
  run = runs[0]!;
});
after(() => t.drop());

/** A copy of the run, with its own buffers. */
const copyOf = (r: CopiedRun): CopiedRun => ({ ...r, bytes: Buffer.from(r.bytes), rowAt: Int32Array.from(r.rowAt) });

/** Where the fields of entry `seq` lie in the run's bytes. */
function fieldsOf(r: CopiedRun, seq: number) {
  const row = rowFields();
  readRow(r.bytes, r.rowAt[seq - 1]!, r.rowAt[seq]!, row);
  const field = (f: number) => ({ at: row.starts[f]!, length: row.lengths[f]! });
  return { seq: field(0), loggedAt: field(1), user: field(2), person: field(3), action: field(4), text: field(5), entryHash: field(6), chainHash: field(7), rowStart: r.rowAt[seq - 1]! };
}

const failing = (r: CopiedRun, previous: Buffer = GENESIS) => countFailingEntries(r, previous, start);

test('an intact run has no failing entry, here and in a thread, and comes back from the thread unchanged', async () => {
  const before = Buffer.from(run.bytes);
  assert.equal(failing(run), 0);
  assert.ok(run.bytes.equals(before), 'the check puts back the byte it borrows before each text');
  const sent = copyOf(run);
  const { failing: inThread, run: back } = await checkRunInThread(sent, GENESIS, start);
  assert.equal(inThread, 0);
  assert.equal(sent.bytes.length, 0, 'the buffers were moved to the thread, not copied');
  assert.ok(back.bytes.equals(before));
  assert.deepEqual([...back.rowAt], [...run.rowAt]);
  assert.equal(failing(run, Buffer.alloc(32, 1)), 1, 'a wrong predecessor fails the first link');
});

test('each kind of change is counted at the entry it touches', async () => {
  const flip = (seq: number, pick: (f: ReturnType<typeof fieldsOf>) => number, expected: number, why: string) => {
    const r = copyOf(run);
    r.bytes[pick(fieldsOf(r, seq))]! ^= 0x01;
    assert.equal(failing(r), expected, why);
  };
  flip(7, (f) => f.text.at + 40, 1, 'a byte of the text: its entry hash');
  flip(7, (f) => f.entryHash.at + 3, 1, 'a byte of the entry hash: its text hash and link, one entry');
  flip(7, (f) => f.chainHash.at + 31, 2, 'a byte of the chain hash: its link and the next entry\'s');
  flip(7, (f) => f.person.at + 15, 1, 'a byte of person_id: the columns');
  flip(7, (f) => f.user.at, 1, 'a byte of user_id: the columns');
  flip(7, (f) => f.action.at, 1, 'a byte of action: the columns');
  flip(7, (f) => f.seq.at + 7, 1, 'its number');
  flip(7, (f) => f.loggedAt.at + 5, 1, 'its time, by 65.536 ms');
  flip(7, (f) => f.rowStart + 1, 2, 'its row is not an entry\'s: it fails, and the next has no link');
  const wider = copyOf(run);
  const f = fieldsOf(wider, 9);
  wider.bytes.writeInt32BE(33, f.chainHash.at - 4);
  assert.equal(failing(wider), 2, 'a chain hash of another length');
});

test('no changed byte of an entry\'s number, text, hashes or columns goes unnoticed', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: ENTRIES }), fc.nat(), fc.integer({ min: 1, max: 255 }), (seq, pick, mask) => {
    const r = copyOf(run);
    const f = fieldsOf(r, seq);
    const fields = [f.seq, f.user, f.person, f.action, f.text, f.entryHash, f.chainHash].filter((x) => x.length > 0);
    const field = fields[pick % fields.length]!;
    r.bytes[field.at + (Math.floor(pick / fields.length) % field.length)]! ^= mask;
    assert.ok(failing(r) >= 1);
  }), { numRuns: 400 });
});

test('a thread idle for a minute stops; a run sent after starts it again', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  // Three runs at once reach every thread (two, or three on four cores and up): each thread's idle clock is then the mocked one.
  const sent = await Promise.all([1, 2, 3].map(() => checkRunInThread(copyOf(run), GENESIS, start)));
  assert.deepEqual(sent.map((c) => c.failing), [0, 0, 0]);
  assert.ok(runningThreads() >= 2);
  t.mock.timers.tick(59_000);
  assert.ok(runningThreads() >= 1, 'still there before the minute is over');
  t.mock.timers.tick(1_000);
  assert.equal(runningThreads(), 0, 'stopped after a minute without work');
  const again = await checkRunInThread(copyOf(run), GENESIS, start);
  assert.equal(again.failing, 0);
  assert.ok(runningThreads() >= 1);
});

// COPY FROM STDIN on PostgreSQL (pg-copy.ts) sends its data right behind the statement. These
// tests hold it to what that relies on: the rows arrive whole, a failure is the caller's error,
// and the connection stays in step with the server after one (a CopyData read as a statement
// would break every statement that follows on that connection). PGlite has no copyFrom.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tx } from './database.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.drop());

const COPY = 'COPY copied (n, label) FROM STDIN (FORMAT csv)';
const csvOf = (rows: number, first = 0) => Array.from({ length: rows }, (_, i) => `${first + i},"label ${first + i}, quoted ""text"""\n`).join('');

/** Runs `work` with copyFrom in an owner transaction that has a table `copied`, rolled back at the end. */
async function withTable(work: (tx: Tx, copyFrom: NonNullable<Tx['copyFrom']>) => Promise<void>): Promise<void> {
  await assert.rejects(t.db.ownerTransaction(async (tx) => {
    await tx.query('CREATE TEMP TABLE copied (n int PRIMARY KEY, label text NOT NULL)');
    await work(tx, tx.copyFrom!);
    throw new Error('rolled back');
  }), /rolled back/);
}

/** The connection still answers statements in order: a statement gets its own result. */
async function inStep(tx: Tx): Promise<void> {
  assert.deepEqual(await tx.query('SELECT 41 + 1 AS answer'), [{ answer: 42 }]);
}

test('PostgreSQL copies every row of a block of many CopyData messages; PGlite offers no copyFrom', async () => {
  if (t.db.engine === 'pglite') {
    await t.db.transaction(async (tx) => assert.equal(tx.copyFrom, undefined));
    return;
  }
  await withTable(async (tx, copyFrom) => {
    const text = csvOf(20_000);
    assert.ok(Buffer.byteLength(text) > 4 * 64 * 1024, 'the block spans several messages');
    await copyFrom(COPY, text);
    assert.deepEqual(await tx.query('SELECT count(*)::int AS n, max(label) FILTER (WHERE n = 19999) AS last FROM copied'),
      [{ n: 20_000, last: 'label 19999, quoted "text"' }]);
    await inStep(tx);
  });
});

test('a COPY that fails before reading its data, or half-way through it, rejects with the server error and leaves the connection in step', async () => {
  if (t.db.engine === 'pglite') {
    await t.db.transaction(async (tx) => assert.equal(tx.copyFrom, undefined));
    return;
  }
  await withTable(async (tx, copyFrom) => {
    await tx.query('SAVEPOINT before_copy');
    // The server refuses the statement; the data sent behind it must be dropped, not run.
    await assert.rejects(copyFrom('COPY copied (n, no_such_column) FROM STDIN (FORMAT csv)', 'SELECT 1;\n'.repeat(10_000)), (e: { code?: string }) => e.code === '42703');
    await tx.query('ROLLBACK TO SAVEPOINT before_copy');
    await inStep(tx);
    // A duplicate key in the middle of a block of many messages.
    await assert.rejects(copyFrom(COPY, csvOf(10_000) + csvOf(10_000, 5_000)), (e: { code?: string }) => e.code === '23505');
    await tx.query('ROLLBACK TO SAVEPOINT before_copy');
    await inStep(tx);
    assert.deepEqual(await tx.query('SELECT count(*)::int AS n FROM copied'), [{ n: 0 }]);
  });
});

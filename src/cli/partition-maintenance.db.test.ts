// `serve`'s hourly partition maintenance when the database is slow to give it what it needs: a run
// never starts while the previous one is still running (both engines), and on PostgreSQL a
// partition creation stuck behind a long reader (the pg_dump of `confiance backup` holds ACCESS
// SHARE on every table it dumps; CREATE TABLE ... PARTITION OF needs ACCESS EXCLUSIVE on
// access_log_entry) gives up within the lock timeout and is retried at the next hour. Without
// that, every access-log append of every CPAS queues behind its lock request: the file openings of
// the whole server stall for as long as the backup runs. PGlite has a single connection: nothing
// can hold a lock against the maintenance there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import type { Database, Tx } from '../adapters/db/database.ts';
import { partitionMonths } from '../adapters/db/stores/log-partition-store.ts';
import { registerCpas } from '../app/register-cpas.ts';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { ensurePartitionsAtStart, PARTITION_LOCK_WAIT_MS, startPartitionMaintenance } from './partition-maintenance.ts';

const HOUR = 60 * 60_000;
/** Months years ahead: none has a partition yet, so each run has one to create. */
const COMING = ['2031-05', '2031-06', '2031-07', '2031-08'];

/** The server log as the maintenance writes it, and a promise of its next line. */
function serverLog() {
  const lines: string[] = [];
  let reported: () => void = () => undefined;
  const line = (level: string) => (message: string) => {
    lines.push(`${level} ${message}`);
    reported();
  };
  return {
    lines,
    log: { info: line('info'), warn: line('warn'), error: line('error') },
    next: () => new Promise<void>((done) => (reported = done)),
  };
}

/** Fails the test instead of hanging it when `promise` takes longer than `ms`. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  const timeout = sleep(ms, 'timeout' as const, { ref: false });
  const settled = await Promise.race([promise, timeout]);
  if (settled === 'timeout') assert.fail(`${what}: still waiting after ${ms} ms`);
  return settled as T;
}

test('a run never starts while the previous one is still running; the next hour after it ends, one does', async (t) => {
  const fresh = await createTestDatabase();
  try {
    let today = new Date('2031-05-15T10:00:00Z');
    let runs = 0;
    const clock = () => (runs++, today);
    // The first run's transactions wait, as behind a lock that is slow to come, until released.
    let release: () => void = () => undefined;
    const released = new Promise<void>((done) => (release = done));
    const slow: Database = {
      ...fresh.db,
      ownerTransaction: async <T>(work: (tx: Tx) => Promise<T>) => {
        await released;
        return fresh.db.ownerTransaction(work);
      },
    };
    t.mock.timers.enable({ apis: ['setInterval'] });
    const { lines, log, next } = serverLog();
    const stop = startPartitionMaintenance(slow, log, clock);
    try {
      t.mock.timers.tick(HOUR);
      assert.equal(runs, 1, 'the first hour\'s run started');
      // Two more hours pass while it waits: without the guard, two more runs would pile up behind it.
      t.mock.timers.tick(2 * HOUR);
      assert.equal(runs, 1, 'no run started while the first one was running');
      const first = next();
      release();
      await within(10_000, 'the first run', first);
      assert.deepEqual(lines, [`info access-log partitions created: ${COMING.join(', ')}`]);

      today = new Date('2031-06-15T10:00:00Z');
      const second = next();
      t.mock.timers.tick(HOUR);
      assert.equal(runs, 2, 'the first run over, the next hour runs again');
      await within(10_000, 'the second run', second);
      assert.deepEqual(lines.slice(1), ['info access-log partitions created: 2031-09']);
    } finally {
      stop();
    }
  } finally {
    await fresh.drop();
  }
});

/**
 * The long reader, as pg_dump takes it: ACCESS SHARE on the log (and, through it, its
 * partitions), held until end() is called; resolves once the lock is held.
 */
async function longReader(db: Database): Promise<{ end: () => Promise<void> }> {
  let locked: () => void = () => undefined;
  let release: () => void = () => undefined;
  const lockHeld = new Promise<void>((done) => (locked = done));
  const released = new Promise<void>((done) => (release = done));
  const reader = db.ownerTransaction(async (tx) => {
    await tx.query('LOCK TABLE access_log_entry IN ACCESS SHARE MODE');
    locked();
    await released;
  });
  await Promise.race([lockHeld, reader]);
  return {
    end: async () => {
      release();
      await reader;
    },
  };
}

if (testEngine() === 'postgres') {
  test('behind a long reader, the partition creation gives up within the lock timeout, appends go on, and the next hour retries', async (t) => {
    const fresh = await createTestDatabase();
    let reader: { end: () => Promise<void> } | null = null;
    try {
      const { cpasId } = await registerCpas(fresh.db, { code: 'namur', name: 'CPAS namur', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue 1', postalCode: '5000', municipality: 'Namur' });
      const draft = { cpasId, userId: crypto.randomUUID(), roles: ['social-worker' as const], purpose: 'case-follow-up' as const, action: 'read' as const, personId: crypto.randomUUID(), classes: ['identity' as const], outcome: 'allowed' as const, rule: 'operation' as const };
      await fresh.db.transaction((tx) => appendAccessLog(tx, draft));

      reader = await longReader(fresh.db);

      t.mock.timers.enable({ apis: ['setInterval'] });
      const { lines, log, next } = serverLog();
      const stop = startPartitionMaintenance(fresh.db, log, () => new Date('2031-05-15T10:00:00Z'));
      try {
        const reported = next();
        const started = performance.now();
        t.mock.timers.tick(HOUR);
        // Its lock request is queued behind the reader's lock (not granted, in pg_locks).
        const waiting = () => fresh.db.ownerTransaction((tx) => tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'access_log_entry'::regclass AND mode = 'AccessExclusiveLock' AND NOT granted`));
        while ((await waiting())[0]!.n === 0) {
          assert.ok(performance.now() - started < PARTITION_LOCK_WAIT_MS, 'the maintenance asked for its lock');
          await sleep(10);
        }
        // A file opening's append, on another connection, queues behind that request: it waits no
        // longer than the maintenance does, not for the reader to end.
        const appendStarted = performance.now();
        await within(PARTITION_LOCK_WAIT_MS + 3_000, 'the append behind the maintenance', fresh.db.transaction((tx) => appendAccessLog(tx, draft)));
        const appendWaited = performance.now() - appendStarted;
        await within(3_000, 'the maintenance\'s report', reported);
        const maintenanceTook = performance.now() - started;
        t.diagnostic(`append waited ${appendWaited.toFixed(0)} ms; the maintenance gave up after ${maintenanceTook.toFixed(0)} ms`);
        assert.ok(appendWaited < PARTITION_LOCK_WAIT_MS + 500, `the append waited ${appendWaited.toFixed(0)} ms`);
        assert.ok(maintenanceTook < PARTITION_LOCK_WAIT_MS + 1_000, `the maintenance took ${maintenanceTook.toFixed(0)} ms`);
        // A retry, by its code only (55P03: lock_not_available), not a failure.
        assert.deepEqual(lines, [`warn access-log partition maintenance: a lock was not granted within ${PARTITION_LOCK_WAIT_MS} ms; retried at the next hour: error (code 55P03)`]);
        assert.ok(!(await fresh.db.ownerTransaction((tx) => partitionMonths(tx))).includes('2031-05-01'));

        // The reader gone, the next hour creates what was postponed.
        await reader.end();
        const retried = next();
        t.mock.timers.tick(HOUR);
        await within(10_000, 'the retry', retried);
        assert.deepEqual(lines.slice(1), [`info access-log partitions created: ${COMING.join(', ')}`]);
      } finally {
        stop();
      }
    } finally {
      await reader?.end().catch(() => undefined);
      await fresh.drop();
    }
  });

  test('a command starting behind a long reader does not wait for it: the creation gives up within the lock timeout and the command goes on', async () => {
    const fresh = await createTestDatabase();
    let reader: { end: () => Promise<void> } | null = null;
    try {
      reader = await longReader(fresh.db);
      const warnings: string[] = [];
      const started = performance.now();
      // Without the timeout, the start waits for the reader (a backup can take hours), and every append queues behind it.
      await within(PARTITION_LOCK_WAIT_MS + 3_000, 'the start', ensurePartitionsAtStart(fresh.db, new Date('2031-05-15T10:00:00Z'), (line) => warnings.push(line)));
      assert.ok(performance.now() - started < PARTITION_LOCK_WAIT_MS + 1_000);
      assert.deepEqual(warnings, [`access-log partitions: a lock was not granted within ${PARTITION_LOCK_WAIT_MS} ms (a backup running?); entries go to the default partition until \`serve\`'s hourly run creates them: error (code 55P03)`]);
      await reader.end();
      await ensurePartitionsAtStart(fresh.db, new Date('2031-05-15T10:00:00Z'), (line) => warnings.push(line));
      assert.ok((await fresh.db.ownerTransaction((tx) => partitionMonths(tx))).includes('2031-05-01'), 'with no reader, the start creates them');
      assert.equal(warnings.length, 1);
    } finally {
      await reader?.end().catch(() => undefined);
      await fresh.drop();
    }
  });
}

// The monthly partitions of the access log (migration 019) and the archive rows of its closed
// months. Creating and dropping partitions is DDL: only the owner's transactions call those.
import { sql } from 'kysely';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

/**
 * Creates the partition of the month starting on `firstDay` ('YYYY-MM-01') unless it exists; true when created.
 * lockWaitMs: how long to wait for a lock before giving up (SQLSTATE 55P03, the transaction is
 * rolled back). Creating a partition takes ACCESS EXCLUSIVE on access_log_entry (and scans the
 * default partition): while a long reader holds even ACCESS SHARE (pg_dump), the request waits,
 * and every append of every CPAS queues behind it. Unset: wait as long as it takes.
 */
export async function ensureMonthPartition(tx: Tx, firstDay: string, lockWaitMs?: number): Promise<boolean> {
  if (lockWaitMs !== undefined) {
    if (!Number.isInteger(lockWaitMs) || lockWaitMs < 1) throw new Error('lockWaitMs: a whole number of milliseconds, at least 1');
    // set_config(..., true) is SET LOCAL: the timeout ends with this transaction.
    await sql`SELECT set_config('lock_timeout', ${`${lockWaitMs}ms`}, true)`.execute(kyselyOf(tx));
  }
  const { rows } = await sql<{ created: boolean }>`SELECT access_log_ensure_month(${firstDay}::date) AS created`.execute(kyselyOf(tx));
  return rows[0]?.created === true;
}

/** The first days of the months that have entries waiting in the default partition. */
export async function monthsInDefaultPartition(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ day: string }>`
    SELECT DISTINCT date_trunc('month', logged_at AT TIME ZONE 'Europe/Brussels')::date AS day
    FROM access_log_partition.default_entries ORDER BY 1`.execute(kyselyOf(tx));
  return rows.map((r) => r.day);
}

const PARTITION_NAME = /^m(\d{4})_(\d{2})$/;

/** The first days of the months that have a partition, oldest first (the default partition is not one). */
export async function partitionMonths(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'public.access_log_entry'::regclass`.execute(kyselyOf(tx));
  return rows.flatMap((r) => {
    const m = PARTITION_NAME.exec(r.name);
    return m ? [`${m[1]}-${m[2]}-01`] : [];
  }).sort();
}

/** The partition's name is built from a checked month, never from input text. */
const partitionOf = (firstDay: string) => {
  const m = /^(\d{4})-(\d{2})-01$/.exec(firstDay);
  if (!m) throw new Error('not the first day of a month');
  return sql.table(`access_log_partition.m${m[1]}_${m[2]}`);
};

/** Blocks appends into the month's partition (and every read of it) until the transaction ends. */
export async function lockMonthPartition(tx: Tx, firstDay: string): Promise<void> {
  await sql`LOCK TABLE ${partitionOf(firstDay)} IN ACCESS EXCLUSIVE MODE`.execute(kyselyOf(tx));
}

export async function dropMonthPartition(tx: Tx, firstDay: string): Promise<void> {
  await sql`DROP TABLE ${partitionOf(firstDay)}`.execute(kyselyOf(tx));
}

/** The CPAS with entries in [start, end), each with its highest seq there. */
export async function lastSeqsBetween(tx: Tx, start: Date, end: Date): Promise<{ cpasId: string; lastSeq: number }[]> {
  // A maintenance query over every CPAS by design: dropping a month drops it for all of them.
  return kyselyOf(tx)
    .selectFrom('access_log_entry')
    .select(['cpas_id as cpasId', (eb) => eb.fn.max('seq').as('lastSeq')])
    .where('logged_at', '>=', start)
    .where('logged_at', '<', end)
    .groupBy('cpas_id')
    .execute();
}

/** The earliest instant of an entry stamped before `end`, of any CPAS; null when none. */
export async function earliestEntryBefore(tx: Tx, end: Date): Promise<Date | null> {
  const row = await kyselyOf(tx).selectFrom('access_log_entry').select((eb) => eb.fn.min('logged_at').as('at')).where('logged_at', '<', end).executeTakeFirst();
  return row?.at ?? null;
}

/** The highest seq of the CPAS stamped before `end`; 0 when none. */
export async function lastSeqBefore(tx: Tx, cpasId: string, end: Date): Promise<number> {
  const row = await kyselyOf(tx)
    .selectFrom('access_log_entry')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('cpas_id', '=', cpasId)
    .where('logged_at', '<', end)
    .executeTakeFirst();
  return row?.seq ?? 0;
}

/** The earliest instant of an entry of the CPAS after `afterSeq` stamped before `end`: an unarchived earlier month. */
export async function earliestUnarchivedBefore(tx: Tx, cpasId: string, afterSeq: number, end: Date): Promise<Date | null> {
  const row = await kyselyOf(tx)
    .selectFrom('access_log_entry')
    .select((eb) => eb.fn.min('logged_at').as('at'))
    .where('cpas_id', '=', cpasId)
    .where('seq', '>', afterSeq)
    .where('logged_at', '<', end)
    .executeTakeFirst();
  return row?.at ?? null;
}

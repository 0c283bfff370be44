// The access log's partitions over time: created ahead (`migrate`, every CLI start and `serve`'s
// hourly maintenance, which also gives a partition to any month found in the default one), and dropped past the retention (`audit prune`) only once archived. Dropping
// a month never breaks the verification of what remains: every entry dropped is in an archive,
// and the dropped month's archive row, with its signed checkpoint, is where `audit verify` starts.
import type { Database } from '../adapters/db/database.ts';
import { listCpasCodes } from '../adapters/db/stores/access-log-chain-store.ts';
import { archiveOf, lastArchivedSeq, markMonthDropped } from '../adapters/db/stores/log-archive-store.ts';
import {
  dropMonthPartition, earliestEntryBefore, ensureMonthPartition, lastSeqsBetween, lockMonthPartition, monthsInDefaultPartition, partitionMonths,
} from '../adapters/db/stores/log-partition-store.ts';
import { DomainError } from '../domain/errors.ts';
import { addMonths, firstDayOf, isClosed, isPastRetention, type LogMonth, monthBounds, monthOf, monthOfDay } from '../domain/log-month.ts';

/** Partitions exist for the month in progress and this many after it. */
export const MONTHS_AHEAD = 3;

/**
 * Creates the partitions of the month in progress and the next MONTHS_AHEAD, and of any month whose
 * entries wait in the default partition (moving them there, so that month can be archived and
 * dropped like the others); returns the months created. With lockWaitMs, a creation whose lock is
 * not granted within that time fails (SQLSTATE 55P03) instead of holding up the appends queued
 * behind its request; the months created before it stay created.
 */
export async function ensureLogPartitions(db: Database, now: Date, options: { lockWaitMs?: number } = {}): Promise<LogMonth[]> {
  const waiting = (await db.ownerTransaction((tx) => monthsInDefaultPartition(tx))).map(monthOfDay);
  const ahead = Array.from({ length: MONTHS_AHEAD + 1 }, (_, i) => addMonths(monthOf(now), i));
  const created: LogMonth[] = [];
  for (const month of [...new Set([...waiting, ...ahead])]) {
    if (await db.ownerTransaction((tx) => ensureMonthPartition(tx, firstDayOf(month), options.lockWaitMs))) created.push(month);
  }
  return created;
}

/**
 * Drops the month's partition. Refused unless the month is past the retention (when one is set), closed, no older entry remains (months
 * go oldest first, or the chain that remains would have a hole), and every entry in it is covered
 * by its CPAS's archives, the month's own archive included.
 */
export async function dropLogMonth(db: Database, month: LogMonth, now: Date, retentionMonths: number | null): Promise<void> {
  // A configured retention is a minimum as well: a month inside it is kept, archived or not.
  if (retentionMonths !== null && !isPastRetention(month, now, retentionMonths)) {
    throw new DomainError('invalid-state', `${month}: inside the retention of ${retentionMonths} months (CONFIANCE_LOG_RETENTION_MONTHS)`, '--month');
  }
  const firstDay = firstDayOf(month);
  const { start, end } = monthBounds(month);
  const cpas = await db.transaction((tx) => listCpasCodes(tx));
  await db.ownerTransaction(async (tx) => {
    if (!(await partitionMonths(tx)).includes(firstDay)) throw new DomainError('not-found', `${month}: no partition of the access log for this month`, '--month');
    if (!isClosed(month, now)) throw new DomainError('invalid-state', `${month}: not closed yet`, '--month');
    await lockMonthPartition(tx, firstDay);
    const older = await earliestEntryBefore(tx, start);
    if (older) throw new DomainError('invalid-state', `${month}: entries of ${monthOf(older)} remain; drop the older months first`, '--month');
    const codeOf = new Map(cpas.map((c) => [c.cpasId, c.code]));
    for (const { cpasId, lastSeq } of await lastSeqsBetween(tx, start, end)) {
      const archived = (await archiveOf(tx, cpasId, firstDay)) !== null && (await lastArchivedSeq(tx, cpasId)) >= lastSeq;
      // Without this, the entries of the month would be gone with no signed copy anywhere.
      if (!archived) throw new DomainError('invalid-state', `${month}: ${codeOf.get(cpasId) ?? cpasId}: not archived; run \`audit archive --month ${month}\` first`, '--month');
    }
    await dropMonthPartition(tx, firstDay);
    for (const { cpasId } of cpas) await markMonthDropped(tx, cpasId, firstDay, now);
  });
}

export interface PruneOutcome {
  readonly dropped: readonly LogMonth[];
  /** The months past retention that were kept, with the reason. */
  readonly refused: readonly { month: LogMonth; reason: string }[];
}

/** Drops, oldest first, every month past the retention that may be dropped; stops at the first refusal. */
export async function pruneAccessLog(db: Database, options: { retentionMonths: number | null; now: Date }): Promise<PruneOutcome> {
  const months = (await db.ownerTransaction((tx) => partitionMonths(tx))).map(monthOfDay);
  const dropped: LogMonth[] = [];
  for (const month of months.filter((m) => isPastRetention(m, options.now, options.retentionMonths))) {
    try {
      await dropLogMonth(db, month, options.now, options.retentionMonths);
      dropped.push(month);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { dropped, refused: [{ month, reason: error.message }] };
    }
  }
  return { dropped, refused: [] };
}

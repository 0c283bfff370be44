// The access log's monthly partitions while the application runs: made as every command starts,
// and every hour by `serve`, each time within a lock timeout (the partitions themselves:
// migration 019, app/prune-access-log.ts).
import type { Database } from '../adapters/db/database.ts';
import { ensureLogPartitions } from '../app/prune-access-log.ts';
import { failureKind, isLockNotGranted } from './failure-kind.ts';

/**
 * How long the maintenance (at start, and hourly in `serve`) waits for the lock on the access log
 * that creating a partition takes. The appends of every CPAS queue behind that lock request (a file opening waits
 * for its log entry): behind a long reader (the pg_dump of `confiance backup`), waiting for it
 * would stall the file openings of the whole server until the reader ends. Giving up loses
 * nothing: the partitions are made MONTHS_AHEAD months ahead, the default partition catches any
 * entry meanwhile, and the next hour tries again.
 */
export const PARTITION_LOCK_WAIT_MS = 2_000;

/**
 * `serve`'s hourly maintenance: the partitions of the coming months. The first run is at start, in
 * openRuntime (every command, `serve` included), before the server listens: this one runs an hour
 * later and every hour after, so a server up for months still has the next months' partitions
 * (without them, entries would pile up in the default partition). A run that is still going at
 * the next hour (a slow database) is not joined by a second one, which would only queue behind
 * it for the same locks. Failures are reported by kind only.
 */
export function startPartitionMaintenance(
  db: Database,
  log: { info(msg: string): void; warn(msg: string): void; error(msg: string): void },
  now: () => Date,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    ensureLogPartitions(db, now(), { lockWaitMs: PARTITION_LOCK_WAIT_MS })
      .then((created) => {
        if (created.length) log.info(`access-log partitions created: ${created.join(', ')}`);
      })
      .catch((error: unknown) => {
        if (isLockNotGranted(error)) log.warn(`access-log partition maintenance: a lock was not granted within ${PARTITION_LOCK_WAIT_MS} ms; retried at the next hour: ${failureKind(error)}`);
        else log.error(`access-log partition maintenance failed: ${failureKind(error)}`);
      })
      .finally(() => {
        running = false;
      });
  }, 60 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The access log's partitions for this month and the next ones, as every command starts: within
 * the lock timeout, as `serve`'s hourly run. A creation waits for ACCESS EXCLUSIVE on the log; a
 * backup's pg_dump holds ACCESS SHARE for as long as it runs, and every append of every CPAS
 * would queue behind the waiting request, stalling the whole server with this command. Given up,
 * nothing is lost: entries go to the default partition until a later run creates the month.
 */
export async function ensurePartitionsAtStart(db: Database, now: Date, warn: (line: string) => void): Promise<void> {
  try {
    await ensureLogPartitions(db, now, { lockWaitMs: PARTITION_LOCK_WAIT_MS });
  } catch (error) {
    if (!isLockNotGranted(error)) throw error;
    warn(`access-log partitions: a lock was not granted within ${PARTITION_LOCK_WAIT_MS} ms (a backup running?); entries go to the default partition until \`serve\`'s hourly run creates them: ${failureKind(error)}`);
  }
}

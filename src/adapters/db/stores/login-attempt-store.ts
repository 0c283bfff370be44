// Counts of log-in attempts per key and fixed time window (see migration 009).
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

/** Counts one more attempt in the window and returns the window's count: one upsert, safe under concurrency. */
export async function countAttempt(tx: Tx, key: string, windowStart: Date): Promise<number> {
  const row = await kyselyOf(tx)
    .insertInto('login_attempt_window')
    .values({ attempt_key: key, window_start: windowStart, attempts: 1 })
    .onConflict((oc) => oc.columns(['attempt_key', 'window_start']).doUpdateSet((eb) => ({ attempts: eb('login_attempt_window.attempts', '+', 1) })))
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

/** Forgets a key's attempts (after a successful log-in from it). */
export async function forgetAttempts(tx: Tx, key: string): Promise<void> {
  await kyselyOf(tx).deleteFrom('login_attempt_window').where('attempt_key', '=', key).execute();
}

/** Drops windows that ended before `before`: the table stays small. */
export async function dropWindowsBefore(tx: Tx, before: Date): Promise<void> {
  await kyselyOf(tx).deleteFrom('login_attempt_window').where('window_start', '<', before).execute();
}

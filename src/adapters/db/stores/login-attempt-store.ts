// Counts of log-in attempts per key and fixed time window (see migration 009).
import type { Tx } from '../database.ts';

/** Counts one more attempt in the window and returns the window's count: one upsert, safe under concurrency. */
export async function countAttempt(tx: Tx, key: string, windowStart: Date): Promise<number> {
  const [row] = await tx.query<{ attempts: number }>(
    `INSERT INTO login_attempt_window (attempt_key, window_start, attempts) VALUES ($1, $2, 1)
     ON CONFLICT (attempt_key, window_start) DO UPDATE SET attempts = login_attempt_window.attempts + 1
     RETURNING attempts`,
    [key, windowStart],
  );
  return row!.attempts;
}

/** Forgets a key's attempts (after a successful log-in from it). */
export async function forgetAttempts(tx: Tx, key: string): Promise<void> {
  await tx.query('DELETE FROM login_attempt_window WHERE attempt_key = $1', [key]);
}

/** Drops windows that ended before `before`: the table stays small. */
export async function dropWindowsBefore(tx: Tx, before: Date): Promise<void> {
  await tx.query('DELETE FROM login_attempt_window WHERE window_start < $1', [before]);
}

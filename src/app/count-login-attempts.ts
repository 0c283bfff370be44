// Log-in attempts per client address in fixed windows, counted in the database so that every
// server process sees one count. Only a digest of the address is stored. A successful log-in
// forgets its address's attempts: an office whose staff all log in from one address is never
// stopped by its own morning log-ins, while a run of failures (password spraying) is.
import { createHash } from 'node:crypto';
import { countAttempt, dropWindowsBefore, forgetAttempts } from '../adapters/db/stores/login-attempt-store.ts';
import type { AppContext } from './context.ts';

const digest = (key: string) => createHash('sha256').update(`confiance-login:${key}`).digest('base64url');

/** Counts one attempt from `key`; returns the attempts in the current window and the milliseconds it has left. */
export async function countLoginAttempt(ctx: AppContext, key: string, windowMs: number): Promise<{ attempts: number; msLeft: number }> {
  const now = Date.now();
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const attempts = await ctx.db.transaction(async (tx) => {
    await dropWindowsBefore(tx, new Date(windowStart - windowMs));
    return countAttempt(tx, digest(key), new Date(windowStart));
  });
  return { attempts, msLeft: windowStart + windowMs - now };
}

export async function forgetLoginAttempts(ctx: AppContext, key: string): Promise<void> {
  await ctx.db.transaction((tx) => forgetAttempts(tx, digest(key)));
}

// Is this process ready to serve (`/readyz`)? The database answers, holds every migration of this
// build, and every data key in it is wrapped by a master key this process holds. Without the last
// check, a server restored with the wrong key folder would accept users and fail on the first
// secret record they open. The answer is a reason code only: never a key id, a migration name or
// a driver's message, which would tell an outsider about the installation.
import { pendingMigrationNames } from '../adapters/db/stores/readiness-store.ts';
import type { AppContext } from './context.ts';

export type NotReadyReason = 'database-unreachable' | 'migrations-pending' | 'keys-missing';
export type Readiness = { readonly ready: true } | { readonly ready: false; readonly reason: NotReadyReason };

/** A database that does not answer within this delay counts as unreachable (a probe must not hang). */
export const READINESS_TIMEOUT_MS = 2_000;

class Unreachable extends Error {}

async function withinDelay<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Unreachable()), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(ctx: AppContext, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  let pending: string[];
  let missingKeys: string[];
  try {
    // The schema table is the owner's: the application role has no grant on it.
    pending = await withinDelay(ctx.db.ownerTransaction((tx) => pendingMigrationNames(tx)), timeoutMs);
    missingKeys = pending.length > 0 ? [] : await withinDelay(ctx.db.transaction((tx) => ctx.secrets.missingMasterKeys(tx)), timeoutMs);
  } catch {
    return { ready: false, reason: 'database-unreachable' };
  }
  if (pending.length > 0) return { ready: false, reason: 'migrations-pending' };
  if (missingKeys.length > 0) return { ready: false, reason: 'keys-missing' };
  return { ready: true };
}

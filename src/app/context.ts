// What every use case runs with: the database, the box that seals secret fields, and a clock.
import type { Database, Tx } from '../adapters/db/database.ts';
import type { SecretBox } from '../adapters/crypto/secret-box.ts';
import type { Clock } from '../domain/calendar-date.ts';
import { DomainError } from '../domain/errors.ts';

export interface AppContext {
  readonly db: Database;
  readonly secrets: SecretBox;
  readonly now: Clock;
}

/**
 * A refusal that must still be committed: the denied attempt is written to the access log in
 * the transaction, the transaction commits, and only then is the error raised. Throwing inside
 * the transaction would roll the log entry back and hide the attempt.
 */
export class Refusal {
  constructor(readonly error: DomainError) {}
}

export async function runAudited<T>(ctx: AppContext, work: (tx: Tx) => Promise<T | Refusal>): Promise<T> {
  const result = await ctx.db.transaction(work);
  if (result instanceof Refusal) throw result.error;
  return result;
}

// What every use case runs with: the database, the box that seals secret fields, and a clock.
import type { Database, Tx } from '../adapters/db/database.ts';
import type { MasterKeyRing } from '../adapters/crypto/master-keys.ts';
import type { Mailer } from '../adapters/mail/mailer.ts';
import { createSecretBox, type SecretBox } from '../adapters/crypto/secret-box.ts';
import type { Clock } from '../domain/calendar-date.ts';
import { DomainError } from '../domain/errors.ts';

export interface AppContext {
  readonly db: Database;
  readonly secrets: SecretBox;
  readonly now: Clock;
  /** Delivers the register's notices by e-mail when SMTP is configured; absent: in the application only. */
  readonly mailer?: Mailer;
  /** The address of the application, for the link in an e-mail (no link without it). */
  readonly publicUrl?: string;
}

/**
 * The context of a running process. The secret box is made here, inside the application layer:
 * the driving sides (pages, API, command line) never hold the decrypting service (eslint.config.js).
 */
export function createAppContext(
  db: Database,
  masterKeys: MasterKeyRing,
  now: Clock = () => new Date(),
  options: { mailer?: Mailer; publicUrl?: string } = {},
): AppContext {
  return { db, secrets: createSecretBox(masterKeys), now, ...options };
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

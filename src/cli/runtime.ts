// Opens what a CLI command needs: the database (migrated), the secret box, and the acting user.
import { loadMasterKeys } from '../adapters/crypto/master-keys.ts';
import { existsSync } from 'node:fs';
import { createSmtpMailer, type Mailer } from '../adapters/mail/mailer.ts';
import { type DatabaseConfig, databaseConfigFromEnv, openDatabase } from '../adapters/db/database.ts';
import { migrate, refreshStatistics } from '../adapters/db/migrate.ts';
import { ensurePartitionsAtStart } from './partition-maintenance.ts';
import { findStaffByLogin } from '../adapters/db/stores/staff-store.ts';
import { parseLogin } from '../app/authenticate.ts';
import { type AppContext, createAppContext } from '../app/context.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';

/**
 * Only `migrate`, `demo` and `serve --demo-if-empty` (npm start) may create the PGlite data
 * directory: any other command pointed at a mistyped CONFIANCE_DATA_DIR would otherwise silently
 * create an empty database there and act on it (a user added where no server will ever look).
 */
export function requireDataDir(config: DatabaseConfig): void {
  if (config.databaseUrl === undefined && !existsSync(config.dataDir)) {
    throw new DomainError('invalid-input', `the data directory ${config.dataDir} does not exist (CONFIANCE_DATA_DIR): run migrate or demo first`, 'CONFIANCE_DATA_DIR');
  }
}

export async function openRuntime(options: { mayCreateDataDir?: boolean } = {}): Promise<AppContext> {
  const config = databaseConfigFromEnv();
  if (!options.mayCreateDataDir) requireDataDir(config);
  const db = await openDatabase(config);
  await migrate(db);
  await ensurePartitionsAtStart(db, new Date(), (line) => process.stderr.write(`${line}\n`));
  // PostgreSQL keeps its statistics itself (autovacuum); PGlite has no autovacuum.
  if (db.engine === 'pglite') await refreshStatistics(db);
  return createAppContext(db, loadMasterKeys(), undefined, mailOptionsFromEnv());
}


/** E-mail notices when CONFIANCE_SMTP_URL is set (README, configuration); in the application only otherwise. */
function mailOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): { mailer?: Mailer; publicUrl?: string } {
  const publicUrl = env.CONFIANCE_PUBLIC_URL || undefined;
  if (!env.CONFIANCE_SMTP_URL) return { publicUrl };
  return { mailer: createSmtpMailer(env.CONFIANCE_SMTP_URL, env.CONFIANCE_MAIL_FROM || 'confiance@localhost'), publicUrl };
}

/**
 * The CLI acts as a named staff member (`--as user@cpas`), whose roles the policy checks as for
 * any request: a shell on the server is no licence to read secret files.
 */
export async function actorFromLogin(ctx: AppContext, login: string | undefined): Promise<Actor> {
  const parsed = login ? parseLogin(login) : null;
  if (!parsed) throw new DomainError('invalid-input', '--as: give the acting staff member as user@cpas, e.g. --as administrative-agent@namur', '--as');
  const staff = await ctx.db.transaction((tx) => findStaffByLogin(tx, parsed.cpasCode, parsed.username));
  if (!staff?.active) throw new DomainError('not-found', `--as: no active staff member ${login}`, '--as');
  return { cpasId: staff.cpasId, userId: staff.userId, roles: staff.roles };
}

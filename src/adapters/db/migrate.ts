// Applies the SQL files of ./migrations in name order, each once, each in its own transaction,
// identically on PGlite and PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(MIGRATIONS_DIR, name), 'utf8') }));
}

export async function migrate(db: Database): Promise<string[]> {
  await db.ownerTransaction((tx) =>
    tx.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`),
  );
  const applied = new Set(
    (await db.ownerTransaction((tx) => tx.query<{ name: string }>('SELECT name FROM schema_migration'))).map((r) => r.name),
  );
  const done: string[] = [];
  for (const migration of listMigrations()) {
    if (applied.has(migration.name)) continue;
    await db.ownerTransaction(async (tx) => {
      await tx.script(migration.sql);
      await tx.query('INSERT INTO schema_migration (name) VALUES ($1)', [migration.name]);
    });
    done.push(migration.name);
  }
  return done;
}

/**
 * Refreshes the planner's statistics. PGlite has no autovacuum: without this, plans made while a
 * table was nearly empty (e.g. foreign-key checks on person) stay in use after a bulk load and
 * turn every lookup into a scan of the CPAS's persons.
 */
export async function refreshStatistics(db: Database): Promise<void> {
  await db.ownerTransaction((tx) => tx.query('ANALYZE'));
}

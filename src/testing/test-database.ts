// Fresh, migrated databases for database tests, on the engine the runner chose:
// CONFIANCE_TEST_ENGINE=pglite (default) or postgres (TEST_DATABASE_URL). PGlite databases are
// cloned from a migrated data-dir dump; PostgreSQL ones from a migrated template database.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../adapters/db/database.ts';
import { listMigrations, migrate } from '../adapters/db/migrate.ts';

export const testEngine = (): 'pglite' | 'postgres' => (process.env.CONFIANCE_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');

let pgliteTemplate: Promise<Blob> | null = null;

/** The migrated data dir as a tarball. Migrating PGlite costs seconds of CPU, more than a test file. */
export async function makePgliteTemplate(): Promise<Blob> {
  const db = await openPglite();
  await migrate(db);
  const dump = await db.snapshot!();
  await db.close();
  return dump;
}

/**
 * The test runner migrates once and names the tarball in CONFIANCE_PGLITE_TEMPLATE, so that the
 * test files (one process each) clone it instead of each migrating its own; a file run alone
 * (without the runner) migrates in its process. The name carries the migrations' hash: a file
 * made for other migrations is never used.
 */
export const pgliteTemplateName = () => `confiance-pglite-${migrationsHash()}.tar`;

function loadPgliteTemplate(): Promise<Blob> {
  const file = process.env.CONFIANCE_PGLITE_TEMPLATE;
  if (file && basename(file) === pgliteTemplateName() && existsSync(file)) return Promise.resolve(new Blob([readFileSync(file)]));
  return makePgliteTemplate();
}

/** The test server's address for another database of it (CREATE/DROP DATABASE run on `postgres`). */
export function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${database}`;
  return url.toString();
}

const migrationsHash = () =>
  createHash('sha256').update(listMigrations().map((m) => m.name + m.sql).join('\n')).digest('hex').slice(0, 12);

/** One statement on the test server's `postgres` database, outside any test database. */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function ensurePostgresTemplate(): Promise<string> {
  const name = `confiance_tpl_${migrationsHash()}`;
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    // Test files run in parallel processes: one builds the template, the others wait on the lock.
    await client.query('SELECT pg_advisory_lock(727274)');
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`);
      const db = await openPostgres(serverUrl(name), 1);
      await migrate(db);
      await db.close();
    }
    await client.query('SELECT pg_advisory_unlock(727274)');
  } finally {
    await client.end();
  }
  return name;
}

export interface TestDatabase {
  db: Database;
  /** PostgreSQL: the database's name on the test server (for pg_dump and the like); null on PGlite. */
  name: string | null;
  /** PostgreSQL: the connection string of this database; null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

/** PGlite on a directory (for a server process to open after), cloned from the migrated template. */
export async function createPgliteDataDir(dataDir: string): Promise<Database> {
  pgliteTemplate ??= loadPgliteTemplate();
  return openPglite({ dataDir, loadDataDir: await pgliteTemplate });
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    pgliteTemplate ??= loadPgliteTemplate();
    const db = await openPglite({ loadDataDir: await pgliteTemplate });
    return { db, name: null, url: null, drop: () => db.close() };
  }
  const template = await ensurePostgresTemplate();
  const name = `confiance_t_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (error) {
      // Another process is copying the same template at this instant: wait and retry.
      if (attempt > 50 || (error as { code?: string }).code !== '55006') throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const db = await openPostgres(serverUrl(name), 4);
  return {
    db,
    name,
    url: serverUrl(name),
    async drop() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

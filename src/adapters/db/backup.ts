// A consistent copy of the whole database, and its restore into an empty one. PostgreSQL: pg_dump
// (custom format) in the snapshot the caller read its own state in, so the manifest's chain heads
// are exactly those of the dump; pg_restore in one transaction. PGlite: the data directory as a
// tarball (PGlite is one process: the server must be stopped, which `backup` finds anyway since
// the directory is locked by it). Connection settings reach the tools through the environment,
// never the command line, which other users of the machine can read.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { type Database, type DatabaseConfig, openPglite, RESTRICTED_ROLES, type Tx } from './database.ts';

const run = promisify(execFile);

export const DUMP_FILE = { postgres: 'database.pgdump', pglite: 'database.pglite.tar' } as const;

/** libpq's environment for a connection URL (the password stays out of the process list). */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: u.hostname, PGPORT: u.port || '5432', PGDATABASE: decodeURIComponent(u.pathname.slice(1)) };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The tool's own message names what failed (a missing role, a full disk); the database's content never reaches it. */
async function tool(command: string, args: string[], url: string): Promise<void> {
  try {
    await run(command, args, { env: libpqEnv(url), maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT') throw new Error(`${command} is not on PATH: install the PostgreSQL client tools of the server's version`);
    throw new Error(`${command} failed: ${(stderr ?? '').trim().split('\n').slice(0, 3).join(' / ')}`);
  }
}

/**
 * Dumps the database to `file`; `readState` runs in the same snapshot as the dump (PostgreSQL) or
 * just before it with nothing else writing (PGlite), and its result is returned.
 */
export async function dumpDatabase<T>(db: Database, config: DatabaseConfig, file: string, readState: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.engine === 'pglite') {
    const state = await db.ownerTransaction(readState);
    writeFileSync(file, Buffer.from(await (await db.snapshot!()).arrayBuffer()), { mode: 0o600, flag: 'wx' });
    return state;
  }
  const url = config.databaseUrl!;
  return db.ownerTransaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const [snapshot] = await tx.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const state = await readState(tx);
    await tool('pg_dump', ['--format=custom', `--snapshot=${snapshot!.id}`, `--file=${file}`, '--no-password'], url);
    return state;
  });
}

/** Refuses anything but an empty target: a restore never merges into, or overwrites, a database. */
async function assertEmptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public'`);
    if ((rows[0]?.n ?? 0) > 0) throw new Error('the target database is not empty: restore only into a new, empty database');
    // The dump grants to these roles; they are cluster-wide, so a new server may not have them yet.
    for (const role of ['confiance_app', ...RESTRICTED_ROLES]) {
      await client.query(`DO $$ BEGIN CREATE ROLE ${role} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    }
  } finally {
    await client.end();
  }
}

export async function restoreDatabase(engine: 'postgres' | 'pglite', config: DatabaseConfig, file: string): Promise<void> {
  if (engine === 'postgres') {
    if (!config.databaseUrl) throw new Error('the backup is of PostgreSQL: set DATABASE_URL to the new, empty database');
    await assertEmptyPostgres(config.databaseUrl);
    const name = libpqEnv(config.databaseUrl).PGDATABASE!;
    await tool('pg_restore', ['--no-owner', '--single-transaction', '--exit-on-error', '--no-password', `--dbname=${name}`, file], config.databaseUrl);
    return;
  }
  if (config.databaseUrl) throw new Error('the backup is of PGlite: unset DATABASE_URL and set CONFIANCE_DATA_DIR to a new folder');
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) throw new Error('the target data folder is not empty: restore only into a new folder');
  const db = await openPglite({ dataDir: config.dataDir, loadDataDir: new Blob([readFileSync(file)]) });
  await db.close();
}

// One query path for both engines. Everything above this file sees `Database` and `Tx`;
// only this folder imports a driver. Values are normalised so both engines return the same
// JavaScript: int8 as number, date as 'YYYY-MM-DD' text, bytea as Buffer, timestamptz as Date.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { type CopyOut, type CopySink, copyOutPglite, copyOutPostgres } from './copy-out.ts';
import { copyFromText } from './pg-copy.ts';

export type Row = Record<string, unknown>;
export type Param = string | number | boolean | null | Date | Buffer | Uint8Array | readonly string[];

export interface Tx {
  query<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  script(sql: string): Promise<void>;
  /** Runs `COPY (...) TO STDOUT (FORMAT binary)`, its data handed to `sink` as it arrives (copy-out.ts). */
  copyOut(sql: string, sink: CopySink): CopyOut;
  /**
   * PostgreSQL only: runs `COPY table (columns) FROM STDIN (FORMAT csv)` with `csv` as its data
   * (pg-copy.ts), the fastest way in for bulk rows. Absent on PGlite, whose COPY reads a file of
   * its virtual file system, which the application role may not (and should not) do.
   */
  readonly copyFrom?: (sql: string, csv: string) => Promise<void>;
}

export interface Database {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction as the application role (never the owner). */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction as the schema owner: migrations and operator tools only. */
  ownerTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction as a narrower role (see RESTRICTED_ROLES): it can do no more than that role's grants allow. */
  transactionAs<T>(role: RestrictedRole, work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (test templates, copies for inspection). */
  snapshot?(): Promise<Blob>;
}

const APP_ROLE = 'confiance_app';
/**
 * Roles narrower than the application's, each created by a migration. The name is spliced into
 * SET LOCAL ROLE (which takes no parameter), so only these constants are accepted.
 * confiance_disclosure: reads the administrative columns a 46bis/1 answer may carry (migration 005).
 */
export const RESTRICTED_ROLES = ['confiance_disclosure'] as const;
export type RestrictedRole = (typeof RESTRICTED_ROLES)[number];

const checkedRole = (role: RestrictedRole): string => {
  if (!(RESTRICTED_ROLES as readonly string[]).includes(role)) throw new Error('unknown database role');
  return role;
};
const INT8 = 20;
const DATE = 1082;
const BYTEA = 17;
const NUMERIC = 1700;

const asNumber = (value: string) => Number(value);
const asText = (value: string) => value;
/**
 * PGlite's own bytea parser converts hex digit pair by digit pair in JavaScript; Buffer's is native
 * (a batch of the access log for `audit verify` is a bytea of megabytes). Hex is the only output
 * format the server is left with (bytea_output is never changed).
 */
const hexBytea = (value: string) => Buffer.from(value.slice(2), 'hex');

function normaliseRow<T extends Row>(row: Row): T {
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return row as T;
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { [INT8]: asNumber, [DATE]: asText, [NUMERIC]: asNumber, [BYTEA]: hexBytea },
  });
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Tx => ({
    async query<T extends Row>(sql: string, params: readonly Param[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows.map((r) => normaliseRow<T>(r));
    },
    async script(sql: string) {
      await q.exec(sql);
    },
    copyOut: (sql, sink) => copyOutPglite(q, sql, sink),
  });
  return {
    engine: 'pglite',
    transaction: (work) =>
      db.transaction(async (tx) => {
        await tx.query(`SET LOCAL ROLE ${APP_ROLE}`);
        return work(wrap(tx));
      }),
    ownerTransaction: (work) => db.transaction(async (tx) => work(wrap(tx))),
    transactionAs: (role, work) =>
      db.transaction(async (tx) => {
        await tx.query(`SET LOCAL ROLE ${checkedRole(role)}`);
        return work(wrap(tx));
      }),
    close: () => db.close(),
    snapshot: () => db.dumpDataDir('none'),
  };
}

pg.types.setTypeParser(INT8, asNumber);
pg.types.setTypeParser(DATE, asText);
pg.types.setTypeParser(NUMERIC, asNumber);

export async function openPostgres(connectionString: string, poolSize = 8): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // Surface a failed connection at start, with the reason, not at the first request.
  const probe = await pool.connect();
  probe.release();
  const run = async <T>(role: string | null, work: (tx: Tx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const tx: Tx = {
      async query<R extends Row>(sql: string, params: readonly Param[] = []) {
        const result = await client.query(sql, params as unknown[]);
        return result.rows.map((r) => normaliseRow<R>(r));
      },
      async script(sql: string) {
        await client.query(sql);
      },
      copyOut: (sql, sink) => copyOutPostgres(client, sql, sink),
      copyFrom: (sql, csv) => copyFromText(client, sql, csv),
    };
    try {
      // One round trip for both (a simple-protocol script): every request's transactions pay it,
      // and a connection held longer is one the next request waits for (docs/scaling.md).
      await client.query(role === null ? 'BEGIN' : `BEGIN; SET LOCAL ROLE ${role}`);
      const value = await work(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    engine: 'postgres',
    transaction: (work) => run(APP_ROLE, work),
    ownerTransaction: (work) => run(null, work),
    transactionAs: (role, work) => run(checkedRole(role), work),
    close: () => pool.end(),
  };
}

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL: connections of the pool (CONFIANCE_DB_POOL, default 8; see docs/scaling.md). */
  poolSize?: number;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const config: DatabaseConfig = { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.CONFIANCE_DATA_DIR || './data' };
  if (env.CONFIANCE_DB_POOL) {
    const size = Number(env.CONFIANCE_DB_POOL);
    // A typo would otherwise start the server with a pool of NaN (pg then opens up to 10).
    if (!Number.isInteger(size) || size < 1 || size > 500) throw new Error('CONFIANCE_DB_POOL: a whole number of connections from 1 to 500');
    config.poolSize = size;
  }
  return config;
}

export function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  return openPglite({ dataDir: config.dataDir });
}

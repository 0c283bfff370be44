// Shared pieces of the benchmarks: a fresh database on the chosen engine, timing and percentiles.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/adapters/db/database.ts';
import { migrate } from '../src/adapters/db/migrate.ts';

export type Engine = 'pglite' | 'postgres';

/** A fresh, migrated database; PostgreSQL uses BENCH_DATABASE_URL's server (default 127.0.0.1:5432). */
export async function benchDatabase(engine: Engine): Promise<{ db: Database; url?: string; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `confiance_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  const db = await openPostgres(server.toString(), 4);
  await migrate(db);
  return {
    db,
    url: server.toString(),
    async drop() {
      await db.close();
      server.pathname = '/postgres';
      const again = new pg.Client({ connectionString: server.toString() });
      await again.connect();
      await again.query(`DROP DATABASE ${name}`);
      await again.end();
    },
  };
}

export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function sample(count: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await timeMs(() => work(i)));
  return times.sort((a, b) => a - b);
}

export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
export const median = (sorted: number[]) => percentile(sorted, 50);

export function printTable(title: string, rows: (string | number)[][]): void {
  const header = rows[0]!.map(String);
  const body = rows.slice(1).map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(c < 10 ? 3 : 1) : c)));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  for (const r of body) console.log(line(r.map(String)));
}

// What the typed query layer costs: a point select by primary key in its own transaction, as raw
// SQL through tx.query and through kyselyOf(tx) (a Kysely instance made for that transaction,
// then the query built and compiled), interleaved so both see the same machine load. Also the
// CPU time of the Kysely part alone (instance + build + compile, no database).
// Usage: npx tsx bench/kysely.ts [--engine=pglite|postgres] [--runs=3000]; PostgreSQL: BENCH_DATABASE_URL (a scratch database is created).
import { kyselyOf } from '../src/adapters/db/kysely.ts';
import type { Tx } from '../src/adapters/db/database.ts';
import { registerCpas } from '../src/app/register-cpas.ts';
import { benchDatabase, median, percentile, printTable, sample } from './support.ts';
import { benchOptions, count, engineOption } from './options.ts';

const { values: options } = benchOptions('npx tsx bench/kysely.ts [--engine pglite|postgres] [--runs 3000]', { engine: 'pglite', runs: '3000' });
const engine = engineOption(options.engine);
const runs = count('runs', options.runs);
const { db, drop } = await benchDatabase(engine);
const { cpasId } = await registerCpas(db, {
  code: 'bench', name: 'CPAS bench', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr',
  street: 'Rue 1', postalCode: '5000', municipality: 'Namur',
});

const raw = (tx: Tx) => tx.query<{ name: string; code: string }>('SELECT name, code FROM cpas WHERE cpas_id = $1', [cpasId]);
const typed = (tx: Tx) => kyselyOf(tx).selectFrom('cpas').select(['name', 'code']).where('cpas_id', '=', cpasId).execute();

// Warm-up: plans, JIT.
for (let i = 0; i < 300; i++) {
  await db.transaction(raw);
  await db.transaction(typed);
}
const rawTimes: number[] = [];
const typedTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  rawTimes.push(...(await sample(1, () => db.transaction(raw))));
  typedTimes.push(...(await sample(1, () => db.transaction(typed))));
}
rawTimes.sort((a, b) => a - b);
typedTimes.sort((a, b) => a - b);

const fakeTx = {} as Tx;
const compileTimes = await sample(runs, async () =>
  kyselyOf({ ...fakeTx }).selectFrom('cpas').select(['name', 'code']).where('cpas_id', '=', cpasId).compile(),
);
await drop();

printTable(`Point select in one transaction, ${engine}, ${runs} runs each (ms)`, [
  ['path', 'median', 'p95', 'p99'],
  ['raw tx.query', median(rawTimes), percentile(rawTimes, 95), percentile(rawTimes, 99)],
  ['kyselyOf(tx)', median(typedTimes), percentile(typedTimes, 95), percentile(typedTimes, 99)],
  ['Kysely instance + build + compile only', median(compileTimes), percentile(compileTimes, 95), percentile(compileTimes, 99)],
]);
console.log(`\nmedian overhead: ${(median(typedTimes) - median(rawTimes)).toFixed(3)} ms (${((median(typedTimes) / median(rawTimes) - 1) * 100).toFixed(1)} %)`);

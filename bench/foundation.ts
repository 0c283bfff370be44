// Foundation benchmark: 100,000 persons in one CPAS. Each figure is set next to the same work done
// by plain SQL in the same run; the ratio is the figure that matters (the machine drops out).
//   npx tsx bench/foundation.ts [--engine pglite|postgres] [--persons 100000] [--samples 500] [--entries 0]
// `--scale million` (PostgreSQL): 1,000,000 persons in one CPAS imported beside a plain COPY of the
// same rows, and 10,000,000 access-log entries over 3 CPAS (the real chain arithmetic, see
// bench/scale.ts) before the searches and file openings are timed; --persons and --entries still
// override it. Give Node room for the million rows: NODE_OPTIONS=--max-old-space-size=8192.
import { cpus, loadavg } from 'node:os';
import { createApiToken } from '../src/app/authenticate.ts';
import { importPersons } from '../src/app/import-persons.ts';
import { registerCpas } from '../src/app/register-cpas.ts';
import { searchPersons } from '../src/app/search-persons.ts';
import { buildServer } from '../src/http/server.ts';
import { parsePersonCsv } from '../src/adapters/csv/person-csv.ts';
import { insertStaff } from '../src/adapters/db/stores/staff-store.ts';
import { createSecretBox } from '../src/adapters/crypto/secret-box.ts';
import { parseMasterKeys } from '../src/adapters/crypto/master-keys.ts';
import { createPersonContext, syntheticPerson } from '../src/demo/generate.ts';
import { mulberry32 } from '../src/demo/random.ts';
import type { Actor, Role } from '../src/domain/roles.ts';
import type { Database, Tx } from '../src/adapters/db/database.ts';
import { benchDatabase, median, percentile, printTable, sample, timeMs } from './support.ts';
import { benchOptions, count, engineOption } from './options.ts';
import { copyPersons, fillAccessLog, FILLED_TABLES, logBytesPerEntry, settle } from './scale.ts';
import { emptyStages, stagedDatabase, STAGE_HEADER, stageRows } from './stages.ts';
import { randomUUID } from 'node:crypto';

const USAGE = 'npx tsx bench/foundation.ts [--engine pglite|postgres] [--scale foundation|million] [--persons 100000] [--entries 0] [--samples 500]';
const { values: options } = benchOptions(USAGE, { engine: '', scale: 'foundation', persons: '', entries: '', samples: '500' });
const SCALES = { foundation: { persons: '100000', entries: '0' }, million: { persons: '1000000', entries: '10000000' } } as const;
if (!(options.scale in SCALES)) {
  console.error(`--scale: foundation or million\nUsage: ${USAGE}`);
  process.exit(2);
}
const scale = SCALES[options.scale as keyof typeof SCALES];
const engine = engineOption(options.engine || (options.scale === 'million' ? 'postgres' : 'pglite'));
const PERSONS = count('persons', options.persons || scale.persons);
const ENTRIES = options.entries === '0' || (!options.entries && scale.entries === '0') ? 0 : count('entries', options.entries || scale.entries);
const SAMPLES = count('samples', options.samples);
if (ENTRIES > 0 && engine !== 'postgres') {
  console.error('--entries: the access log is filled through COPY (psql), on PostgreSQL only');
  process.exit(2);
}

const CSV_HEADER = 'niss;family_name;given_names;birth_date;birth_place;sex;nationality;phone;email;iban;street;house_number;box;postal_code;municipality;address_valid_from';
const cell = (v: string | null | undefined) => (v == null ? '' : /[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function makeCsv(count: number): { csv: string; nisses: string[]; names: string[] } {
  const rng = mulberry32(42);
  const context = createPersonContext('namur');
  const lines = [CSV_HEADER];
  const nisses: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const { person: p, addresses } = syntheticPerson(rng, context);
    const home = addresses.find((a) => a.kind === 'domicile');
    nisses.push(p.niss!);
    names.push(p.familyName);
    lines.push([p.niss, p.familyName, p.givenNames, p.birthDate, p.birthPlace, p.sex, p.nationality, p.phone, p.email, p.iban,
      home?.street, home?.houseNumber, home?.box, home?.postalCode, home?.municipality, home?.validFrom].map(cell).join(';'));
  }
  return { csv: lines.join('\n') + '\n', nisses, names };
}

async function addActor(tx: Tx, cpasId: string, role: Role): Promise<Actor> {
  const userId = randomUUID();
  await insertStaff(tx, { cpasId, userId, username: role, displayName: role, language: 'fr', passwordHash: null, roles: [role] });
  return { cpasId, userId, roles: [role] };
}

/** The plain-SQL twin of the import: the same validated rows, multi-row inserts, no checks, no log. */
async function plainInsert(tx: Tx, cpasId: string, rows: ReturnType<typeof parsePersonCsv>['rows']): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const params: unknown[] = [];
    const values = batch.map(({ input: { person: p } }) => {
      const base = params.length;
      params.push(cpasId, randomUUID(), p.familyName, p.givenNames, `${p.familyName} ${p.givenNames}`.toLowerCase(), p.birthDate ?? null, p.niss ?? null);
      return `(${Array.from({ length: 7 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
    });
    await tx.query(`INSERT INTO person (cpas_id, person_id, family_name, given_names, search_name, birth_date, niss) VALUES ${values.join(', ')}`, params as string[]);
  }
}

type Ctx = Parameters<typeof importPersons>[0];
type Rows = ReturnType<typeof parsePersonCsv>['rows'];

/** The import through the use case, beside its baseline: COPY on PostgreSQL, multi-row INSERTs on PGlite. */
async function timeImport(ctx: Ctx, url: string | undefined, agent: Actor, rows: Rows): Promise<{ importMs: number; plainMs: number; baseline: string }> {
  const { db } = ctx;
  const register = (code: string) => registerCpas(db, { code, name: `Plain SQL twin ${code}`, region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'x', postalCode: '5000', municipality: 'Namur' });
  const cpu = process.cpuUsage();
  const importMs = await timeMs(() => importPersons(ctx, agent, rows));
  const used = process.cpuUsage(cpu);
  // On PostgreSQL, Node makes each batch's text while the database loads the one before: the two overlap.
  console.log(`import: Node's process on the CPU ${((used.user + used.system) / 1000 / importMs * 100).toFixed(0)}% of the import's time (checks, batch texts; on PGlite, the database too)`);
  const { cpasId: twinId } = await register('twin');
  if (url) return { importMs, plainMs: await copyPersons(url, twinId, rows), baseline: 'COPY of the same persons and addresses' };
  return { importMs, plainMs: await timeMs(() => db.transaction((tx) => plainInsert(tx, twinId, rows))), baseline: 'multi-row INSERT of the persons' };
}

/** ENTRIES access-log entries over the CPAS of the run and a third one, then their size on disk. */
async function timeLogFill(db: Database, url: string, cpasIds: readonly string[]): Promise<(string | number)[][]> {
  const { cpasId: third } = await registerCpas(db, { code: 'liege', name: 'CPAS de Liège', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Place Saint-Jacques 13', postalCode: '4000', municipality: 'Liège' });
  const chains = [];
  for (const cpasId of [...cpasIds, third]) {
    const persons = await db.ownerTransaction((tx) => tx.query<{ person_id: string }>('SELECT person_id FROM person WHERE cpas_id = $1', [cpasId]));
    chains.push({ cpasId, persons: persons.map((p) => p.person_id) });
  }
  const fillMs = await fillAccessLog(db, url, chains, Math.ceil(ENTRIES / chains.length));
  const size = await logBytesPerEntry(db);
  return [
    ['access log', 'entries', 'fill (s)', 'bytes/entry (total)', 'table + TOAST', 'indexes'],
    [`${chains.length} CPAS`, String(size.entries), fillMs / 1000, (size.total / size.entries).toFixed(0), (size.heap / size.entries).toFixed(0), (size.indexes / size.entries).toFixed(0)],
  ];
}

async function main(): Promise<void> {
  console.log(`Confiance foundation benchmark: ${PERSONS} persons, ${ENTRIES} log entries, engine ${engine}, ${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const { db, url, drop } = await benchDatabase(engine);
  const ctx = { db, secrets: createSecretBox(parseMasterKeys(`bench:${Buffer.alloc(32, 1).toString('base64')}`)), now: () => new Date() };
  try {
    const { cpasId } = await registerCpas(db, { code: 'namur', name: 'CPAS de Namur', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue de Dave 165', postalCode: '5100', municipality: 'Namur' });
    const agent = await db.ownerTransaction((tx) => addActor(tx, cpasId, 'administrative-agent'));

    const { csv, nisses, names } = makeCsv(PERSONS);
    let parsed!: ReturnType<typeof parsePersonCsv>;
    const parseMs = await timeMs(async () => { parsed = parsePersonCsv(csv); });
    if (parsed.errors.length) throw new Error(`generated CSV has ${parsed.errors.length} invalid rows, e.g. line ${parsed.errors[0]!.line} ${parsed.errors[0]!.field}`);
    const imported = await timeImport(ctx, url, agent, parsed.rows);
    console.log(`import ${(imported.importMs / 1000).toFixed(1)} s, ${imported.baseline} ${(imported.plainMs / 1000).toFixed(1)} s (load ${loadavg()[0]!.toFixed(1)})`);
    const twinId = (await db.ownerTransaction((tx) => tx.query<{ cpas_id: string }>("SELECT cpas_id FROM cpas WHERE code = 'twin'")))[0]!.cpas_id;
    const logTable = ENTRIES > 0 && url ? await timeLogFill(db, url, [cpasId, twinId]) : undefined;
    if (url) {
      const settleMs = await settle(url);
      console.log(`before the latencies: VACUUM (ANALYZE) of ${FILLED_TABLES.join(', ')}, a CHECKPOINT and the persons' tables read into memory, ${(settleMs / 1000).toFixed(1)} s (a steady state, not the fill's aftermath)`);
    } else {
      // PGlite has no background processes (no autovacuum) to disturb the timings: fresh statistics are what it lacks.
      await db.ownerTransaction((tx) => tx.query('ANALYZE'));
    }

    const latencies = await timeReads(ctx, agent, nisses, names);
    printTable(`Import of ${PERSONS} persons (CSV parse + validation: ${(parseMs / 1000).toFixed(1)} s, not included below)`, [
      ['work', 'Confiance (s)', `${imported.baseline} (s)`, 'ratio'],
      ['import (checks, batches, one transaction, log entry)', imported.importMs / 1000, imported.plainMs / 1000, imported.importMs / imported.plainMs],
    ]);
    if (logTable) printTable(`Access log filled by the chain arithmetic and COPY (${ENTRIES} entries)`, logTable);
    printTable(`Latency over ${SAMPLES} calls each (ms)${url ? ', after VACUUM (ANALYZE), CHECKPOINT and pg_prewarm of the persons' : ''}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`, latencies);
  } finally {
    await drop();
  }
}

/** Searches and file openings, each beside the bare SQL it needs. */
async function timeReads(ctx: Ctx, agent: Actor, nisses: string[], names: string[]): Promise<(string | number)[][]> {
  const { db } = ctx;
  const cpasId = agent.cpasId;
  const pickNiss = (i: number) => nisses[(i * 7919) % nisses.length]!;
  const pickName = (i: number) => names[(i * 104729) % names.length]!.toLowerCase().slice(0, 5);
  const nissApi = await sample(SAMPLES, (i) => searchPersons(ctx, agent, { niss: pickNiss(i), limit: 20, purpose: 'intake' }));
  const nissSql = await sample(SAMPLES, (i) => db.transaction((tx) => tx.query('SELECT person_id, family_name, given_names, birth_date, niss FROM person WHERE cpas_id = $1 AND niss = $2 LIMIT 20', [cpasId, pickNiss(i)])));
  const nameApi = await sample(SAMPLES, (i) => searchPersons(ctx, agent, { name: pickName(i), limit: 20, purpose: 'intake' }));
  const nameSql = await sample(SAMPLES, (i) => db.transaction((tx) => tx.query('SELECT person_id, family_name, given_names, birth_date, niss FROM person WHERE cpas_id = $1 AND search_name LIKE $2 ORDER BY search_name COLLATE "C", person_id LIMIT 20', [cpasId, `${pickName(i)}%`])));

  // Opening a person's administrative data through the HTTP API (token auth, policy, log, JSON),
  // next to plain SQL reading the same administrative classes.
  // Its transactions timed by stage (bench/stages.ts), to tell the database's time from Node's.
  const stages = emptyStages();
  const app = await buildServer({ ...ctx, db: stagedDatabase(db, stages) });
  const { token } = await createApiToken(ctx, agent, 'bench');
  const ids = (await db.transaction((tx) => tx.query<{ person_id: string }>('SELECT person_id FROM person WHERE cpas_id = $1 ORDER BY niss LIMIT 2000', [cpasId]))).map((r) => r.person_id);
  const pickId = (i: number) => ids[(i * 31) % ids.length]!;
  const openApi = await sample(SAMPLES, async (i) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/persons/${pickId(i)}?purpose=administrative-processing`, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`API answered ${res.statusCode}`);
  });
  const openSql = await sample(SAMPLES, (i) => db.transaction(async (tx) => {
    const id = pickId(i);
    await tx.query('SELECT family_name, given_names, birth_date, birth_place, sex, nationality, niss, phone, email, iban FROM person WHERE cpas_id = $1 AND person_id = $2', [cpasId, id]);
    await tx.query('SELECT * FROM person_address WHERE cpas_id = $1 AND person_id = $2', [cpasId, id]);
    await tx.query('SELECT * FROM household_member WHERE cpas_id = $1 AND person_id = $2', [cpasId, id]);
    await tx.query('SELECT * FROM application WHERE cpas_id = $1 AND person_id = $2', [cpasId, id]);
    await tx.query('SELECT * FROM decision WHERE cpas_id = $1 AND person_id = $2', [cpasId, id]);
    await tx.query('SELECT * FROM bcss_record WHERE cpas_id = $1 AND person_id = $2', [cpasId, id]);
  }));
  await app.close();
  printTable('open administrative file via HTTP API: mean ms per transaction, by stage', [STAGE_HEADER, stageRows('open (auth + use case)', stages)]);
  const row = (label: string, a: number[], b: number[]) => [label, median(a), percentile(a, 99), median(b), percentile(b, 99), median(a) / median(b)];
  return [
    ['work', 'median', 'p99', 'SQL median', 'SQL p99', 'ratio (median)'],
    row('search by NISS (use case + access log)', nissApi, nissSql),
    row('search by name prefix (use case + access log)', nameApi, nameSql),
    row('open administrative file via HTTP API', openApi, openSql),
  ];
}

await main();

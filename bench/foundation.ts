// Foundation benchmark: 100,000 persons in one CPAS. Each figure is set next to the same work done
// by plain SQL in the same run; the ratio is the figure that matters (the machine drops out).
//   npx tsx bench/foundation.ts [--engine pglite|postgres] [--persons 100000] [--samples 500]
import { cpus } from 'node:os';
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
import type { Tx } from '../src/adapters/db/database.ts';
import { benchDatabase, median, percentile, printTable, sample, timeMs } from './support.ts';
import { benchOptions, count, engineOption } from './options.ts';
import { randomUUID } from 'node:crypto';

const { values: options } = benchOptions(
  'npx tsx bench/foundation.ts [--engine pglite|postgres] [--persons 100000] [--samples 500]',
  { engine: 'pglite', persons: '100000', samples: '500' },
);
const engine = engineOption(options.engine);
const PERSONS = count('persons', options.persons);
const SAMPLES = count('samples', options.samples);

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

async function main(): Promise<void> {
  console.log(`Confiance foundation benchmark: ${PERSONS} persons, engine ${engine}, ${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), Node ${process.version}`);
  const { db, drop } = await benchDatabase(engine);
  const ctx = { db, secrets: createSecretBox(parseMasterKeys(`bench:${Buffer.alloc(32, 1).toString('base64')}`)), now: () => new Date() };
  try {
    const { cpasId } = await registerCpas(db, { code: 'namur', name: 'CPAS de Namur', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue de Dave 165', postalCode: '5100', municipality: 'Namur' });
    const { cpasId: twinId } = await registerCpas(db, { code: 'twin', name: 'Plain SQL twin', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'x', postalCode: '5000', municipality: 'Namur' });
    const agent = await db.ownerTransaction((tx) => addActor(tx, cpasId, 'administrative-agent'));

    const generated = await timeMs(async () => undefined);
    void generated;
    const { csv, nisses, names } = makeCsv(PERSONS);
    let parsed!: ReturnType<typeof parsePersonCsv>;
    const parseMs = await timeMs(async () => { parsed = parsePersonCsv(csv); });
    if (parsed.errors.length) throw new Error(`generated CSV has ${parsed.errors.length} invalid rows, e.g. line ${parsed.errors[0]!.line} ${parsed.errors[0]!.field}`);
    const importMs = await timeMs(() => importPersons(ctx, agent, parsed.rows));
    const plainMs = await timeMs(() => db.transaction((tx) => plainInsert(tx, twinId, parsed.rows)));
    await db.ownerTransaction((tx) => tx.query('ANALYZE'));

    const pickNiss = (i: number) => nisses[(i * 7919) % nisses.length]!;
    const pickName = (i: number) => names[(i * 104729) % names.length]!.toLowerCase().slice(0, 5);
    const nissApi = await sample(SAMPLES, (i) => searchPersons(ctx, agent, { niss: pickNiss(i), limit: 20, purpose: 'intake' }));
    const nissSql = await sample(SAMPLES, (i) => db.transaction((tx) => tx.query('SELECT person_id, family_name, given_names, birth_date, niss FROM person WHERE cpas_id = $1 AND niss = $2 LIMIT 20', [cpasId, pickNiss(i)])));
    const nameApi = await sample(SAMPLES, (i) => searchPersons(ctx, agent, { name: pickName(i), limit: 20, purpose: 'intake' }));
    const nameSql = await sample(SAMPLES, (i) => db.transaction((tx) => tx.query('SELECT person_id, family_name, given_names, birth_date, niss FROM person WHERE cpas_id = $1 AND search_name LIKE $2 ORDER BY search_name, person_id LIMIT 20', [cpasId, `${pickName(i)}%`])));

    // Opening a person's administrative data through the HTTP API (token auth, policy, log, JSON),
    // next to plain SQL reading the same administrative classes.
    const app = await buildServer(ctx);
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

    printTable(`Import of ${PERSONS} persons (CSV parse + validation: ${(parseMs / 1000).toFixed(1)} s, not included below)`, [
      ['work', 'Confiance (s)', 'plain SQL (s)', 'ratio'],
      ['import (checks, batches, one transaction, log entry)', importMs / 1000, plainMs / 1000, importMs / plainMs],
    ]);
    const row = (label: string, a: number[], b: number[]) => [label, median(a), percentile(a, 99), median(b), percentile(b, 99), median(a) / median(b)];
    printTable(`Latency over ${SAMPLES} calls each (ms)`, [
      ['work', 'median', 'p99', 'SQL median', 'SQL p99', 'ratio (median)'],
      row('search by NISS (use case + access log)', nissApi, nissSql),
      row('search by name prefix (use case + access log)', nameApi, nameSql),
      row('open administrative file via HTTP API', openApi, openSql),
    ]);
  } finally {
    await drop();
  }
}

await main();

// Page figures: server time of the person page and the caseload page, and page weight, with
// 100,000 persons in one CPAS (PGlite, in process). Server time is measured around fastify's
// inject: routing, session, use case with its access-log append, rendering; no network.
// Run: npx tsx bench/pages.ts [--persons 100000] [--iterations 200]
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { openPglite } from '../src/adapters/db/database.ts';
import { migrate } from '../src/adapters/db/migrate.ts';
import { buildServer } from '../src/http/server.ts';
import { importPersons, type ImportRow } from '../src/app/import-persons.ts';
import { assignCase } from '../src/app/manage-staff.ts';
import { makeNiss } from '../src/domain/niss.ts';
import { testContext } from '../src/testing/fixtures.ts';
import { assetBytes, findAsset } from '../src/ui/assets.ts';
import { buildFixture, FIXTURE_PASSWORD } from '../src/ui/testing/fixture.ts';
import { PageClient } from '../src/ui/testing/page-client.ts';
import { benchOptions, count } from './options.ts';

const { values: options } = benchOptions('npx tsx bench/pages.ts [--persons 100000] [--iterations 200]', { persons: '100000', iterations: '200' });
const PERSONS = count('persons', options.persons);
const ITERATIONS = count('iterations', options.iterations);
const CASELOAD = 40;

const FAMILY = ['Dubois', 'Lambert', 'Martin', 'Dupont', 'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Leroy', 'Renard', 'Simon', 'Laurent', 'Lejeune', 'El Amrani', 'Yilmaz', 'Nowak', 'Diallo', 'Rossi'];
const GIVEN = ['Marie', 'Jean', 'Sophie', 'Luc', 'Nathalie', 'Pierre', 'Anne', 'Thomas', 'Julie', 'Ahmed', 'Fatma', 'Jan', 'Els', 'Koen', 'Lotte', 'Sarah', 'Mohamed', 'Emma', 'Noah', 'Léa'];

function syntheticRows(count: number): ImportRow[] {
  const rows: ImportRow[] = [];
  const start = Date.UTC(1940, 0, 1);
  for (let i = 0; i < count; i++) {
    const birthDate = new Date(start + (i % 23_000) * 86_400_000).toISOString().slice(0, 10);
    // Even serials: the fixture's persons use other ones, so no national number is taken twice.
    const serial = 2 + Math.floor(i / 23_000) * 2;
    rows.push({
      line: i + 2,
      input: {
        person: { familyName: FAMILY[i % FAMILY.length]!, givenNames: GIVEN[(i * 7) % GIVEN.length]!, birthDate, niss: makeNiss(birthDate, serial), nationality: 'BE' },
        addresses: [{ kind: 'domicile', street: 'Rue de la Station', houseNumber: String(1 + (i % 250)), postalCode: '5000', municipality: 'Namur', country: 'BE', validFrom: '2020-01-01' }],
      },
    });
  }
  return rows;
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]! };
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function time(label: string, request: () => Promise<{ status: number; body: string }>) {
  for (let i = 0; i < 10; i++) await request(); // warm-up
  const samples: number[] = [];
  let body = '';
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    const res = await request();
    samples.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${label}: status ${res.status}`);
    body = res.body;
  }
  return { label, ...stats(samples), html: Buffer.byteLength(body), htmlGzip: gzipSync(body).length };
}

const db = await openPglite();
await migrate(db);
const ctx = testContext(db, () => new Date());
const fixture = await buildFixture(ctx);
const namur = fixture.namur;
let started = performance.now();
const { imported, rejected } = await importPersons(ctx, namur.actors.agent!, syntheticRows(PERSONS));
if (imported !== PERSONS) throw new Error(`import refused: ${rejected.length} rows rejected, first on line ${rejected[0]?.line}: ${rejected[0]?.message}`);
process.stdout.write(`imported ${imported} persons into ${namur.code} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const someIds = await db.transaction((tx) => tx.query<{ person_id: string }>('SELECT person_id FROM person WHERE cpas_id = $1 ORDER BY person_id LIMIT $2', [namur.cpasId, CASELOAD]));
for (const { person_id: personId } of someIds) {
  await assignCase(ctx, namur.actors.responsable!, { personId, userId: namur.actors['assistant-social']!.userId, assignedFrom: '2026-01-05' });
}
const [{ n: total } = { n: 0 }] = await db.transaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE cpas_id = $1', [namur.cpasId]));

const app = await buildServer(ctx);
const worker = new PageClient(app);
await worker.logIn('assistant-social@namur', FIXTURE_PASSWORD);
const personId = namur.persons.dubois!;
await worker.openFile(personId, 'case-follow-up');
const agent = new PageClient(app);
await agent.logIn('agent@namur', FIXTURE_PASSWORD);
await agent.get('/search');

started = performance.now();
const results = [
  await time('person page (social worker, file with a report and a note)', () => worker.get(`/persons/${personId}`)),
  await time(`caseload page (${CASELOAD + 3} persons assigned)`, () => worker.get('/caseload')),
  await time('search by name (POST, first 50 of the matches)', () => agent.post('/search', { name: 'dubois', purpose: 'intake' })),
];
process.stdout.write(`measured in ${((performance.now() - started) / 1000).toFixed(1)} s\n\n`);

const css = findAsset('govuk-frontend.css')!.body.length + findAsset('app.css')!.body.length;
const js = findAsset('govuk-frontend.js')!.body.length + findAsset('init.js')!.body.length;
const gz = (name: string) => gzipSync(findAsset(name)!.body).length;
const assetsGzip = gz('govuk-frontend.css') + gz('app.css') + gz('govuk-frontend.js') + gz('init.js');
process.stdout.write(`Persons in the CPAS: ${total.toLocaleString('en')}; ${ITERATIONS} requests per page after 10 warm-up, PGlite in process, app.inject\n\n`);
process.stdout.write('| page | median | p95 | HTML | HTML gzip |\n|---|---|---|---|---|\n');
for (const r of results) process.stdout.write(`| ${r.label} | ${ms(r.median)} | ${ms(r.p95)} | ${kb(r.html)} | ${kb(r.htmlGzip)} |\n`);
process.stdout.write(`\nAssets (same for every page, cached a year by content hash): CSS ${kb(css)}, JS ${kb(js)}, favicon ${kb(findAsset('favicon.svg')!.body.length)}; ` +
  `all ${kb(assetBytes())} raw, ${kb(assetsGzip)} gzip (CSS+JS). No fonts, no images.\n`);
for (const r of results.slice(0, 2)) {
  process.stdout.write(`First view of the ${r.label.split(' (')[0]}: ${kb(r.html + css + js)} (HTML + CSS + JS), ${kb(r.htmlGzip + assetsGzip)} if served gzip\n`);
}
await app.close();
await db.close();

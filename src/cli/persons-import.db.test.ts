// `persons import` end to end on a test database: exit codes, the report on stderr (lines and
// columns, never values), the summary on stdout, the progress bar on a terminal only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { CSV_COLUMNS } from '../adapters/csv/person-csv.ts';
import type { AppContext } from '../app/context.ts';
import type { DomainError } from '../domain/errors.ts';
import { makeNiss } from '../domain/niss.ts';
import { captureIo } from '../testing/capture-io.ts';
import { addTestCpas, testContext } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { runPersonsImport } from './persons-import.ts';

let t: TestDatabase;
let ctx: AppContext;
before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db);
  await addTestCpas(t.db, 'namur');
});
after(() => t.drop());

const EXAMPLE = readFileSync(new URL('../../docs/examples/persons.csv', import.meta.url));
const AGENT = ['--as', 'administrative-agent@namur'];

const fakeIo = (files: Record<string, string | Uint8Array>, opts: { tty?: boolean; clock?: () => number } = {}) => captureIo(ctx, files, opts);

const csv = (...rows: string[][]) => [CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\n');
const row = (niss: string, family: string) => [niss, family, 'Test', '', '', '', '', '', '', '', 'Rue Haute', '1', '', '5000', 'Namur', '2024-01-01'];
const personsWith = async (niss: string[]) =>
  Number((await t.db.ownerTransaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE niss = ANY($1::text[])', [niss])))[0]?.n);

test('imports the example file and prints the summary on stdout', async () => {
  let calls = 0;
  const { io, out } = fakeIo({ 'persons.csv': EXAMPLE }, { clock: () => (calls++ === 0 ? 1000 : 3500) });
  assert.equal(await runPersonsImport(['persons.csv', ...AGENT], io), 0);
  assert.equal(out.stdout, 'imported 4 persons (0 skipped) in 2.5s\n');
  assert.equal(out.stderr, '', 'no progress bar when stderr is not a terminal');
});

const GOOD = makeNiss('1991-03-04', 1);
const WRONG_CHECK = `${makeNiss('1991-03-04', 2).slice(0, 9)}00`;
const ALREADY_IMPORTED = makeNiss('1985-07-30', 33); // in docs/examples/persons.csv
const MIXED = csv(row(GOOD, 'Bonnet'), row(WRONG_CHECK, 'Secretname'), row(ALREADY_IMPORTED, 'Dubois'));

test('without --skip-invalid, one bad row and nothing is imported: each fault on stderr, exit 2', async () => {
  const { io, out } = fakeIo({ 'mixed.csv': MIXED });
  assert.equal(await runPersonsImport(['mixed.csv', ...AGENT], io), 2);
  assert.equal(out.stdout, '');
  assert.equal(out.stderr, [
    'line 3: niss: is not a valid national number (check digits do not match)',
    'line 4: niss: a person with this national number exists already in this CPAS',
    'nothing imported: 2 of 3 rows are invalid; fix them, or import the others with --skip-invalid',
    '',
  ].join('\n'));
  for (const value of [WRONG_CHECK, ALREADY_IMPORTED, 'Secretname', 'Dubois']) assert.ok(!out.stderr.includes(value), `"${value}" is not echoed`);
  assert.equal(await personsWith([GOOD]), 0);
});

test('with --skip-invalid (before or after the file), the good rows are imported and the others counted', async () => {
  const { io, out } = fakeIo({ 'mixed.csv': MIXED });
  assert.equal(await runPersonsImport(['--skip-invalid', 'mixed.csv', ...AGENT], io), 0);
  assert.equal(out.stdout, 'imported 1 persons (2 skipped) in 0.0s\n');
  assert.match(out.stderr, /^line 3: niss: .*\nline 4: niss: .*\n$/);
  assert.equal(await personsWith([GOOD]), 1);
});

test('with --skip-invalid, a file without one valid row is still a failure (exit 2)', async () => {
  const { io, out } = fakeIo({ 'bad.csv': csv(row(WRONG_CHECK, 'A'), row(GOOD, 'Again')) });
  assert.equal(await runPersonsImport(['bad.csv', ...AGENT, '--skip-invalid'], io), 2);
  assert.match(out.stderr, /nothing imported: none of the 2 rows is valid\n$/);
});

test('a header that does not fit imports nothing, even with --skip-invalid', async () => {
  const { io, out } = fakeIo({ 'h.csv': 'niss;familyname;given_names\n' });
  assert.equal(await runPersonsImport(['h.csv', ...AGENT, '--skip-invalid'], io), 2);
  assert.match(out.stderr, /^line 1: familyname: unknown column .*\nline 1: family_name: is missing\nnothing imported: the file cannot be read as a person CSV/);
});

test('on a terminal, a progress bar is drawn on stderr, at most every 100 ms, ending at 100%', async () => {
  const niss = (i: number) => makeNiss(i < 998 ? '1993-06-07' : '1993-06-08', (i % 998) + 1);
  const rows = Array.from({ length: 1200 }, (_, i) => row(niss(i), `P${i}`));
  const { io, out } = fakeIo({ 'big.csv': csv(...rows) }, { tty: true });
  assert.equal(await runPersonsImport(['big.csv', ...AGENT], io), 0);
  // A clock that stands still: only the first and the last state of each phase are drawn.
  assert.equal(out.stderr, [
    `\r[${'.'.repeat(30)}] 0% 1/1200 rows checked`,
    `\r[${'#'.repeat(30)}] 100% 1200/1200 rows checked\n`,
    `\r[${'.'.repeat(30)}] 0% 0/1200 rows imported`,
    `\r[${'#'.repeat(30)}] 100% 1200/1200 rows imported\n`,
  ].join(''));
  assert.equal(out.stdout, 'imported 1200 persons (0 skipped) in 0.0s\n');
});

test('the actor must hold the import operation; a wrong --as, file or option is invalid input', async () => {
  const file = { 'one.csv': csv(row(makeNiss('1994-01-01', 1), 'Solo')) };
  await assert.rejects(runPersonsImport(['one.csv', '--as', 'social-worker@namur'], fakeIo(file).io), (e: DomainError) => e.code === 'forbidden');
  assert.equal(await personsWith([makeNiss('1994-01-01', 1)]), 0);
  await assert.rejects(runPersonsImport(['one.csv', '--as', 'nobody'], fakeIo(file).io), (e: DomainError) => e.code === 'invalid-input' && e.field === '--as');
  await assert.rejects(runPersonsImport(['missing.csv', ...AGENT], fakeIo(file).io), (e: DomainError) => e.code === 'invalid-input' && /cannot read missing.csv \(ENOENT\)/.test(e.message));
  await assert.rejects(runPersonsImport(['one.csv', ...AGENT, '--skip-invalids'], fakeIo(file).io), (e: DomainError) => e.field === '--skip-invalids');
  await assert.rejects(runPersonsImport(AGENT, fakeIo(file).io), (e: DomainError) => e.field === 'FILE');
});

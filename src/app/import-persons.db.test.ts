// The bulk import: one transaction, one log entry, conflicts found before anything is written.
// Import speed is measured by `npm run bench` (bench/foundation.ts), not here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database, Row, Tx } from '../adapters/db/database.ts';
import { BATCH_ROWS } from '../adapters/db/stores/person-batch-store.ts';
import { DomainError } from '../domain/errors.ts';
import { makeNiss } from '../domain/niss.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import type { AppContext } from './context.ts';
import { createPerson } from './create-person.ts';
import { type ImportRow, importPersons } from './import-persons.ts';

let t: TestDatabase;
let ctx: AppContext;
let cpas: TestCpas;
let other: TestCpas;
before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db);
  cpas = await addTestCpas(t.db, 'namur');
  other = await addTestCpas(t.db, 'liege');
});
after(() => t.drop());

/** Distinct valid national numbers: 998 serials per birth day from `firstDay` on. */
function syntheticRows(count: number, firstDay = 0): ImportRow[] {
  return Array.from({ length: count }, (_, i) => {
    const birthDate = new Date(Date.UTC(1950, 0, 1 + firstDay + Math.floor(i / 998))).toISOString().slice(0, 10);
    return {
      line: i + 2,
      input: {
        person: { niss: makeNiss(birthDate, (i % 998) + 1), familyName: `Person ${i}`, givenNames: 'Test', birthDate, phone: i % 2 ? '+32 81 00 00 00' : null },
        addresses: [{ kind: 'domicile', street: 'Rue de Fer', houseNumber: String(i), postalCode: '5000', municipality: 'Namur', country: 'BE', validFrom: '2020-01-01' }],
      },
    };
  });
}

const count = async (table: string, cpasId = cpas.cpasId) =>
  Number((await t.db.ownerTransaction((tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE cpas_id = $1`, [cpasId])))[0]?.n);
const lastLogEntry = async (cpasId = cpas.cpasId) => {
  const [row] = await t.db.ownerTransaction((tx) =>
    tx.query<{ entry_text: string }>('SELECT entry_text FROM access_log_entry WHERE cpas_id = $1 ORDER BY seq DESC LIMIT 1', [cpasId]));
  return row ? (JSON.parse(row.entry_text) as Record<string, unknown>) : null;
};
/** A fresh day range for each test, so their national numbers never meet. */
let nextDay = 0;
const freshRows = (n: number) => {
  const rows = syntheticRows(n, nextDay);
  nextDay += Math.ceil(n / 998) + 1;
  return rows;
};

test('imports every row in batches, with its domicile, and writes one log entry of counts', async () => {
  const persons = await count('person');
  const n = 2 * BATCH_ROWS + 203;
  const rows = freshRows(n);
  const progress: [number, number][] = [];
  const result = await importPersons(ctx, cpas.actors['administrative-agent'], rows, { onProgress: (done, total) => progress.push([done, total]) });
  assert.deepEqual(result, { imported: n, skipped: 0, rejected: [] });
  assert.equal(await count('person'), persons + n);
  // Three batches of persons, then three of addresses, counted as rows of the file: the share of
  // the 2n records (a person and an address per row) written so far.
  const written = [0, BATCH_ROWS, 2 * BATCH_ROWS, n, n + BATCH_ROWS, n + 2 * BATCH_ROWS, 2 * n];
  assert.deepEqual(progress, written.map((records) => [Math.round((records / (2 * n)) * n), n]));
  const [stored] = await t.db.ownerTransaction((tx) =>
    tx.query('SELECT p.search_name, a.kind, a.house_number FROM person p JOIN person_address a USING (cpas_id, person_id) WHERE p.cpas_id = $1 AND p.niss = $2', [cpas.cpasId, rows[7]!.input.person.niss!]));
  assert.deepEqual(stored, { search_name: 'person 7 test', kind: 'domicile', house_number: '7' });
  const entry = await lastLogEntry();
  assert.equal(entry?.action, 'import');
  assert.equal(entry?.purpose, 'bulk-import');
  assert.equal(entry?.outcome, 'allowed');
  assert.equal(entry?.person, null);
  assert.deepEqual(entry?.classes, ['contact-details', 'domicile-address', 'identity']);
  assert.deepEqual(entry?.details, { count: n, invalid: 0, rejected: 0, skipped: 0 });
});

test('text with quotes, commas, backslashes, line breaks or nothing at all is stored as given', async () => {
  const [row] = freshRows(1);
  const person = {
    ...row!.input.person,
    familyName: 'Van "den" Berg, dit \\ Le Gros',
    givenNames: 'Anne\r\nMarie\n\\.\nLine',
    birthPlace: '',
    email: null,
  };
  await importPersons(ctx, cpas.actors['administrative-agent'], [{ line: 2, input: { ...row!.input, person } }]);
  const [stored] = await t.db.ownerTransaction((tx) =>
    tx.query('SELECT family_name, given_names, birth_place, email FROM person WHERE cpas_id = $1 AND niss = $2', [cpas.cpasId, person.niss!]));
  assert.deepEqual(stored, { family_name: person.familyName, given_names: person.givenNames, birth_place: '', email: null });
});

test('an actor without the import operation is refused, and the refusal is logged', async () => {
  const persons = await count('person');
  await assert.rejects(importPersons(ctx, cpas.actors['social-worker'], freshRows(3)), (e: DomainError) => e.code === 'forbidden');
  assert.equal(await count('person'), persons);
  const entry = await lastLogEntry();
  assert.equal(entry?.action, 'import');
  assert.equal(entry?.outcome, 'denied');
  assert.equal(entry?.rule, 'operation');
  assert.deepEqual(entry?.details, { rows: 3 });
});

test('all or nothing: a national number known in the CPAS or repeated in the file, or a row left out as invalid, imports nothing', async () => {
  const rows = freshRows(5);
  const known = rows[1]!.input.person;
  await createPerson(ctx, cpas.actors['administrative-agent'], { person: known, purpose: 'intake' });
  const repeated = { line: 9, input: { person: { ...rows[3]!.input.person, familyName: 'Other' } } };
  const persons = await count('person');

  const result = await importPersons(ctx, cpas.actors['administrative-agent'], [...rows, repeated]);
  assert.equal(result.imported, 0);
  assert.equal(result.skipped, 6);
  assert.deepEqual(result.rejected, [
    { line: 3, field: 'niss', message: 'a person with this national number exists already in this CPAS' },
    { line: 5, field: 'niss', message: 'the same national number is also on line 9' },
    { line: 9, field: 'niss', message: 'the same national number is also on line 5' },
  ]);
  assert.equal(await count('person'), persons);
  // The check told the actor which numbers are known: that is logged too, as counts.
  assert.deepEqual((await lastLogEntry())?.details, { count: 0, invalid: 0, rejected: 3, skipped: 6 });

  const clean = freshRows(2);
  const refused = await importPersons(ctx, cpas.actors['administrative-agent'], clean, { invalidRows: 1 });
  assert.deepEqual(refused, { imported: 0, skipped: 3, rejected: [] });
  assert.equal(await count('person'), persons);
});

test('skip-invalid: the rejected rows are left out and counted, the others imported', async () => {
  const rows = freshRows(4);
  await createPerson(ctx, cpas.actors['administrative-agent'], { person: rows[0]!.input.person, purpose: 'intake' });
  const withoutNiss = { line: 7, input: { person: { familyName: 'Sans', givenNames: 'Numéro' } } };
  const persons = await count('person');
  const result = await importPersons(ctx, cpas.actors['head-of-social-service'], [...rows, withoutNiss], { mode: 'skip-invalid', invalidRows: 2 });
  assert.equal(result.imported, 3);
  assert.equal(result.skipped, 4);
  assert.deepEqual(result.rejected.map((r) => `${r.line}: ${r.field}: ${r.message}`), [
    '2: niss: a person with this national number exists already in this CPAS',
    '7: niss: is required for an import (create persons without a national number one at a time)',
  ]);
  assert.equal(await count('person'), persons + 3);
  assert.deepEqual((await lastLogEntry())?.details, { count: 3, invalid: 2, rejected: 2, skipped: 4 });
});

test('a national number held by a person of another CPAS is no conflict, and is not revealed', async () => {
  const rows = freshRows(1);
  await importPersons(ctx, other.actors['administrative-agent'], rows);
  const result = await importPersons(ctx, cpas.actors['administrative-agent'], rows);
  assert.deepEqual(result, { imported: 1, skipped: 0, rejected: [] });
});

test('after persons were created one at a time while the table was small, the checks of an import still find each person by its primary key', async () => {
  // A database of its own: here the person table is small when the checks are first planned.
  const own = await createTestDatabase();
  try {
    const ownCtx = testContext(own.db);
    const agent = (await addTestCpas(own.db, 'namur')).actors['administrative-agent'];
    // Six persons with an address, one at a time: from the sixth on, the session keeps one
    // generic plan of the address's foreign-key check, made for a table of six persons.
    for (const { input } of syntheticRows(6)) await createPerson(ownCtx, agent, { ...input, purpose: 'intake' });
    // Counted within the import's transaction: the counts run since the session last reported them.
    const pkeyScans = async (tx: Tx) => (await tx.query<{ n: number }>("SELECT pg_stat_get_xact_numscans('person_pkey'::regclass) AS n"))[0]!.n;
    let byPrimaryKey = 0;
    const probing: Database = {
      ...own.db,
      transaction: (work) => own.db.transaction(async (tx) => {
        const before = await pkeyScans(tx);
        const result = await work(tx);
        byPrimaryKey = (await pkeyScans(tx)) - before;
        return result;
      }),
    };
    await importPersons({ ...ownCtx, db: probing }, agent, syntheticRows(2000, 10));
    // The stale plan reads the CPAS's persons through another index for each of the 2000 addresses.
    assert.ok(byPrimaryKey >= 2000, `${byPrimaryKey} lookups by primary key for 2000 addresses`);
  } finally {
    await own.drop();
  }
});

/** The statement of one batch of persons: an INSERT (PGlite) or a COPY (PostgreSQL). */
const isPersonBatch = (sql: string) => /^(insert into "?person"?|copy person) /i.test(sql);

/** The database as the use case sees it, with a hook run before each statement of its transactions. */
function withHook(db: Database, hook: (tx: Tx, sql: string) => Promise<void>): Database {
  return {
    ...db,
    transaction: (work) =>
      db.transaction((tx) => {
        const { copyFrom } = tx;
        return work({
          script: (sql) => tx.script(sql),
          copyOut: (sql, sink) => tx.copyOut(sql, sink),
          query: async <T extends Row>(sql: string, params?: Parameters<Tx['query']>[1]) => {
            await hook(tx, sql);
            return tx.query<T>(sql, params);
          },
          ...(copyFrom && {
            copyFrom: async (sql: string, csv: string) => {
              await hook(tx, sql);
              return copyFrom(sql, csv);
            },
          }),
        });
      }),
  };
}

test('a failure half-way leaves the database as it was: no person, no address, no log entry', async () => {
  const before = { persons: await count('person'), addresses: await count('person_address'), log: await count('access_log_entry') };
  let personBatches = 0;
  const failing = { ...ctx, db: withHook(t.db, async (_tx, sql) => {
    if (isPersonBatch(sql) && ++personBatches === 3) throw new Error('disk full (injected)');
  }) };
  await assert.rejects(importPersons(failing, cpas.actors['administrative-agent'], freshRows(2 * BATCH_ROWS + 200)), /disk full/);
  assert.equal(personBatches, 3, 'two batches were written before the failure');
  assert.deepEqual({ persons: await count('person'), addresses: await count('person_address'), log: await count('access_log_entry') }, before);
});

test('a person created meanwhile with a national number of the file makes the whole import fail as a conflict', async () => {
  const rows = freshRows(2 * BATCH_ROWS + 100);
  const last = rows.at(-1)!.input.person;
  const persons = await count('person');
  let personBatches = 0;
  // Stands for another session creating this person after the check: the unique index still holds.
  const racing = { ...ctx, db: withHook(t.db, async (tx, sql) => {
    if (isPersonBatch(sql) && ++personBatches === 3) {
      await tx.query("INSERT INTO person (cpas_id, person_id, family_name, given_names, search_name, niss) VALUES ($1, gen_random_uuid(), 'X', 'Y', 'x y', $2)", [cpas.cpasId, last.niss!]);
    }
  }) };
  await assert.rejects(importPersons(racing, cpas.actors['administrative-agent'], rows), (e: DomainError) => e instanceof DomainError && e.code === 'conflict' && e.field === 'niss');
  assert.equal(await count('person'), persons);
});

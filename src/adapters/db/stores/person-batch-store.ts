// Inserts many persons at once for the bulk import, in batches of BATCH_ROWS rows: one statement
// per batch, never one per person (a round trip and a statement parse per row: 100,000 persons
// would take minutes while the import holds its transaction). On PostgreSQL a batch is a
// `COPY ... FROM STDIN` (pg-copy.ts), the way psql's \copy loads; elsewhere (PGlite) it is one
// INSERT ... SELECT FROM unnest(arrays) with one array parameter per column, which parses faster
// than a VALUES list of thousands of parameters (persons went about 1.7 times faster on PGlite).
// Either way the rows meet the same constraints, unique indexes and foreign keys as any insert.
// Same columns and the same derived search key as the single-row inserts of person-store.ts.
import type { AddressInput, HouseholdMemberInput, PersonInput } from '../../../domain/schemas.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';
import type { DB } from '../schema.ts';
import { searchNameOf } from './person-store.ts';

/**
 * Rows per statement. Each statement costs a round trip and its start-up; on PGlite, 500 rows
 * per INSERT took about a tenth longer than 5,000 (50,000 persons with addresses).
 */
export const BATCH_ROWS = 5000;

type Cell = string | null | undefined;
type BatchTable = 'person' | 'person_address' | 'household_member';
type ArrayType = 'uuid' | 'text' | 'date';
/** Columns as [name, SQL type]: the names are typed against schema.ts, the types are the constants above. */
type Columns<T extends BatchTable> = readonly (readonly [keyof DB[T] & string, ArrayType])[];

/**
 * A CSV field of COPY: NULL is an empty unquoted field, so an empty string is quoted, and so is
 * a value holding a quote, a comma, a line break or a backslash (a line `\.` would end the data).
 */
const QUOTED = /[",\r\n\\]/;
function csvField(value: Cell): string {
  if (value == null) return '';
  return value === '' || QUOTED.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The batch as a COPY, ready to send: its text is made now, the statement sent by the call. */
function copyBatch<T extends BatchTable>(copyFrom: NonNullable<Tx['copyFrom']>, table: T, columns: Columns<T>, cells: readonly Cell[][]): () => Promise<void> {
  let csv = '';
  for (const row of cells) csv += `${row.map(csvField).join(',')}\n`;
  const statement = `COPY ${table} (${columns.map(([name]) => name).join(', ')}) FROM STDIN (FORMAT csv)`;
  return () => copyFrom(statement, csv);
}

/** The batch as one INSERT ... SELECT FROM unnest(...); both drivers send a null element as SQL NULL. */
function unnestBatch<T extends BatchTable>(tx: Tx, table: T, columns: Columns<T>, cells: readonly Cell[][]): () => Promise<void> {
  const db = kyselyOf(tx);
  const arrays = columns.map(([, type], i) => sql`${cells.map((row) => row[i] ?? null)}::${sql.raw(type)}[]`);
  const insert = db.insertInto(table).columns(columns.map(([name]) => name)).expression(sql`SELECT * FROM unnest(${sql.join(arrays)})`);
  return async () => {
    await insert.execute();
  };
}

async function insertRows<T extends BatchTable, R>(
  tx: Tx,
  table: T,
  columns: Columns<T>,
  rows: readonly R[],
  cellsOf: (row: R) => Cell[],
  onBatch: ((rows: number) => void) | undefined,
): Promise<void> {
  const { copyFrom } = tx;
  const prepare = (start: number) => {
    const cells = rows.slice(start, start + BATCH_ROWS).map(cellsOf);
    return copyFrom ? copyBatch(copyFrom, table, columns, cells) : unnestBatch(tx, table, columns, cells);
  };
  let send = rows.length > 0 ? prepare(0) : undefined;
  for (let start = 0; send; start += BATCH_ROWS) {
    const sent = send();
    send = undefined;
    // The next batch is made while the database takes this one: a COPY is on its way as soon as
    // it is called. Made in turn, the texts of 200,000 persons and addresses (1.3 s) were that
    // much more time with the database idle.
    try {
      if (start + BATCH_ROWS < rows.length) send = prepare(start + BATCH_ROWS);
    } finally {
      await sent;
    }
    onBatch?.(Math.min(BATCH_ROWS, rows.length - start));
  }
}

/**
 * Inserts the persons, each with a new random id, and returns the ids in the order of `persons`.
 * The ids are drawn as each batch is made, while the database loads the batch before: drawn up
 * front, the ids of 200,000 persons and their addresses held up the first row by half a second.
 */
export async function insertPersonRows(tx: Tx, cpasId: string, persons: readonly PersonInput[], onBatch?: (rows: number) => void): Promise<string[]> {
  const ids: string[] = [];
  await insertRows(
    tx,
    'person',
    [['cpas_id', 'uuid'], ['person_id', 'uuid'], ['family_name', 'text'], ['given_names', 'text'], ['search_name', 'text'], ['birth_date', 'date'],
      ['birth_place', 'text'], ['sex', 'text'], ['nationality', 'text'], ['niss', 'text'], ['phone', 'text'], ['email', 'text'], ['iban', 'text']],
    persons,
    (p) => {
      const personId = randomUUID();
      ids.push(personId);
      return [
        cpasId, personId, p.familyName, p.givenNames, searchNameOf(p.familyName, p.givenNames), p.birthDate, p.birthPlace,
        p.sex, p.nationality, p.niss, p.phone, p.email, p.iban,
      ];
    },
    onBatch,
  );
  return ids;
}

/** Inserts the addresses of persons just inserted, each with a new random id. */
export async function insertAddressRows(
  tx: Tx,
  cpasId: string,
  rows: readonly { personId: string; address: AddressInput }[],
  onBatch?: (rows: number) => void,
): Promise<void> {
  await insertRows(
    tx,
    'person_address',
    [['cpas_id', 'uuid'], ['address_id', 'uuid'], ['person_id', 'uuid'], ['kind', 'text'], ['street', 'text'], ['house_number', 'text'], ['box', 'text'],
      ['postal_code', 'text'], ['municipality', 'text'], ['country', 'text'], ['valid_from', 'date'], ['valid_to', 'date']],
    rows,
    ({ personId, address: a }) => [
      cpasId, randomUUID(), personId, a.kind, a.street, a.houseNumber, a.box, a.postalCode, a.municipality, a.country, a.validFrom, a.validTo,
    ],
    onBatch,
  );
}

/** Inserts the household members of persons just inserted, each with a new random id. */
export async function insertHouseholdRows(
  tx: Tx,
  cpasId: string,
  rows: readonly { personId: string; member: HouseholdMemberInput }[],
  onBatch?: (rows: number) => void,
): Promise<void> {
  await insertRows(
    tx,
    'household_member',
    [['cpas_id', 'uuid'], ['member_id', 'uuid'], ['person_id', 'uuid'], ['family_name', 'text'], ['given_names', 'text'], ['birth_date', 'date'],
      ['relationship', 'text'], ['valid_from', 'date'], ['valid_to', 'date']],
    rows,
    ({ personId, member: m }) => [
      cpasId, randomUUID(), personId, m.familyName, m.givenNames, m.birthDate, m.relationship, m.validFrom, m.validTo,
    ],
    onBatch,
  );
}

/**
 * Makes the foreign-key checks of the rows that follow plan for the person table as it is now.
 * PostgreSQL prepares each foreign-key check once per session and, after a few runs, keeps one
 * generic plan. Made while the CPAS had a few persons (a new database; PGlite runs no autovacuum
 * whose statistics would replace it), that plan finds the person through another index of
 * (cpas_id, ...) and filters on person_id: it reads every person of the CPAS for each address,
 * and an import of 100,000 persons never ends. DISCARD PLANS drops the session's plans: the next
 * checks are planned for the person table as the import filled it, and find each person by its
 * primary key. Planning every check afresh instead (plan_cache_mode = force_custom_plan) does
 * the same at a plan per row: 200,000 addresses took 1.5 to 2 times as long.
 */
export async function preparePlansForChildRows(tx: Tx): Promise<void> {
  await sql`DISCARD PLANS`.execute(kyselyOf(tx));
}

/** The persons of this CPAS that hold one of these national numbers. */
export async function findPersonsByNiss(tx: Tx, cpasId: string, nissList: readonly string[]): Promise<{ personId: string; niss: string }[]> {
  const found: { personId: string; niss: string }[] = [];
  for (let start = 0; start < nissList.length; start += 5000) {
    const rows = await kyselyOf(tx)
      .selectFrom('person')
      .select(['person_id as personId', 'niss'])
      .where('cpas_id', '=', cpasId)
      .where((eb) => eb('niss', '=', eb.fn.any(eb.val(nissList.slice(start, start + 5000)))))
      .execute();
    // niss = ANY(...) matched, so the column is not null in these rows.
    for (const row of rows) if (row.niss !== null) found.push({ personId: row.personId, niss: row.niss });
  }
  return found;
}

// Inserts many persons at once for the bulk import: one INSERT ... SELECT FROM unnest(arrays)
// per batch, one array parameter per column. One INSERT per person costs a round trip and a
// statement parse per row (100,000 persons would take minutes while the import holds its
// transaction); unnest also parses faster than a VALUES list of thousands of parameters
// (persons went about 1.7 times faster on PGlite). Same columns and the same derived search key
// as the single-row inserts of person-store.ts.
import type { AddressInput, HouseholdMemberInput, PersonInput } from '../../../domain/schemas.ts';
import { sql } from 'kysely';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';
import type { DB } from '../schema.ts';
import { searchNameOf } from './person-store.ts';

export const BATCH_ROWS = 500;

type Cell = string | null;
type BatchTable = 'person' | 'person_address' | 'household_member';
type ArrayType = 'uuid' | 'text' | 'date';

/** Columns as [name, SQL type]: the names are typed against schema.ts, the types are the constants above. */
async function insertRows<T extends BatchTable>(
  tx: Tx,
  table: T,
  columns: readonly (readonly [keyof DB[T] & string, ArrayType])[],
  rows: readonly Cell[][],
): Promise<void> {
  const db = kyselyOf(tx);
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const chunk = rows.slice(start, start + BATCH_ROWS);
    // One array parameter per column; both drivers send a null element as SQL NULL.
    const arrays = columns.map(([, type], i) => sql`${chunk.map((row) => row[i] ?? null)}::${sql.raw(type)}[]`);
    await db
      .insertInto(table)
      .columns(columns.map(([name]) => name))
      .expression(sql`SELECT * FROM unnest(${sql.join(arrays)})`)
      .execute();
  }
}

export async function insertPersonRows(tx: Tx, cpasId: string, rows: readonly { personId: string; person: PersonInput }[]): Promise<void> {
  await insertRows(
    tx,
    'person',
    [['cpas_id', 'uuid'], ['person_id', 'uuid'], ['family_name', 'text'], ['given_names', 'text'], ['search_name', 'text'], ['birth_date', 'date'],
      ['birth_place', 'text'], ['sex', 'text'], ['nationality', 'text'], ['niss', 'text'], ['phone', 'text'], ['email', 'text'], ['iban', 'text']],
    rows.map(({ personId, person: p }) => [
      cpasId, personId, p.familyName, p.givenNames, searchNameOf(p.familyName, p.givenNames), p.birthDate ?? null, p.birthPlace ?? null,
      p.sex ?? null, p.nationality ?? null, p.niss ?? null, p.phone ?? null, p.email ?? null, p.iban ?? null,
    ]),
  );
}

export async function insertAddressRows(
  tx: Tx,
  cpasId: string,
  rows: readonly { personId: string; addressId: string; address: AddressInput }[],
): Promise<void> {
  await insertRows(
    tx,
    'person_address',
    [['cpas_id', 'uuid'], ['address_id', 'uuid'], ['person_id', 'uuid'], ['kind', 'text'], ['street', 'text'], ['house_number', 'text'], ['box', 'text'],
      ['postal_code', 'text'], ['municipality', 'text'], ['country', 'text'], ['valid_from', 'date'], ['valid_to', 'date']],
    rows.map(({ personId, addressId, address: a }) => [
      cpasId, addressId, personId, a.kind, a.street, a.houseNumber, a.box ?? null, a.postalCode, a.municipality, a.country, a.validFrom, a.validTo ?? null,
    ]),
  );
}

export async function insertHouseholdRows(
  tx: Tx,
  cpasId: string,
  rows: readonly { personId: string; memberId: string; member: HouseholdMemberInput }[],
): Promise<void> {
  await insertRows(
    tx,
    'household_member',
    [['cpas_id', 'uuid'], ['member_id', 'uuid'], ['person_id', 'uuid'], ['family_name', 'text'], ['given_names', 'text'], ['birth_date', 'date'],
      ['relationship', 'text'], ['valid_from', 'date'], ['valid_to', 'date']],
    rows.map(({ personId, memberId, member: m }) => [
      cpasId, memberId, personId, m.familyName, m.givenNames, m.birthDate ?? null, m.relationship, m.validFrom, m.validTo ?? null,
    ]),
  );
}

/**
 * Makes the foreign-key checks of the rows that follow plan for the person table as it is now.
 * PostgreSQL prepares each foreign-key check once per session and, after a few runs, keeps one
 * generic plan. Made while the CPAS had a few hundred persons and no statistics (a new database;
 * PGlite has no autovacuum to refresh them), that plan looks the person up through the
 * (cpas_id, birth_date) index and filters on person_id: it reads every person of the CPAS for
 * each address, and an import of 100,000 persons never ends. Planning each check afresh costs a
 * fraction of a millisecond and picks the primary key. SET LOCAL: it ends with the transaction.
 */
export async function preparePlansForChildRows(tx: Tx): Promise<void> {
  await sql`SET LOCAL plan_cache_mode = force_custom_plan`.execute(kyselyOf(tx));
}

/**
 * Refreshes the planner's statistics of the tables a bulk import fills, as the schema owner
 * (ANALYZE needs ownership). Without it the planner keeps estimating from the sizes it last saw
 * (PGlite runs no autovacuum), and later sessions may again plan the foreign-key checks above
 * as for an empty table.
 */
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

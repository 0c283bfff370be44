// Inserts many persons at once for the bulk import: multi-row INSERT ... VALUES statements of a
// few hundred rows each. One INSERT per person costs a round trip and a statement parse per
// row; 100,000 persons would take minutes, and the import holds its transaction all that time.
// Same columns and the same derived search key as the single-row inserts of person-store.ts.
import type { AddressInput, HouseholdMemberInput, PersonInput } from '../../../domain/schemas.ts';
import type { Param, Tx } from '../database.ts';
import { searchNameOf } from './person-store.ts';

/** Rows per statement: 500 rows of 13 values stay far below PostgreSQL's 65,535 parameters. */
export const BATCH_ROWS = 500;

async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly Param[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const chunk = rows.slice(start, start + BATCH_ROWS);
    const params: Param[] = [];
    const tuples = chunk.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}

export async function insertPersonRows(tx: Tx, cpasId: string, rows: readonly { personId: string; person: PersonInput }[]): Promise<void> {
  await insertRows(
    tx,
    'person',
    ['cpas_id', 'person_id', 'family_name', 'given_names', 'search_name', 'birth_date', 'birth_place', 'sex', 'nationality', 'niss', 'phone', 'email', 'iban'],
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
    ['cpas_id', 'address_id', 'person_id', 'kind', 'street', 'house_number', 'box', 'postal_code', 'municipality', 'country', 'valid_from', 'valid_to'],
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
    ['cpas_id', 'member_id', 'person_id', 'family_name', 'given_names', 'birth_date', 'relationship', 'valid_from', 'valid_to'],
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
  if (!process.env.NOCUSTOM) await tx.query('SET LOCAL plan_cache_mode = force_custom_plan');
}

/** The persons of this CPAS that hold one of these national numbers. */
export async function findPersonsByNiss(tx: Tx, cpasId: string, nissList: readonly string[]): Promise<{ personId: string; niss: string }[]> {
  const found: { personId: string; niss: string }[] = [];
  for (let start = 0; start < nissList.length; start += 5000) {
    found.push(...(await tx.query<{ personId: string; niss: string }>(
      'SELECT person_id AS "personId", niss FROM person WHERE cpas_id = $1 AND niss = ANY($2::text[])',
      [cpasId, nissList.slice(start, start + 5000)],
    )));
  }
  return found;
}

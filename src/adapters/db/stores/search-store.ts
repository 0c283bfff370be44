import { sql } from 'kysely';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';
import { searchNameOf } from './person-store.ts';

export interface PersonSummary {
  personId: string;
  familyName: string;
  givenNames: string;
  birthDate: string | null;
  niss: string | null;
}

/** Name search matches the start of "family given" with accents folded, e.g. "dubois m" or "dubois". */
export async function searchPersonRows(
  tx: Tx,
  cpasId: string,
  q: { niss?: string | undefined; name?: string | undefined; birthDate?: string | undefined; limit: number },
): Promise<PersonSummary[]> {
  let query = kyselyOf(tx)
    .selectFrom('person')
    .select(['person_id as personId', 'family_name as familyName', 'given_names as givenNames', 'birth_date as birthDate', 'niss'])
    .where('cpas_id', '=', cpasId);
  if (q.niss) query = query.where('niss', '=', q.niss);
  if (q.birthDate) query = query.where('birth_date', '=', q.birthDate);
  if (q.name) {
    const prefix = searchNameOf(q.name, '').replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where('search_name', 'like', `${prefix}%`);
  }
  // "C" order: the order of the index person_search_name (migration 021), which then hands over the
  // first matches without reading and sorting every person whose name starts the same way.
  return query.orderBy(sql`search_name collate "C"`).orderBy('person_id').limit(q.limit).execute();
}

/** The names of persons of one CPAS, by id, for a list that the policy lets name them. */
export async function personNamesByIds(tx: Tx, cpasId: string, personIds: readonly string[]): Promise<Map<string, { familyName: string; givenNames: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await kyselyOf(tx)
    .selectFrom('person')
    .select(['person_id as personId', 'family_name as familyName', 'given_names as givenNames'])
    .where('cpas_id', '=', cpasId)
    .where('person_id', 'in', [...new Set(personIds)])
    .execute();
  return new Map(rows.map((r) => [r.personId, { familyName: r.familyName, givenNames: r.givenNames }]));
}

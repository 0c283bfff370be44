import type { Param, Tx } from '../database.ts';
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
  const where = ['cpas_id = $1'];
  const params: Param[] = [cpasId];
  if (q.niss) where.push(`niss = $${params.push(q.niss)}`);
  if (q.birthDate) where.push(`birth_date = $${params.push(q.birthDate)}::date`);
  if (q.name) {
    const prefix = searchNameOf(q.name, '').replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(`search_name LIKE $${params.push(`${prefix}%`)}`);
  }
  return tx.query<PersonSummary & Record<string, unknown>>(
    `SELECT person_id AS "personId", family_name AS "familyName", given_names AS "givenNames", birth_date AS "birthDate", niss
     FROM person WHERE ${where.join(' AND ')} ORDER BY search_name, person_id LIMIT $${params.push(q.limit)}`,
    params,
  );
}

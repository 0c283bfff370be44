// National-number look-ups on a CPAS's persons: uniqueness before a write, and the number of one
// file to compare with what an authority's request gives.
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

/** Whether another person of this CPAS (than `exceptPersonId`) holds this national number. */
export async function nissTaken(tx: Tx, cpasId: string, niss: string, exceptPersonId: string | null = null): Promise<boolean> {
  const row = await kyselyOf(tx)
    .selectFrom('person')
    .select('person_id')
    .where('cpas_id', '=', cpasId)
    .where('niss', '=', niss)
    .where('person_id', 'is distinct from', exceptPersonId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The person's national number (null when the file has none), or null when no such person. */
export async function nissOfPerson(tx: Tx, cpasId: string, personId: string): Promise<{ niss: string | null } | null> {
  const row = await kyselyOf(tx)
    .selectFrom('person')
    .select('niss')
    .where('cpas_id', '=', cpasId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row ?? null;
}

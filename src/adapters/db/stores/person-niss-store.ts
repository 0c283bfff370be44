// National-number look-ups on a CPAS's persons: uniqueness before a write, and the number of one
// file to compare with what an authority's request gives.
import type { Tx } from '../database.ts';

/** Whether another person of this CPAS (than `exceptPersonId`) holds this national number. */
export async function nissTaken(tx: Tx, cpasId: string, niss: string, exceptPersonId: string | null = null): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM person WHERE cpas_id = $1 AND niss = $2 AND person_id IS DISTINCT FROM $3::uuid', [cpasId, niss, exceptPersonId]);
  return rows.length > 0;
}

/** The person's national number (null when the file has none), or null when no such person. */
export async function nissOfPerson(tx: Tx, cpasId: string, personId: string): Promise<{ niss: string | null } | null> {
  const [row] = await tx.query<{ niss: string | null }>('SELECT niss FROM person WHERE cpas_id = $1 AND person_id = $2', [cpasId, personId]);
  return row ?? null;
}

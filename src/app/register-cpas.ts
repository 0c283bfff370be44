// Registers a CPAS in this deployment: an operator action (CLI `demo` or set-up), run as the
// schema owner, before any staff exists to act.
import { randomUUID } from 'node:crypto';
import type { Database } from '../adapters/db/database.ts';
import { type CpasRow, insertCpas } from '../adapters/db/stores/cpas-store.ts';

/** What an operator gives for a new CPAS: the row without its id; contact details and titles optional. */
export type CpasInput = Omit<CpasRow, 'cpasId' | 'phone' | 'email' | 'directorTitle' | 'presidentTitle'> &
  Partial<Pick<CpasRow, 'phone' | 'email' | 'directorTitle' | 'presidentTitle'>>;

export async function registerCpas(db: Database, input: CpasInput): Promise<{ cpasId: string }> {
  const cpasId = randomUUID();
  await db.ownerTransaction((tx) => insertCpas(tx, { ...input, cpasId, phone: input.phone ?? null, email: input.email ?? null, directorTitle: input.directorTitle ?? null, presidentTitle: input.presidentTitle ?? null }));
  return { cpasId };
}

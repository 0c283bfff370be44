// Registers a CPAS in this deployment: an operator action (CLI `demo` or set-up), run as the
// schema owner, before any staff exists to act.
import { randomUUID } from 'node:crypto';
import type { Database } from '../adapters/db/database.ts';
import { insertCpas } from '../adapters/db/stores/cpas-store.ts';

export interface CpasInput {
  code: string;
  name: string;
  region: 'wallonie' | 'bruxelles' | 'vlaanderen' | 'ostbelgien';
  languages: readonly ('fr' | 'nl' | 'de')[];
  defaultLanguage: 'fr' | 'nl' | 'de';
  street: string;
  postalCode: string;
  municipality: string;
  phone?: string | null;
  email?: string | null;
  /** How the directeur général and the président sign: "Directrice générale", "Président". */
  directorTitle?: string | null;
  presidentTitle?: string | null;
}

export async function registerCpas(db: Database, input: CpasInput): Promise<{ cpasId: string }> {
  const cpasId = randomUUID();
  await db.ownerTransaction((tx) => insertCpas(tx, { ...input, cpasId, phone: input.phone ?? null, email: input.email ?? null, directorTitle: input.directorTitle ?? null, presidentTitle: input.presidentTitle ?? null }));
  return { cpasId };
}

// Registers a CPAS in this deployment: an operator action (CLI `demo` or set-up), run as the
// schema owner, before any staff exists to act.
import { randomUUID } from 'node:crypto';
import type { Database } from '../adapters/db/database.ts';

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
  await db.ownerTransaction((tx) =>
    tx.query(
      `INSERT INTO cpas (cpas_id, code, name, region, languages, default_language, street, postal_code, municipality, phone, email,
         director_title, president_title)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [cpasId, input.code, input.name, input.region, input.languages, input.defaultLanguage, input.street, input.postalCode,
        input.municipality, input.phone ?? null, input.email ?? null, input.directorTitle ?? null, input.presidentTitle ?? null],
    ),
  );
  return { cpasId };
}

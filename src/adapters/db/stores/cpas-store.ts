// The CPAS of this deployment and what the pages show of their staff: organisation and staff data
// only, never a person of the CPAS.
import type { Tx } from '../database.ts';

export interface CpasRow {
  cpasId: string;
  code: string;
  name: string;
  region: 'wallonie' | 'bruxelles' | 'vlaanderen' | 'ostbelgien';
  languages: readonly ('fr' | 'nl' | 'de')[];
  defaultLanguage: 'fr' | 'nl' | 'de';
  street: string;
  postalCode: string;
  municipality: string;
  phone: string | null;
  email: string | null;
  /** The titles the directeur général and the président sign letters with (null: the ungendered function). */
  directorTitle: string | null;
  presidentTitle: string | null;
}

export async function insertCpas(tx: Tx, c: CpasRow): Promise<void> {
  await tx.query(
    `INSERT INTO cpas (cpas_id, code, name, region, languages, default_language, street, postal_code, municipality, phone, email,
       director_title, president_title)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [c.cpasId, c.code, c.name, c.region, c.languages, c.defaultLanguage, c.street, c.postalCode, c.municipality, c.phone, c.email,
      c.directorTitle, c.presidentTitle],
  );
}

export async function anyCpasExists(tx: Tx): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM cpas LIMIT 1')).length > 0;
}

export async function cpasCode(tx: Tx, cpasId: string): Promise<string | null> {
  const [row] = await tx.query<{ code: string }>('SELECT code FROM cpas WHERE cpas_id = $1', [cpasId]);
  return row?.code ?? null;
}

export interface ViewerRow {
  displayName: string;
  language: string | null;
  cpas: Omit<CpasRow, 'cpasId' | 'languages' | 'defaultLanguage' | 'directorTitle' | 'presidentTitle'> & { defaultLanguage: string };
}

/** A staff member's display name and language, with their CPAS's name, region and contact details. */
export async function loadViewer(tx: Tx, cpasId: string, userId: string): Promise<ViewerRow | null> {
  const [row] = await tx.query<{
    display_name: string; language: string | null; name: string; code: string; region: CpasRow['region']; default_language: string;
    street: string; postal_code: string; municipality: string; phone: string | null; email: string | null;
  }>(
    `SELECT u.display_name, u.language, c.name, c.code, c.region, c.default_language, c.street, c.postal_code, c.municipality, c.phone, c.email
     FROM staff_user u JOIN cpas c ON c.cpas_id = u.cpas_id WHERE u.cpas_id = $1 AND u.user_id = $2`,
    [cpasId, userId],
  );
  if (!row) return null;
  return {
    displayName: row.display_name,
    language: row.language,
    cpas: {
      name: row.name, code: row.code, region: row.region, defaultLanguage: row.default_language,
      street: row.street, postalCode: row.postal_code, municipality: row.municipality, phone: row.phone, email: row.email,
    },
  };
}

export function staffNames(tx: Tx, cpasId: string, userIds: readonly string[]): Promise<{ userId: string; displayName: string }[]> {
  return tx.query<{ userId: string; displayName: string }>(
    'SELECT user_id AS "userId", display_name AS "displayName" FROM staff_user WHERE cpas_id = $1 AND user_id = ANY($2::uuid[])',
    [cpasId, userIds],
  );
}

export function staffDirectory(tx: Tx, cpasId: string): Promise<{ userId: string; displayName: string }[]> {
  return tx.query<{ userId: string; displayName: string }>(
    'SELECT user_id AS "userId", display_name AS "displayName" FROM staff_user WHERE cpas_id = $1 ORDER BY display_name, user_id',
    [cpasId],
  );
}

/** Every CPAS of the deployment, for the operator's periodic jobs (reminders, checkpoints). */
export async function listCpasIds(tx: Tx): Promise<string[]> {
  return (await tx.query<{ cpas_id: string }>('SELECT cpas_id FROM cpas ORDER BY code')).map((r) => r.cpas_id);
}

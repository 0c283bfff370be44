// The CPAS of this deployment and what the pages show of their staff: organisation and staff data
// only, never a person of the CPAS.
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

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
  await kyselyOf(tx)
    .insertInto('cpas')
    .values({
      cpas_id: c.cpasId, code: c.code, name: c.name, region: c.region, languages: [...c.languages], default_language: c.defaultLanguage,
      street: c.street, postal_code: c.postalCode, municipality: c.municipality, phone: c.phone, email: c.email,
      director_title: c.directorTitle, president_title: c.presidentTitle,
    })
    .execute();
}

export async function anyCpasExists(tx: Tx): Promise<boolean> {
  const row = await kyselyOf(tx).selectFrom('cpas').select('cpas_id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function cpasCode(tx: Tx, cpasId: string): Promise<string | null> {
  const row = await kyselyOf(tx).selectFrom('cpas').select('code').where('cpas_id', '=', cpasId).executeTakeFirst();
  return row?.code ?? null;
}

export interface ViewerRow {
  displayName: string;
  language: string | null;
  cpas: Omit<CpasRow, 'cpasId' | 'languages' | 'defaultLanguage' | 'directorTitle' | 'presidentTitle'> & { defaultLanguage: string };
}

/** A staff member's display name and language, with their CPAS's name, region and contact details. */
export async function loadViewer(tx: Tx, cpasId: string, userId: string): Promise<ViewerRow | null> {
  const row = await kyselyOf(tx)
    .selectFrom('staff_user as u')
    .innerJoin('cpas as c', 'c.cpas_id', 'u.cpas_id')
    .select([
      'u.display_name', 'u.language', 'c.name', 'c.code', 'c.region', 'c.default_language', 'c.street', 'c.postal_code',
      'c.municipality', 'c.phone', 'c.email',
    ])
    .where('u.cpas_id', '=', cpasId)
    .where('u.user_id', '=', userId)
    .executeTakeFirst();
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
  return kyselyOf(tx)
    .selectFrom('staff_user')
    .select(['user_id as userId', 'display_name as displayName'])
    .where('cpas_id', '=', cpasId)
    // = ANY(array) rather than IN (list): an empty list of ids is valid SQL and matches nobody.
    .where((eb) => eb('user_id', '=', eb.fn.any(eb.val([...userIds]))))
    .execute();
}

export function staffDirectory(tx: Tx, cpasId: string): Promise<{ userId: string; displayName: string }[]> {
  return kyselyOf(tx)
    .selectFrom('staff_user')
    .select(['user_id as userId', 'display_name as displayName'])
    .where('cpas_id', '=', cpasId)
    .orderBy('display_name')
    .orderBy('user_id')
    .execute();
}

/** Every CPAS of the deployment, for the operator's periodic jobs (reminders, checkpoints). */
export async function listCpasIds(tx: Tx): Promise<string[]> {
  return (await kyselyOf(tx).selectFrom('cpas').select('cpas_id').orderBy('code').execute()).map((r) => r.cpas_id);
}

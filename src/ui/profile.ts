// What the pages need to know about the viewer and their CPAS (name, languages, contact for the
// accessibility statement) and the names of staff who wrote records. System data only: staff and
// organisation, never a person of the CPAS.
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../domain/roles.ts';
import { isLang, type Lang } from './i18n/index.ts';

export type Region = 'wallonie' | 'bruxelles' | 'vlaanderen' | 'ostbelgien';

export interface ViewerProfile {
  readonly displayName: string;
  readonly language: Lang | null;
  readonly cpas: {
    readonly name: string;
    readonly code: string;
    readonly region: Region;
    readonly defaultLanguage: Lang;
    readonly street: string;
    readonly postalCode: string;
    readonly municipality: string;
    readonly phone: string | null;
    readonly email: string | null;
  };
}

export async function loadViewerProfile(ctx: AppContext, actor: Actor): Promise<ViewerProfile | null> {
  const [row] = await ctx.db.transaction((tx) =>
    tx.query<{
      display_name: string; language: string | null; name: string; code: string; region: Region; default_language: string;
      street: string; postal_code: string; municipality: string; phone: string | null; email: string | null;
    }>(
      `SELECT u.display_name, u.language, c.name, c.code, c.region, c.default_language, c.street, c.postal_code, c.municipality, c.phone, c.email
       FROM staff_user u JOIN cpas c ON c.cpas_id = u.cpas_id WHERE u.cpas_id = $1 AND u.user_id = $2`,
      [actor.cpasId, actor.userId],
    ),
  );
  if (!row) return null;
  return {
    displayName: row.display_name,
    language: isLang(row.language) ? row.language : null,
    cpas: {
      name: row.name, code: row.code, region: row.region, defaultLanguage: isLang(row.default_language) ? row.default_language : 'fr',
      street: row.street, postalCode: row.postal_code, municipality: row.municipality, phone: row.phone, email: row.email,
    },
  };
}

/** Display names of staff members of one CPAS, by user id. */
export async function loadStaffNames(ctx: AppContext, cpasId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.transaction((tx) =>
    tx.query<{ user_id: string; display_name: string }>(
      'SELECT user_id, display_name FROM staff_user WHERE cpas_id = $1 AND user_id = ANY($2::uuid[])',
      [cpasId, unique],
    ),
  );
  return new Map(rows.map((r) => [r.user_id, r.display_name]));
}

/** Every staff member of one CPAS, by name: the DPO chooses whose accesses to read from it. */
export async function loadStaffDirectory(ctx: AppContext, cpasId: string): Promise<{ userId: string; displayName: string }[]> {
  return ctx.db.transaction((tx) =>
    tx.query<{ userId: string; displayName: string }>(
      'SELECT user_id AS "userId", display_name AS "displayName" FROM staff_user WHERE cpas_id = $1 ORDER BY display_name, user_id',
      [cpasId],
    ),
  );
}

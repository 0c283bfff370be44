// What the pages need to know about the viewer and their CPAS (name, languages, contact for the
// accessibility statement) and the names of staff who wrote records. System data only: staff and
// organisation, never a person of the CPAS.
import type { AppContext } from '../app/context.ts';
import { loadViewerRow } from '../app/staff-directory.ts';
import type { Actor } from '../domain/roles.ts';
import { isLang, type Lang } from './i18n/index.ts';

export { loadStaffDirectory, loadStaffNames } from '../app/staff-directory.ts';

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
  const row = await loadViewerRow(ctx, actor);
  if (!row) return null;
  return {
    displayName: row.displayName,
    language: isLang(row.language) ? row.language : null,
    cpas: { ...row.cpas, defaultLanguage: isLang(row.cpas.defaultLanguage) ? row.cpas.defaultLanguage : 'fr' },
  };
}

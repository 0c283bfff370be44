// Who is viewing and who wrote what: the viewer's name, language and CPAS, and the display names of
// staff. Organisation and staff data only, never a person of the CPAS, so no access-log entry.
import { loadViewer, staffDirectory, staffNames, type ViewerRow } from '../adapters/db/stores/cpas-store.ts';
import type { Actor } from '../domain/roles.ts';
import type { AppContext } from './context.ts';

export type { ViewerRow };

export function loadViewerRow(ctx: AppContext, actor: Actor): Promise<ViewerRow | null> {
  return ctx.db.transaction((tx) => loadViewer(tx, actor.cpasId, actor.userId));
}

/** Display names of staff members of one CPAS, by user id. */
export async function loadStaffNames(ctx: AppContext, cpasId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.transaction((tx) => staffNames(tx, cpasId, unique));
  return new Map(rows.map((r) => [r.userId, r.displayName]));
}

/** Every staff member of one CPAS, by name: the DPO chooses whose accesses to read from it. */
export function loadStaffDirectory(ctx: AppContext, cpasId: string): Promise<{ userId: string; displayName: string }[]> {
  return ctx.db.transaction((tx) => staffDirectory(tx, cpasId));
}

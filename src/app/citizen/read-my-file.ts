// "My file": what the CPAS holds on the person, as the person sees it in the portal. Read-only,
// administrative classes only, decided by the policy's citizen rule (decideCitizenAccess): the
// loader reads only the classes it is given, so a secret class is never even selected. Without
// that rule, reusing a staff reader here would hand the person the social reports, the worker's
// notes and opinions, the medical data and the PIIS, which are the worker's professional secret
// and may mention third parties; they leave only as a redacted, approved copy (rights requests).
// Every view is written to the access log with the person as actor, in the same transaction.
import { appendAccessLog } from '../../adapters/db/access-log-store.ts';
import { loadAdministrativeSections } from '../../adapters/db/stores/person-store.ts';
import { decideCitizenAccess } from '../../domain/access-policy.ts';
import { ITEM_CATEGORIES, type ItemCategory } from '../../domain/data-classes.ts';
import { type AppContext, runAudited } from '../context.ts';
import type { CitizenActor } from './citizen-session.ts';

export const CITIZEN_PURPOSE = 'data-subject-access' as const;

/** The classes the person may read about themself, from the policy. */
export const citizenReadableClasses = (): ReadonlySet<ItemCategory> => new Set(ITEM_CATEGORIES.filter((c) => decideCitizenAccess(c).allowed));

export type MyFile = Partial<Record<ItemCategory, unknown>>;

export async function readMyFile(ctx: AppContext, citizen: CitizenActor): Promise<MyFile> {
  const allowed = citizenReadableClasses();
  const { personId } = citizen;
  // Someone the CPAS does not know: the same (empty) file, no log entry about anyone.
  if (!personId) return ctx.db.transaction(async () => ({}));
  return runAudited(ctx, async (tx) => {
    await appendAccessLog(tx, {
      cpasId: citizen.cpasId, userId: null, roles: [], actorKind: 'person', purpose: CITIZEN_PURPOSE, action: 'read', personId,
      classes: [...allowed], outcome: 'allowed', rule: 'own-file', details: { view: 'citizen-file' },
    }, ctx.now());
    return loadAdministrativeSections(tx, citizen.cpasId, personId, allowed);
  });
}

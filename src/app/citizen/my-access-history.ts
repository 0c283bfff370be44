// "Who consulted my file", for the person themself in the portal: the same entries as the staff
// printout (person-access-history.ts), with those made to answer an authority's request left out
// while the secrecy of the measure applies and their number written, for the DPO only, in the log
// entry of this very view (actor: the person).
//
// Staff are shown by role and service; their names only when the CPAS chose to show them
// (CONFIANCE_CITIZEN_SHOW_STAFF_NAMES). The default protects the workers from being sought out by
// name while still telling the person which function consulted their file and why; the DPO can
// name the person on request (docs/citizen-portal.md).
import { appendAccessLog } from '../../adapters/db/access-log-store.ts';
import { type AppContext, runAudited } from '../context.ts';
import { collectPersonAccesses } from '../person-access-history.ts';
import type { CitizenActor } from './citizen-session.ts';
import { CITIZEN_PURPOSE } from './read-my-file.ts';

export interface MyAccess {
  readonly at: string;
  /** 'staff' with roles (and a name when shown), 'self' for the person's own views, 'system' for imports. */
  readonly by: { kind: 'staff'; roles: readonly string[]; name: string | null } | { kind: 'self' } | { kind: 'system' };
  readonly action: string;
  readonly purpose: string;
  readonly classes: readonly string[];
  readonly denied: boolean;
  readonly emergencyAccess: boolean;
}

export async function myAccessHistory(ctx: AppContext, citizen: CitizenActor, options: { showStaffNames: boolean }): Promise<MyAccess[]> {
  const { personId } = citizen;
  if (!personId) return ctx.db.transaction(async () => []);
  return runAudited(ctx, async (tx) => {
    const { shown, withheld } = await collectPersonAccesses(tx, citizen.cpasId, personId);
    await appendAccessLog(tx, {
      cpasId: citizen.cpasId, userId: null, roles: [], actorKind: 'person', purpose: CITIZEN_PURPOSE, action: 'read-log', personId,
      classes: [], outcome: 'allowed', rule: 'own-file',
      details: { view: 'citizen-access-history', count: shown.length, withheldForSecrecyOfMeasure: withheld },
    }, ctx.now());
    return shown.map(({ entry, userName }): MyAccess => ({
      at: entry.at,
      by: entry.actor === 'person' ? { kind: 'self' } : entry.user ? { kind: 'staff', roles: entry.roles, name: options.showStaffNames ? userName : null } : { kind: 'system' },
      action: entry.action,
      purpose: entry.purpose,
      classes: entry.classes,
      denied: entry.outcome === 'denied',
      emergencyAccess: entry.rule === 'break-glass',
    }));
  });
}

/** The list as a PDF, from rows the page already translated: the driving side reaches the PDF adapter through here. */
export { renderAccessListPdf } from '../../adapters/pdf/access-list-pdf.ts';

// A member of the council or the committee opens one item of an open agenda: the classes R31 gives
// them for that person (identity, domicile, household, applications, decisions and their
// motivation), read through the gate with the item, so the same member is refused on every other
// page of the file, and refused here too once the session is closed. One access-log entry.
import { loadAgendaItemKey } from '../../adapters/db/stores/council-store.ts';
import { loadAdministrativeSections } from '../../adapters/db/stores/person-store.ts';
import { ITEM_CATEGORIES, type ItemCategory } from '../../domain/data-classes.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { gatePersonAccess } from '../person-access.ts';
import { refuseUnlessAgendaRole } from './agenda-log.ts';

export interface AgendaItemFile {
  readonly itemId: string;
  readonly personId: string;
  readonly applicationId: string;
  readonly sessionId: string;
  readonly body: string;
  readonly meetingDate: string;
  readonly decisionId: string | null;
  /** One entry per class opened, as in the person's file (loadAdministrativeSections). */
  readonly administrative: Partial<Record<ItemCategory, unknown>>;
}

export async function openAgendaItem(ctx: AppContext, actor: Actor, input: { itemId: string }): Promise<AgendaItemFile> {
  return runAudited(ctx, async (tx) => {
    // The item's page is the council's: staff read the file through the file itself, with their own purpose.
    const refusal = await refuseUnlessAgendaRole(tx, ctx, actor, ['read-agenda'], { operation: 'open-agenda-item', action: 'read' });
    if (refusal) return refusal;
    const key = await loadAgendaItemKey(tx, actor.cpasId, input.itemId);
    if (!key) return new Refusal(notFound('agenda item'));
    const grant = await gatePersonAccess(tx, ctx, actor, {
      personId: key.personId, purpose: 'council-decision', action: 'read', logAction: 'read', categories: ITEM_CATEGORIES, partial: true,
      agendaItemId: key.itemId, details: { view: 'agenda-item', record: key.itemId },
    });
    if (grant instanceof Refusal) return grant;
    return {
      itemId: key.itemId, personId: key.personId, applicationId: key.applicationId, sessionId: key.sessionId, body: key.body,
      meetingDate: key.meetingDate, decisionId: key.decisionId,
      administrative: await loadAdministrativeSections(tx, actor.cpasId, key.personId, grant.allowed),
    };
  });
}

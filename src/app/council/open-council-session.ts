// One session of the council or the committee. Members (read-agenda) see who is on it: each item's
// name and application is a read of that person's file, so each goes through the gate with the
// item, and is logged on the person, before the names are read. Other agenda roles (the
// secretariat, the directeur général who closes it) see the session and its counts, no person.
import { type AgendaItemSummary, type CouncilSessionRow, loadAgendaItemSummaries, loadCouncilSessions, loadSessionItemKeys } from '../../adapters/db/stores/council-store.ts';
import { mayPerform } from '../../domain/access-policy.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { gatePersonAccess } from '../person-access.ts';
import { logAgendaOperation, refuseUnlessAgendaRole } from './agenda-log.ts';

export interface AgendaItemView extends AgendaItemSummary {
  readonly decided: boolean;
}

export interface CouncilSessionView {
  readonly session: CouncilSessionRow;
  /** The items the actor may see the person of, in agenda order; empty for other roles and once closed. */
  readonly items: readonly AgendaItemView[];
}

export async function openCouncilSession(ctx: AppContext, actor: Actor, input: { sessionId: string }): Promise<CouncilSessionView> {
  return runAudited(ctx, async (tx) => {
    const operation = { operation: 'open-council-session', action: 'read' } as const;
    const refusal = await refuseUnlessAgendaRole(tx, ctx, actor, ['manage-agenda', 'read-agenda', 'close-agenda'], operation);
    if (refusal) return refusal;
    const [session] = await loadCouncilSessions(tx, actor.cpasId, { sessionId: input.sessionId });
    if (!session) return new Refusal(notFound('session'));
    await logAgendaOperation(tx, ctx, actor, { ...operation, outcome: 'allowed', details: { record: session.sessionId } });
    if (!mayPerform(actor.roles, 'read-agenda') || session.closedAt) return { session, items: [] };
    const keys = (await loadSessionItemKeys(tx, actor.cpasId, session.sessionId)).filter((k) => !k.closed);
    const opened: string[] = [];
    for (const key of keys) {
      const grant = await gatePersonAccess(tx, ctx, actor, {
        personId: key.personId, purpose: 'council-decision', action: 'read', logAction: 'read', categories: ['identity', 'application-data'],
        partial: false, agendaItemId: key.itemId, details: { view: 'agenda', record: key.itemId },
      });
      if (!(grant instanceof Refusal)) opened.push(key.itemId);
    }
    const decided = new Set(keys.filter((k) => k.decisionId !== null).map((k) => k.itemId));
    const summaries = await loadAgendaItemSummaries(tx, actor.cpasId, opened);
    return { session, items: summaries.map((s) => ({ ...s, decided: decided.has(s.itemId) })) };
  });
}

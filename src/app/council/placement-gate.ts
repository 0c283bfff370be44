// The gate of the social service's side of the agenda: proposing one of a person's applications to
// the council or the committee. The policy (decideAgendaPlacement) allows the worker on the case
// and the head of social service; the entry is written before anything is read or written, in the
// caller's transaction, allowed or denied, for the purpose of preparing the committee's decision.
import { appendAccessLog } from '../../adapters/db/access-log-store.ts';
import type { Tx } from '../../adapters/db/database.ts';
import { loadCaseRelation } from '../../adapters/db/stores/case-relation-store.ts';
import { decideAgendaPlacement, mayPerform } from '../../domain/access-policy.ts';
import type { AccessLogDraft } from '../../domain/access-log-entry.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal } from '../context.ts';

export const PLACEMENT_PURPOSE = 'committee-preparation';

export async function gateAgendaPlacement(
  tx: Tx, ctx: AppContext, actor: Actor, personId: string, entry: Pick<AccessLogDraft, 'action' | 'classes' | 'details'>,
): Promise<Refusal | null> {
  const relation = await loadCaseRelation(tx, actor, personId, { now: ctx.now(), purpose: PLACEMENT_PURPOSE });
  if (!relation) return new Refusal(notFound('person'));
  const decision = decideAgendaPlacement(actor.roles, relation);
  const allowed = decision.allowed && mayPerform(actor.roles, 'place-on-agenda');
  await appendAccessLog(tx, {
    cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: PLACEMENT_PURPOSE, personId, ...entry,
    outcome: allowed ? 'allowed' : 'denied', rule: allowed || !decision.allowed ? decision.rule : 'default-deny',
  }, ctx.now());
  return allowed ? null : new Refusal(forbidden('not allowed to place this case on an agenda'));
}

// A member of the council or the committee records the decision on an item of an open agenda:
// granted, partly granted or refused, the amount, the period and the motivation. The decision is
// the body's of the session, dated the meeting day; the application is then decided, and the
// decision appears in the person's file to those who may read decisions. A write of the person's
// data through the gate with the item (R31), logged in the same transaction; once the item is
// decided or the session closed, no second decision.
import { randomUUID } from 'node:crypto';
import { attachDecision, loadAgendaItemKey, lockUndecidedItem } from '../../adapters/db/stores/council-store.ts';
import { insertDecision } from '../../adapters/db/stores/person-store.ts';
import type { AgendaDecisionInput } from '../../domain/council.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { gatePersonAccess } from '../person-access.ts';
import { refuseUnlessAgendaRole } from './agenda-log.ts';

export async function decideAgendaItem(ctx: AppContext, actor: Actor, input: { itemId: string; decision: AgendaDecisionInput }): Promise<{ decisionId: string }> {
  return runAudited(ctx, async (tx) => {
    // Staff write decisions in the file with their own roles; this path is the council's only, or a
    // worker could record a "council decision" by calling it.
    const refusal = await refuseUnlessAgendaRole(tx, ctx, actor, ['read-agenda'], { operation: 'decide-agenda-item', action: 'create' });
    if (refusal) return refusal;
    const key = await loadAgendaItemKey(tx, actor.cpasId, input.itemId);
    if (!key) return new Refusal(notFound('agenda item'));
    const decisionId = randomUUID();
    const grant = await gatePersonAccess(tx, ctx, actor, {
      personId: key.personId, purpose: 'council-decision', action: 'write', logAction: 'create', categories: ['aid-decisions', 'decision-motivation'],
      partial: false, agendaItemId: key.itemId, details: { record: decisionId, item: key.itemId },
    });
    if (grant instanceof Refusal) return grant;
    // Checked before anything is written: a refusal commits the transaction (with its log entry).
    if (!(await lockUndecidedItem(tx, actor.cpasId, key.itemId))) return new Refusal(new DomainError('invalid-state', 'agenda item: already decided or closed'));
    const d = input.decision;
    const inserted = await insertDecision(tx, actor.cpasId, key.personId, decisionId, {
      applicationId: key.applicationId, body: key.body, decidedOn: key.meetingDate, outcome: d.outcome, amountCents: d.amountCents ?? null,
      periodFrom: d.periodFrom ?? null, periodTo: d.periodTo ?? null, motivation: d.motivation,
    });
    if (!inserted) return new Refusal(notFound('application'));
    await attachDecision(tx, actor.cpasId, key.itemId, decisionId);
    return { decisionId };
  });
}

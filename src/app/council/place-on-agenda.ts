// The social service puts one of a person's applications on the agenda of an open session of the
// council or the committee: from then until the session closes, its members read the classes R31
// gives them for that person, through this item only.
import { randomUUID } from 'node:crypto';
import { insertAgendaItem } from '../../adapters/db/stores/council-store.ts';
import type { AgendaPlacementInput } from '../../domain/council.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { gateAgendaPlacement } from './placement-gate.ts';

export async function placeOnAgenda(ctx: AppContext, actor: Actor, input: { personId: string; placement: AgendaPlacementInput }): Promise<{ itemId: string }> {
  return runAudited(ctx, async (tx) => {
    const itemId = randomUUID();
    const refusal = await gateAgendaPlacement(tx, ctx, actor, input.personId, {
      action: 'create', classes: ['aid-decisions'], details: { record: itemId, session: input.placement.sessionId },
    });
    if (refusal) return refusal;
    const problem = await insertAgendaItem(tx, actor.cpasId, input.personId, itemId, actor.userId, input.placement);
    if (problem === 'session') return new Refusal(new DomainError('invalid-state', 'sessionId: not an open session of this CPAS', 'sessionId'));
    if (problem === 'application') return new Refusal(new DomainError('invalid-state', 'applicationId: not an application of this person awaiting a decision', 'applicationId'));
    if (problem === 'already-placed') return new Refusal(new DomainError('conflict', 'applicationId: already on an open agenda', 'applicationId'));
    return { itemId };
  });
}

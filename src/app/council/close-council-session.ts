// The président (who chairs the session) or the directeur général (its secretary) closes it: its
// items close with it, so no decision can be added and the members' access through the agenda
// ends (loadCaseRelation finds no open item any more).
import { closeCouncilSession as closeSessionRow } from '../../adapters/db/stores/council-store.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { logAgendaOperation, refuseUnlessAgendaRole } from './agenda-log.ts';

export async function closeCouncilSession(ctx: AppContext, actor: Actor, input: { sessionId: string }): Promise<void> {
  await runAudited(ctx, async (tx) => {
    const operation = { operation: 'close-council-session', action: 'update' } as const;
    const refusal = await refuseUnlessAgendaRole(tx, ctx, actor, ['close-agenda'], operation);
    if (refusal) return refusal;
    if (!(await closeSessionRow(tx, actor.cpasId, input.sessionId, actor.userId, ctx.now()))) {
      return new Refusal(new DomainError('invalid-state', 'session: not an open session of this CPAS', 'sessionId'));
    }
    await logAgendaOperation(tx, ctx, actor, { ...operation, outcome: 'allowed', details: { record: input.sessionId } });
    return undefined;
  });
}

// The secretariat schedules a closed session of the council or the committee. A session names a
// body and a date, no person: the social service then puts cases on its agenda.
import { randomUUID } from 'node:crypto';
import { insertCouncilSession } from '../../adapters/db/stores/council-store.ts';
import type { CouncilSessionInput } from '../../domain/council.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, runAudited } from '../context.ts';
import { logAgendaOperation, refuseUnlessAgendaRole } from './agenda-log.ts';

export async function createCouncilSession(ctx: AppContext, actor: Actor, input: CouncilSessionInput): Promise<{ sessionId: string }> {
  return runAudited(ctx, async (tx) => {
    const refusal = await refuseUnlessAgendaRole(tx, ctx, actor, ['manage-agenda'], { operation: 'create-council-session', action: 'create' });
    if (refusal) return refusal;
    const sessionId = randomUUID();
    await insertCouncilSession(tx, actor.cpasId, sessionId, actor.userId, input);
    await logAgendaOperation(tx, ctx, actor, { operation: 'create-council-session', action: 'create', outcome: 'allowed', details: { record: sessionId, body: input.body } });
    return { sessionId };
  });
}

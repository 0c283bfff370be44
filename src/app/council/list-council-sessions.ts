// The open sessions of the council and the committee, with how many items each has and how many
// are decided: no person's data, so any role that schedules, proposes, sits or closes sees them.
import { type CouncilSessionRow, loadCouncilSessions } from '../../adapters/db/stores/council-store.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, runAudited } from '../context.ts';
import { logAgendaOperation, refuseUnlessAgendaRole } from './agenda-log.ts';

export type { CouncilSessionRow };

export async function listCouncilSessions(ctx: AppContext, actor: Actor): Promise<CouncilSessionRow[]> {
  return runAudited(ctx, async (tx) => {
    const operation = { operation: 'list-council-sessions', action: 'read' } as const;
    const refusal = await refuseUnlessAgendaRole(tx, ctx, actor, ['manage-agenda', 'place-on-agenda', 'read-agenda', 'close-agenda'], operation);
    if (refusal) return refusal;
    const sessions = await loadCouncilSessions(tx, actor.cpasId, { open: true });
    await logAgendaOperation(tx, ctx, actor, { ...operation, outcome: 'allowed', details: { count: sessions.length } });
    return sessions;
  });
}

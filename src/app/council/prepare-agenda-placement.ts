// What the social service chooses from when it puts a case on an agenda: the person's applications
// still awaiting a decision (a read of the file, logged) and the open sessions. Asked before the
// form is shown, so someone who may not place the case is refused before typing anything.
import { type CouncilSessionRow, loadCouncilSessions, loadPlaceableApplications } from '../../adapters/db/stores/council-store.ts';
import type { Actor } from '../../domain/roles.ts';
import type { ApplicationInput } from '../../domain/schemas.ts';
import { type AppContext, runAudited } from '../context.ts';
import { gateAgendaPlacement } from './placement-gate.ts';

export interface AgendaPlacementChoices {
  readonly applications: readonly { applicationId: string; kind: ApplicationInput['kind']; submittedOn: string }[];
  readonly sessions: readonly CouncilSessionRow[];
}

export async function prepareAgendaPlacement(ctx: AppContext, actor: Actor, input: { personId: string }): Promise<AgendaPlacementChoices> {
  return runAudited(ctx, async (tx) => {
    const refusal = await gateAgendaPlacement(tx, ctx, actor, input.personId, { action: 'read', classes: ['application-data'], details: { view: 'agenda-placement' } });
    if (refusal) return refusal;
    return {
      applications: await loadPlaceableApplications(tx, actor.cpasId, input.personId),
      sessions: await loadCouncilSessions(tx, actor.cpasId, { open: true }),
    };
  });
}

// The case assignments a head of social service (or the directeur général, who proposes them)
// manages: those of one person, or of the whole service, not ended before today in Brussels, with
// the social workers who can take a case. The persons' names are identity data read outside a
// file, so the view is logged like a search (which persons were listed), and refused, logged,
// to any other role, before any form is shown.
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { type AssignmentRow, findPersonName, listCurrentAssignments, listSocialWorkers } from '../adapters/db/stores/assignment-store.ts';
import { mayPerform } from '../domain/access-policy.ts';
import { todayIn } from '../domain/calendar-date.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

const LOGGED_PERSON_IDS = 20;

export interface AssignmentsView {
  /** The person whose assignments these are; null for the whole service. */
  person: { personId: string; familyName: string; givenNames: string } | null;
  assignments: AssignmentRow[];
  workers: { userId: string; displayName: string }[];
  /** Whether the actor ends assignments itself (a head of social service) rather than only proposing them. */
  mayEnd: boolean;
}

export async function listAssignments(ctx: AppContext, actor: Actor, input: { personId: string | null }): Promise<AssignmentsView> {
  return runAudited(ctx, async (tx) => {
    const base = {
      cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'administrative-processing' as const,
      action: input.personId ? 'read' as const : 'search' as const, personId: input.personId, classes: ['identity' as const],
    };
    if (!mayPerform(actor.roles, 'manage-assignments')) {
      await appendAccessLog(tx, { ...base, outcome: 'denied', rule: 'operation', details: { view: 'assignments' } }, ctx.now());
      return new Refusal(forbidden('not allowed to manage-assignments'));
    }
    const name = input.personId ? await findPersonName(tx, actor.cpasId, input.personId) : null;
    if (input.personId && !name) return new Refusal(notFound('person'));
    const assignments = await listCurrentAssignments(tx, actor.cpasId, todayIn(ctx.now), input.personId);
    const persons = [...new Set(assignments.map((a) => a.personId))];
    await appendAccessLog(tx, {
      ...base, outcome: 'allowed', rule: 'administrative-staff',
      details: { view: 'assignments', count: assignments.length, ...(input.personId ? {} : { persons: persons.slice(0, LOGGED_PERSON_IDS) }) },
    }, ctx.now());
    return {
      person: input.personId && name ? { personId: input.personId, ...name } : null,
      assignments,
      workers: await listSocialWorkers(tx, actor.cpasId),
      mayEnd: mayPerform(actor.roles, 'end-assignment'),
    };
  });
}

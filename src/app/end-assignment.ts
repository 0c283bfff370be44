// Ending a case assignment: after the end date (a calendar date in Brussels) the worker no longer
// holds the case, and its secret part closes to them. Only a head of social service ends one (the
// policy's 'end-assignment'); the access log records who ended whose assignment, allowed or not.
import { findAssignment, setAssignmentEnd } from '../adapters/db/stores/assignment-store.ts';
import { mayPerform } from '../domain/access-policy.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { forbidden, invalidInput, notFound } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';
import { logStaffOperation, refuseStaffOperation } from './staff-log.ts';

export async function endAssignment(
  ctx: AppContext,
  actor: Actor,
  input: { assignmentId: string; endsOn: string },
): Promise<{ assignmentId: string; personId: string; assignedUntil: string }> {
  if (!isCalendarDate(input.endsOn)) throw invalidInput('endsOn', 'must be a calendar date (YYYY-MM-DD)');
  return runAudited(ctx, async (tx) => {
    const details = { assignment: input.assignmentId };
    if (!mayPerform(actor.roles, 'end-assignment')) return refuseStaffOperation(tx, ctx, actor, 'end-assignment', forbidden('not allowed to end-assignment'), { details });
    const assignment = await findAssignment(tx, actor.cpasId, input.assignmentId);
    if (!assignment) return new Refusal(notFound('assignment'));
    // Checked here, not left to the table's CHECK: a violated constraint would answer 500.
    if (input.endsOn < assignment.assignedFrom) return new Refusal(invalidInput('endsOn', 'must not be before the assignment starts'));
    // Ending only shortens. A later end would extend a worker's hold on a secret file without an
    // assignment, i.e. without the separation of duties assign-case enforces.
    if (assignment.assignedUntil !== null && input.endsOn > assignment.assignedUntil) {
      return new Refusal(invalidInput('endsOn', 'must not be after the current end of the assignment'));
    }
    await setAssignmentEnd(tx, actor.cpasId, assignment.assignmentId, input.endsOn);
    await logStaffOperation(tx, ctx, actor, {
      operation: 'end-assignment', outcome: 'allowed', personId: assignment.personId,
      details: { ...details, assignee: assignment.userId },
    });
    return { assignmentId: assignment.assignmentId, personId: assignment.personId, assignedUntil: input.endsOn };
  });
}

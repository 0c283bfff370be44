// Case assignments. An assignment opens a person's secret file to the worker, so it follows the
// separation of duties: a head of social service assigns (never to themself); anyone else who may
// manage assignments (the directeur général) only proposes, and a head of social service who is
// neither the proposer nor the assignee confirms. Every step is in the access log.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../adapters/db/database.ts';
import { insertAssignment, loadCaseload, overlapsAssignment, personExists } from '../adapters/db/stores/assignment-store.ts';
import { deleteProposal, findProposal, insertProposal, listProposals } from '../adapters/db/stores/duties-store.ts';
import { personNamesByIds } from '../adapters/db/stores/search-store.ts';
import { findStaffById } from '../adapters/db/stores/staff-store.ts';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { mayPerform } from '../domain/access-policy.ts';
import { DomainError, forbidden, invalidInput, notFound } from '../domain/errors.ts';
import { todayIn } from '../domain/calendar-date.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';
import { logStaffOperation, refuseStaffOperation } from './staff-log.ts';

export type AssignmentResult = { state: 'effective'; assignmentId: string } | { state: 'pending-confirmation'; proposalId: string };

/** Only a social worker (in effect, not merely granted) can hold a case: another role would open secret data to it. */
async function checkAssignee(tx: Tx, actor: Actor, userId: string): Promise<Refusal | null> {
  const worker = await findStaffById(tx, actor.cpasId, userId);
  if (!worker) return new Refusal(notFound('user'));
  if (!worker.roles.includes('social-worker')) return new Refusal(new DomainError('invalid-input', 'userId: this user is not a social worker', 'userId'));
  return null;
}

const overlapConflict = () => new DomainError('conflict', 'userId: this social worker already holds the case in that period', 'userId');

export async function assignCase(
  ctx: AppContext,
  actor: Actor,
  input: { personId: string; userId: string; assignedFrom: string; assignedUntil?: string | null },
): Promise<AssignmentResult> {
  // Checked here, not left to the table's CHECK: a violated constraint would answer 500.
  if (input.assignedUntil && input.assignedUntil < input.assignedFrom) throw invalidInput('assignedUntil', 'must not be before assignedFrom');
  return runAudited(ctx, async (tx) => {
    const extra = { personId: input.personId, details: { assignee: input.userId } };
    if (!mayPerform(actor.roles, 'manage-assignments')) return refuseStaffOperation(tx, ctx, actor, 'manage-assignments', forbidden('not allowed to manage-assignments'), extra);
    // Nobody puts a case in their own hands: that would open its secret file on one person's word.
    if (input.userId === actor.userId) return refuseStaffOperation(tx, ctx, actor, 'assign-case', forbidden('userId: nobody assigns a case to themself'), extra);
    const bad = await checkAssignee(tx, actor, input.userId);
    if (bad) return bad;
    if (!(await personExists(tx, actor.cpasId, input.personId))) return new Refusal(notFound('person'));
    const period = { assignedFrom: input.assignedFrom, assignedUntil: input.assignedUntil ?? null };
    // A second assignment of the same worker over the same days would list the case twice and outlive the first one's end.
    if (await overlapsAssignment(tx, actor.cpasId, { personId: input.personId, userId: input.userId, ...period })) {
      return new Refusal(overlapConflict());
    }
    if (mayPerform(actor.roles, 'confirm-assignment')) {
      const assignmentId = randomUUID();
      await insertAssignment(tx, { cpasId: actor.cpasId, assignmentId, personId: input.personId, userId: input.userId, ...period });
      await logStaffOperation(tx, ctx, actor, { operation: 'assign-case', outcome: 'allowed', personId: input.personId, details: { assignee: input.userId, state: 'effective' } });
      return { state: 'effective', assignmentId };
    }
    const proposalId = randomUUID();
    await insertProposal(tx, actor.cpasId, { proposalId, personId: input.personId, userId: input.userId, ...period, proposedBy: actor.userId, proposedAt: ctx.now() });
    await logStaffOperation(tx, ctx, actor, { operation: 'assign-case', outcome: 'allowed', personId: input.personId, details: { assignee: input.userId, proposal: proposalId, state: 'pending-confirmation' } });
    return { state: 'pending-confirmation', proposalId };
  });
}

export async function confirmAssignment(ctx: AppContext, actor: Actor, input: { proposalId: string }): Promise<{ assignmentId: string }> {
  return runAudited(ctx, async (tx) => {
    const details = { proposal: input.proposalId };
    if (!mayPerform(actor.roles, 'confirm-assignment')) return refuseStaffOperation(tx, ctx, actor, 'confirm-assignment', forbidden('not allowed to confirm-assignment'), { details });
    const proposal = await findProposal(tx, actor.cpasId, input.proposalId);
    if (!proposal) return new Refusal(notFound('proposal'));
    if (proposal.proposedBy === actor.userId || proposal.userId === actor.userId) {
      return refuseStaffOperation(tx, ctx, actor, 'confirm-assignment', forbidden('proposalId: confirmed by someone other than its proposer and its assignee'), { personId: proposal.personId, details });
    }
    const bad = await checkAssignee(tx, actor, proposal.userId);
    if (bad) return bad;
    // The worker may have been put on the case directly since the proposal was made.
    if (await overlapsAssignment(tx, actor.cpasId, proposal)) return new Refusal(overlapConflict());
    const assignmentId = randomUUID();
    await insertAssignment(tx, { cpasId: actor.cpasId, assignmentId, personId: proposal.personId, userId: proposal.userId, assignedFrom: proposal.assignedFrom, assignedUntil: proposal.assignedUntil });
    await deleteProposal(tx, actor.cpasId, proposal.proposalId);
    await logStaffOperation(tx, ctx, actor, {
      operation: 'confirm-assignment', outcome: 'allowed', personId: proposal.personId, details: { ...details, assignee: proposal.userId, proposedBy: proposal.proposedBy },
    });
    return { assignmentId };
  });
}

/**
 * Proposals waiting for confirmation, with the name of each person: the confirming head must know
 * whose secret file the proposal would open. Naming persons is a read of identity, so it is logged.
 */
export async function listAssignmentProposals(ctx: AppContext, actor: Actor) {
  return runAudited(ctx, async (tx) => {
    if (!mayPerform(actor.roles, 'confirm-assignment')) return refuseStaffOperation(tx, ctx, actor, 'confirm-assignment', forbidden('not allowed to confirm-assignment'));
    const proposals = await listProposals(tx, actor.cpasId);
    if (proposals.length === 0) return [];
    const names = await personNamesByIds(tx, actor.cpasId, proposals.map((p) => p.personId));
    await appendAccessLog(tx, {
      cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'administrative-processing', action: 'search', personId: null,
      classes: ['identity'], outcome: 'allowed', rule: 'administrative-staff',
      details: { view: 'assignment-proposals', count: proposals.length, persons: [...new Set(proposals.map((p) => p.personId))].slice(0, 20) },
    }, ctx.now());
    return proposals.map((p) => ({ ...p, personName: names.get(p.personId) ?? null }));
  });
}

/** The actor's own caseload: names of the persons assigned to them today. Listing names is a read, so it is logged. */
export async function listCaseload(ctx: AppContext, actor: Actor) {
  return runAudited(ctx, async (tx) => {
    const rows = await loadCaseload(tx, actor.cpasId, actor.userId, todayIn(ctx.now));
    await appendAccessLog(tx, {
      cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'case-follow-up', action: 'search', personId: null,
      classes: ['identity'], outcome: 'allowed', rule: 'assigned-worker', details: { view: 'caseload', count: rows.length },
    }, ctx.now());
    return rows;
  });
}

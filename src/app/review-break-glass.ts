// Reviewing a break-glass grant: the head of the social service or the DPO judges it justified or
// not. A review is final; "not justified" also closes a grant that has not yet expired. Nobody
// reviews their own grant, or break-glass would be self-approved.
import { findGrant, reviewGrant } from '../adapters/db/stores/break-glass-store.ts';
import { OPERATIONS } from '../domain/access-policy.ts';
import { BREAK_GLASS, type ReviewOutcome } from '../domain/break-glass.ts';
import { DomainError, forbidden, invalidInput, notFound } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { refuseUnlessRole, reviewPurposeOf, writeAuditEntry } from './audit-gate.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

export interface ReviewInput {
  grantId: string;
  outcome: ReviewOutcome;
  /** Sealed at rest like the reason: a comment on an emergency can repeat what it was about. */
  comment?: string | null;
}

export async function reviewBreakGlass(ctx: AppContext, actor: Actor, input: ReviewInput): Promise<{ grantId: string; outcome: ReviewOutcome }> {
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > BREAK_GLASS.commentMaxLength) throw invalidInput('comment', `must be at most ${BREAK_GLASS.commentMaxLength} characters`);
  if (input.outcome === 'not-justified' && !comment) throw invalidInput('comment', 'say why the grant was not justified');
  return runAudited(ctx, async (tx) => {
    const grant = await findGrant(tx, actor.cpasId, input.grantId);
    const entry = {
      action: 'update' as const, purpose: reviewPurposeOf(actor), personId: grant?.personId ?? null, classes: [],
      details: { operation: 'review-break-glass', grant: input.grantId, outcome: input.outcome },
    };
    const refusal = await refuseUnlessRole(tx, ctx, actor, OPERATIONS['review-break-glass'], entry);
    if (refusal) return refusal;
    if (!grant) return new Refusal(notFound('break-glass grant'));
    if (grant.userId === actor.userId) {
      await writeAuditEntry(tx, ctx, actor, entry, 'denied');
      return new Refusal(forbidden('nobody reviews their own break-glass grant'));
    }
    const reviewed = await reviewGrant(tx, ctx.secrets, {
      cpasId: actor.cpasId, grantId: input.grantId, reviewedBy: actor.userId, at: ctx.now(), outcome: input.outcome, comment,
    });
    if (!reviewed) return new Refusal(new DomainError('invalid-state', 'this grant is reviewed already'));
    await writeAuditEntry(tx, ctx, actor, entry, 'allowed');
    return { grantId: input.grantId, outcome: input.outcome };
  });
}

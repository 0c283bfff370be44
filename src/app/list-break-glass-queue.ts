// The break-glass review queue: every grant not yet reviewed (or, on request, all of them), with
// the reason opened for the reviewer. Opening the reasons reads sealed text about persons, so the
// call is logged with the grants it showed.
import { listGrantsWithReasons } from '../adapters/db/stores/break-glass-store.ts';
import { MAY_REVIEW_BREAK_GLASS } from '../domain/break-glass.ts';
import type { Actor } from '../domain/roles.ts';
import { refuseUnlessRole, reviewPurposeOf, writeAuditEntry } from './audit-gate.ts';
import { type AppContext, runAudited } from './context.ts';

const LOGGED_GRANT_IDS = 50;

export interface QueuedGrant {
  grantId: string;
  personId: string;
  user: { userId: string; name: string | null };
  purpose: string;
  reason: string;
  openedAt: string;
  expiresAt: string;
  active: boolean;
  review: { by: string; at: string; outcome: string; comment: string | null } | null;
}

export async function listBreakGlassQueue(ctx: AppContext, actor: Actor, input: { includeReviewed: boolean }): Promise<QueuedGrant[]> {
  return runAudited(ctx, async (tx) => {
    const entry = { action: 'read-log' as const, purpose: reviewPurposeOf(actor), personId: null, classes: ['social-notes' as const] };
    const refusal = await refuseUnlessRole(tx, ctx, actor, MAY_REVIEW_BREAK_GLASS, { ...entry, details: { view: 'break-glass-queue' } });
    if (refusal) return refusal;
    const grants = await listGrantsWithReasons(tx, ctx.secrets, actor.cpasId, input.includeReviewed);
    await writeAuditEntry(tx, ctx, actor, {
      ...entry, details: { view: 'break-glass-queue', count: grants.length, grants: grants.slice(0, LOGGED_GRANT_IDS).map((g) => g.grantId) },
    }, 'allowed');
    const now = ctx.now();
    return grants.map((g) => ({
      grantId: g.grantId,
      personId: g.personId,
      user: { userId: g.userId, name: g.userName },
      purpose: g.purpose,
      reason: g.reason,
      openedAt: g.openedAt.toISOString(),
      expiresAt: g.expiresAt.toISOString(),
      active: g.expiresAt > now && g.reviewOutcome !== 'not-justified',
      review: g.reviewedAt && g.reviewedBy && g.reviewOutcome
        ? { by: g.reviewedBy, at: g.reviewedAt.toISOString(), outcome: g.reviewOutcome, comment: g.reviewComment }
        : null,
    }));
  });
}

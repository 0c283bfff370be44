// The break-glass review queue: every grant not yet reviewed (or, on request, all of them). Every
// reviewer sees the structured part (who, when, which person, purpose, duration, review); the
// reason and the review comment are social notes about the person, opened through the gate for
// the reviewers the policy allows (the head of social service, not the DPO), one logged read per
// grant, before decryption. The view itself is logged with the grants it showed.
import { listGrants, openGrantTexts } from '../adapters/db/stores/break-glass-store.ts';
import { OPERATIONS } from '../domain/access-policy.ts';
import type { Actor } from '../domain/roles.ts';
import { refuseUnlessRole, reviewPurposeOf, writeAuditEntry } from './audit-gate.ts';
import { type AppContext, runAudited } from './context.ts';
import { gateBreakGlassTexts } from './person-access.ts';

const LOGGED_GRANT_IDS = 50;

export interface QueuedGrant {
  grantId: string;
  personId: string;
  user: { userId: string; name: string | null };
  purpose: string;
  /** Null for a reviewer who may not read it (the DPO). */
  reason: string | null;
  openedAt: string;
  expiresAt: string;
  active: boolean;
  review: { by: string; at: string; outcome: string; comment: string | null } | null;
}

export async function listBreakGlassQueue(ctx: AppContext, actor: Actor, input: { includeReviewed: boolean }): Promise<QueuedGrant[]> {
  return runAudited(ctx, async (tx) => {
    const purpose = reviewPurposeOf(actor);
    const entry = { action: 'read-log' as const, purpose, personId: null, classes: [] };
    const refusal = await refuseUnlessRole(tx, ctx, actor, OPERATIONS['review-break-glass'], { ...entry, details: { view: 'break-glass-queue' } });
    if (refusal) return refusal;
    const grants = await listGrants(tx, actor.cpasId, input.includeReviewed);
    await writeAuditEntry(tx, ctx, actor, {
      ...entry, details: { view: 'break-glass-queue', count: grants.length, grants: grants.slice(0, LOGGED_GRANT_IDS).map((g) => g.grantId) },
    }, 'allowed');
    const now = ctx.now();
    const queue: QueuedGrant[] = [];
    for (const g of grants) {
      const access = await gateBreakGlassTexts(tx, ctx, actor, g, purpose);
      const texts = access ? await openGrantTexts(tx, ctx.secrets, access, g.grantId) : null;
      queue.push({
        grantId: g.grantId,
        personId: g.personId,
        user: { userId: g.userId, name: g.userName },
        purpose: g.purpose,
        reason: texts?.reason ?? null,
        openedAt: g.openedAt.toISOString(),
        expiresAt: g.expiresAt.toISOString(),
        active: g.expiresAt > now && g.reviewOutcome !== 'not-justified',
        review: g.reviewedAt && g.reviewedBy && g.reviewOutcome
          ? { by: g.reviewedBy, at: g.reviewedAt.toISOString(), outcome: g.reviewOutcome, comment: texts?.reviewComment ?? null }
          : null,
      });
    }
    return queue;
  });
}

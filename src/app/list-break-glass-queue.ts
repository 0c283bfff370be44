// The break-glass review queue: every grant not yet reviewed (or, on request, all of them). Every
// reviewer sees the structured part (who, when, which person, purpose, duration, review); the
// reason and the review comment are social notes about the person, opened through the gate for
// the reviewers the policy allows (the head of social service, not the DPO), one logged read per
// grant, before decryption. The person is named to the reviewers the policy lets a list name them
// (mayNamePersons), and the view's log entry then counts identity among what it showed. The view
// itself is logged with the grants it showed.
import type { Tx } from '../adapters/db/database.ts';
import { listEntriesOnPerson } from '../adapters/db/stores/access-log-query-store.ts';
import { type GrantRow, listGrants, openGrantTexts } from '../adapters/db/stores/break-glass-store.ts';
import { ITEM_CATEGORIES, type ItemCategory, tierOf } from '../domain/data-classes.ts';
import { personNamesByIds } from '../adapters/db/stores/search-store.ts';
import { mayNamePersons, OPERATIONS } from '../domain/access-policy.ts';
import type { Actor } from '../domain/roles.ts';
import { refuseUnlessRole, reviewPurposeOf, writeAuditEntry } from './audit-gate.ts';
import { type AppContext, runAudited } from './context.ts';
import { gateBreakGlassTexts } from './person-access.ts';

const LOGGED_GRANT_IDS = 50;

export interface QueuedGrant {
  grantId: string;
  personId: string;
  /** Null for a reviewer the policy does not let a list name the person to. */
  personName: { familyName: string; givenNames: string } | null;
  user: { userId: string; name: string | null };
  purpose: string;
  /** Null for a reviewer who may not read it (the DPO). */
  reason: string | null;
  openedAt: string;
  expiresAt: string;
  /** What was opened under the grant: the reads logged under the rule break-glass, and the secret classes they opened. */
  opened: { reads: number; classes: ItemCategory[] };
  active: boolean;
  review: { by: string; at: string; outcome: string; comment: string | null } | null;
}

/** The reads made under a grant, from the access log (metadata only: no content is opened here). */
async function openedUnder(tx: Tx, cpasId: string, g: GrantRow): Promise<QueuedGrant['opened']> {
  const entries = (await listEntriesOnPerson(tx, cpasId, { userId: g.userId, personId: g.personId, from: g.openedAt, to: g.expiresAt }))
    .map((text) => JSON.parse(text) as { action: string; outcome: string; rule: string; classes: string[] })
    .filter((e) => e.rule === 'break-glass' && e.outcome === 'allowed' && e.action !== 'break-glass');
  const classes = new Set(entries.flatMap((e) => e.classes));
  return { reads: entries.length, classes: ITEM_CATEGORIES.filter((c) => classes.has(c) && tierOf(c) === 'secret').sort() };
}

export async function listBreakGlassQueue(ctx: AppContext, actor: Actor, input: { includeReviewed: boolean }): Promise<QueuedGrant[]> {
  return runAudited(ctx, async (tx) => {
    const purpose = reviewPurposeOf(actor);
    const entry = { action: 'read-log' as const, purpose, personId: null, classes: [] };
    const refusal = await refuseUnlessRole(tx, ctx, actor, OPERATIONS['review-break-glass'], { ...entry, details: { view: 'break-glass-queue' } });
    if (refusal) return refusal;
    const grants = await listGrants(tx, actor.cpasId, input.includeReviewed);
    const names = mayNamePersons(actor.roles) ? await personNamesByIds(tx, actor.cpasId, grants.map((g) => g.personId)) : null;
    await writeAuditEntry(tx, ctx, actor, {
      ...entry, classes: names && grants.length > 0 ? ['identity'] : [], details: { view: 'break-glass-queue', count: grants.length, grants: grants.slice(0, LOGGED_GRANT_IDS).map((g) => g.grantId) },
    }, 'allowed');
    const now = ctx.now();
    const queue: QueuedGrant[] = [];
    for (const g of grants) {
      const access = await gateBreakGlassTexts(tx, ctx, actor, g, purpose);
      const texts = access ? await openGrantTexts(tx, ctx.secrets, access, g.grantId) : null;
      queue.push({
        grantId: g.grantId,
        personId: g.personId,
        personName: names?.get(g.personId) ?? null,
        user: { userId: g.userId, name: g.userName },
        purpose: g.purpose,
        reason: texts?.reason ?? null,
        openedAt: g.openedAt.toISOString(),
        expiresAt: g.expiresAt.toISOString(),
        opened: await openedUnder(tx, actor.cpasId, g),
        active: g.expiresAt > now && g.reviewOutcome !== 'not-justified',
        review: g.reviewedAt && g.reviewedBy && g.reviewOutcome
          ? { by: g.reviewedBy, at: g.reviewedAt.toISOString(), outcome: g.reviewOutcome, comment: texts?.reviewComment ?? null }
          : null,
      });
    }
    return queue;
  });
}

// Breaking the glass: a social worker or head of social service who is not on a case opens its
// secret part for reading, in an emergency, for BREAK_GLASS.minutes, with a written reason. The
// opening is logged, the head of the social service and the DPO are notified, and the grant waits
// in the review queue until one of them judges it. Without the reason, the notice and the review,
// break-glass would be a quiet back door to every secret file of the CPAS.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../adapters/db/database.ts';
import { insertGrant } from '../adapters/db/stores/break-glass-store.ts';
import { loadCaseRelation } from '../adapters/db/stores/case-relation-store.ts';
import { notifyRoles } from '../adapters/db/stores/notification-store.ts';
import { allowsSecretAccess, decideAccess, OPERATIONS } from '../domain/access-policy.ts';
import { BREAK_GLASS } from '../domain/break-glass.ts';
import { ITEM_CATEGORIES, tierOf } from '../domain/data-classes.ts';
import { DomainError, invalidInput, notFound } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import { refuseUnlessRole, writeAuditEntry } from './audit-gate.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

const SECRET_CATEGORIES = ITEM_CATEGORIES.filter((c) => tierOf(c) === 'secret');

export interface BreakGlassInput {
  personId: string;
  purpose: Purpose;
  /** Read by the reviewers only: sealed at rest, never logged, never shown to the person. */
  reason: string;
}

function checkInput(input: BreakGlassInput): string {
  const reason = input.reason.trim();
  if (reason.length < BREAK_GLASS.reasonMinLength) throw invalidInput('reason', `must explain the emergency in at least ${BREAK_GLASS.reasonMinLength} characters`);
  if (reason.length > BREAK_GLASS.reasonMaxLength) throw invalidInput('reason', `must be at most ${BREAK_GLASS.reasonMaxLength} characters`);
  // The grant opens secret data, so it is opened for a purpose of the case work itself.
  if (!allowsSecretAccess(input.purpose)) throw new DomainError('purpose-required', `purpose "${input.purpose}" does not allow opening secret social data`);
  return reason;
}

/** Why this actor may not break the glass on this person now (logged when it is the role), or null. */
async function refusalOf(tx: Tx, ctx: AppContext, actor: Actor, input: { personId: string; purpose: Purpose }, now: Date): Promise<Refusal | null> {
  const entry = { action: 'break-glass' as const, purpose: input.purpose, personId: input.personId, classes: SECRET_CATEGORIES };
  const relation = await loadCaseRelation(tx, actor, input.personId, { now, purpose: input.purpose });
  if (!relation) return new Refusal(notFound('person'));
  const refusal = await refuseUnlessRole(tx, ctx, actor, OPERATIONS['break-glass'], { ...entry, details: { operation: 'break-glass' } });
  if (refusal) return refusal;
  // Someone who can read the case already needs no grant: a needless one only floods the review queue.
  if (SECRET_CATEGORIES.every((c) => decideAccess(actor.roles, 'read', c, relation).allowed)) {
    return new Refusal(new DomainError('invalid-state', 'you can read this case already (on the case, or a live break-glass grant)'));
  }
  return null;
}

/** Asked before the break-glass form is shown, so nobody writes a reason for a grant that would be refused. */
export async function checkBreakGlass(ctx: AppContext, actor: Actor, input: { personId: string; purpose: Purpose }): Promise<void> {
  await runAudited(ctx, async (tx: Tx) => (await refusalOf(tx, ctx, actor, input, ctx.now())) ?? undefined);
}

export async function openBreakGlass(ctx: AppContext, actor: Actor, input: BreakGlassInput): Promise<{ grantId: string; expiresAt: Date }> {
  const reason = checkInput(input);
  return runAudited(ctx, async (tx: Tx) => {
    const now = ctx.now();
    const grantId = randomUUID();
    const entry = { action: 'break-glass' as const, purpose: input.purpose, personId: input.personId, classes: SECRET_CATEGORIES };
    const refusal = await refusalOf(tx, ctx, actor, input, now);
    if (refusal) return refusal;
    const expiresAt = new Date(now.getTime() + BREAK_GLASS.minutes * 60_000);
    await insertGrant(tx, ctx.secrets, { cpasId: actor.cpasId, grantId, personId: input.personId, userId: actor.userId, purpose: input.purpose, reason, openedAt: now, expiresAt });
    const notified = await notifyRoles(tx, {
      cpasId: actor.cpasId, roles: OPERATIONS['review-break-glass'], exceptUserId: actor.userId, kind: 'break-glass-opened', referenceId: grantId, at: now,
    });
    await writeAuditEntry(tx, ctx, actor, {
      ...entry, rule: 'break-glass', details: { grant: grantId, expiresAt: expiresAt.toISOString(), notified: notified.length },
    }, 'allowed');
    return { grantId, expiresAt };
  });
}

// The role check of the audit use cases (reading the log, the break-glass queue, reviews). A
// refusal is itself written to the log before the error is raised: someone probing who may read
// the access log is exactly what the DPO must be able to see.
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import type { Tx } from '../adapters/db/database.ts';
import type { AccessLogDraft } from '../domain/access-log-entry.ts';
import { forbidden } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor, Role } from '../domain/roles.ts';
import { type AppContext, Refusal } from './context.ts';

export type AuditLogFields = Pick<AccessLogDraft, 'action' | 'purpose' | 'personId' | 'classes' | 'details'> & { rule?: AccessLogDraft['rule'] };

export async function writeAuditEntry(tx: Tx, ctx: AppContext, actor: Actor, fields: AuditLogFields, outcome: 'allowed' | 'denied'): Promise<void> {
  await appendAccessLog(tx, {
    cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, rule: 'operation', ...fields, outcome,
  }, ctx.now());
}

/** Null when the actor holds one of `allowed`; otherwise the refusal, already logged. */
export async function refuseUnlessRole(tx: Tx, ctx: AppContext, actor: Actor, allowed: readonly Role[], fields: AuditLogFields): Promise<Refusal | null> {
  if (actor.roles.some((role) => allowed.includes(role))) return null;
  await writeAuditEntry(tx, ctx, actor, fields, 'denied');
  return new Refusal(forbidden(`not allowed to ${String(fields.details?.view ?? fields.details?.operation ?? fields.action)}`));
}

/** The DPO audits; a head of social service supervises. The log says which. */
export const reviewPurposeOf = (actor: Actor): Purpose => (actor.roles.includes('dpo') ? 'data-protection-audit' : 'supervision');

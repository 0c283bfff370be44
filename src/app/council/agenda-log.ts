// The access-log entries of the council's agenda operations that touch no person's data (a session
// scheduled, listed or closed), and the refusal of an operation the actor's roles do not allow.
// Reads and writes of a person's data on an item go through the gate (person-access.ts) instead.
import type { Tx } from '../../adapters/db/database.ts';
import { mayPerform, type Operation } from '../../domain/access-policy.ts';
import type { AccessLogDraft } from '../../domain/access-log-entry.ts';
import { forbidden } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { writeAuditEntry } from '../audit-gate.ts';
import { type AppContext, Refusal } from '../context.ts';

export type AgendaOperation = Extract<Operation, 'manage-agenda' | 'place-on-agenda' | 'read-agenda' | 'close-agenda'>;

export async function logAgendaOperation(
  tx: Tx, ctx: AppContext, actor: Actor, entry: { operation: string; action: 'read' | 'create' | 'update'; outcome: 'allowed' | 'denied'; details?: AccessLogDraft['details'] },
): Promise<void> {
  await writeAuditEntry(tx, ctx, actor, {
    action: entry.action, purpose: 'council-decision', personId: null, classes: [], details: { operation: entry.operation, ...entry.details },
  }, entry.outcome);
}

/**
 * Null when one of `operations` is the actor's; otherwise the refusal, logged first, so that a
 * member of staff probing the council's agenda is in the log the DPO reads.
 */
export async function refuseUnlessAgendaRole(
  tx: Tx, ctx: AppContext, actor: Actor, operations: readonly AgendaOperation[], entry: { operation: string; action: 'read' | 'create' | 'update' },
): Promise<Refusal | null> {
  if (operations.some((operation) => mayPerform(actor.roles, operation))) return null;
  await logAgendaOperation(tx, ctx, actor, { ...entry, outcome: 'denied' });
  return new Refusal(forbidden(`not allowed to ${entry.operation}`));
}

// What every use case of the sealed register goes through: the actor's right to the action
// (role, or delegation), a denied attempt committed to the access log before the refusal is
// raised, and the access-log entries of the register, all with purpose 'authority-request'.
// That purpose is what keeps these entries out of anything the person concerned can obtain while
// the secrecy of the measure applies (R20, R21): the person-facing access history leaves it out.
import { appendAccessLog } from '../../adapters/db/access-log-store.ts';
import type { Tx } from '../../adapters/db/database.ts';
import { loadRequest, recordStateChange, type RequestRecord } from '../../adapters/db/stores/request-store.ts';
import { isActiveDelegate } from '../../adapters/db/stores/request-settings-store.ts';
import type { AccessLogDraft, LogAction } from '../../domain/access-log-entry.ts';
import { DomainError, forbidden, notFound } from '../../domain/errors.ts';
import type { ItemCategory } from '../../domain/requests/items.ts';
import { mayActOnRegister, OPERATION_OF, type RegisterAction } from '../../domain/access-policy.ts';
import { nextState, type RegisterEvent, type RegisterState } from '../../domain/requests/register-state.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal } from '../context.ts';

type Details = NonNullable<AccessLogDraft['details']>;

const LOG_ACTION_OF: Readonly<Record<RegisterAction, LogAction>> = {
  record: 'create',
  read: 'read',
  manage: 'update',
  sign: 'update',
  delegate: 'update',
  configure: 'update',
  statistics: 'read',
};

/** Logs one register event; `personId` only when the event concerns a person's file. */
export function logRegister(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  entry: { action: LogAction; personId?: string | null; classes?: readonly ItemCategory[]; outcome?: 'allowed' | 'denied'; details: Details },
): Promise<number> {
  return appendAccessLog(tx, {
    cpasId: actor.cpasId,
    userId: actor.userId,
    roles: actor.roles,
    purpose: 'authority-request',
    action: entry.action,
    personId: entry.personId ?? null,
    classes: entry.classes ?? [],
    outcome: entry.outcome ?? 'allowed',
    rule: 'operation',
    details: entry.details,
  }, ctx.now());
}

/** Null when the actor may; otherwise the refusal, its denied entry already written. */
export async function checkRegister(tx: Tx, ctx: AppContext, actor: Actor, action: RegisterAction, details: Details = {}): Promise<Refusal | null> {
  const byRole = mayActOnRegister(actor.roles, false, action);
  if (byRole || mayActOnRegister(actor.roles, await isActiveDelegate(tx, actor.cpasId, actor.userId), action)) return null;
  await logRegister(tx, ctx, actor, { action: LOG_ACTION_OF[action], outcome: 'denied', details: { ...details, operation: OPERATION_OF[action] } });
  return new Refusal(forbidden(`not allowed to ${OPERATION_OF[action]}`));
}

/** The request of the actor's CPAS, or not-found (other CPAS' requests are never revealed). */
export async function requestOf(tx: Tx, actor: Actor, requestId: string, lock = false): Promise<RequestRecord | Refusal> {
  return (await loadRequest(tx, actor.cpasId, requestId, lock)) ?? new Refusal(notFound('request'));
}

/** The state the event leads to, or the refusal naming the current state. */
export function stateAfter(request: RequestRecord, event: RegisterEvent): RegisterState | Refusal {
  const next = nextState(request.state, event);
  return next ?? new Refusal(new DomainError('invalid-state', `a request in state "${request.state}" cannot ${event}`));
}

/** Moves the request and records who did it, when and why (request_state_change). */
export async function moveRequest(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  request: RequestRecord,
  to: RegisterState,
  comment: string | null = null,
): Promise<void> {
  await recordStateChange(tx, actor.cpasId, request.requestId, { from: request.state, to, by: actor.userId, at: ctx.now(), comment });
}

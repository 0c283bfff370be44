// Access-log entries for operations on staff and cases (creating accounts, granting and confirming
// roles, activation, assignments). The DPO reads them in the access log like every other entry:
// who did it (or "system" for the operator and the demo loader), what, on whom, allowed or not.
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import type { Tx } from '../adapters/db/database.ts';
import type { AccessLogDraft } from '../domain/access-log-entry.ts';
import type { DomainError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal } from './context.ts';

/** A path with no staff account behind it: the operator on the server's shell, or the demo loader. */
export interface SystemActor {
  readonly cpasId: string;
  readonly system: 'operator' | 'demo';
}
export type StaffOperator = Actor | SystemActor;

export const isSystem = (by: StaffOperator): by is SystemActor => 'system' in by;
export const userIdOf = (by: StaffOperator): string | null => (isSystem(by) ? null : by.userId);

export async function logStaffOperation(
  tx: Tx,
  ctx: AppContext,
  by: StaffOperator,
  entry: { operation: string; outcome: 'allowed' | 'denied'; personId?: string | null; details?: AccessLogDraft['details'] },
): Promise<void> {
  await appendAccessLog(tx, {
    cpasId: by.cpasId, userId: userIdOf(by), roles: isSystem(by) ? [] : by.roles,
    purpose: 'administrative-processing', action: 'update', personId: entry.personId ?? null, classes: [], outcome: entry.outcome, rule: 'operation',
    details: { operation: entry.operation, ...(isSystem(by) ? { path: by.system } : {}), ...entry.details },
  }, ctx.now());
}

/** Logs the refused attempt (committed with the transaction) and returns the refusal to raise after. */
export async function refuseStaffOperation(
  tx: Tx,
  ctx: AppContext,
  by: StaffOperator,
  operation: string,
  error: DomainError,
  extra: { personId?: string | null; details?: AccessLogDraft['details'] } = {},
): Promise<Refusal> {
  await logStaffOperation(tx, ctx, by, { operation, outcome: 'denied', ...extra });
  return new Refusal(error);
}

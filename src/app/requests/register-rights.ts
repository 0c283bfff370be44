// What the actor may do with the register, by the same checks the use cases make (role, or an
// active delegation): the pages use it to decide which links and buttons to show. It reads no
// request and no file, so it is not logged; each use case still checks again, and logs, when used.
import { isActiveDelegate } from '../../adapters/db/stores/request-settings-store.ts';
import { mayActOnRegister, mayBeDelegate, REGISTER_ACTIONS, type RegisterAction } from '../../domain/access-policy.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, runAudited } from '../context.ts';
import { checkRegister } from './register-gate.ts';

export type RegisterRights = Readonly<Record<RegisterAction, boolean>>;

export async function registerRightsOf(ctx: AppContext, actor: Actor): Promise<RegisterRights> {
  // Only a delegable account can hold a delegation: nobody else costs a query.
  const delegate = mayBeDelegate(actor.roles) && (await ctx.db.transaction((tx) => isActiveDelegate(tx, actor.cpasId, actor.userId)));
  return Object.fromEntries(REGISTER_ACTIONS.map((action) => [action, mayActOnRegister(actor.roles, delegate, action)])) as RegisterRights;
}

/**
 * Refuses, with the denied attempt in the access log, an actor who may not take `action`: for a
 * page that offers an action (a signature form) before the use case that performs it runs.
 */
export async function requireRegisterRight(ctx: AppContext, actor: Actor, action: RegisterAction, details: Readonly<Record<string, string>> = {}): Promise<void> {
  await runAudited(ctx, async (tx) => (await checkRegister(tx, ctx, actor, action, details)) ?? undefined);
}

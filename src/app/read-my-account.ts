// What a member of staff sees of their own account: their roles and the address they gave for the
// register's e-mail notices. Their own staff data only, never a person of the CPAS, so no
// access-log entry (changing the address is logged: set-notification-email.ts).
import { staffEmailOf } from '../adapters/db/stores/staff-store.ts';
import type { Actor, Role } from '../domain/roles.ts';
import type { AppContext } from './context.ts';

export interface MyAccount {
  readonly roles: readonly Role[];
  readonly notificationEmail: string | null;
}

export async function readMyAccount(ctx: AppContext, actor: Actor): Promise<MyAccount> {
  const notificationEmail = await ctx.db.transaction((tx) => staffEmailOf(tx, actor.cpasId, actor.userId));
  return { roles: actor.roles, notificationEmail };
}

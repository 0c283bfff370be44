// Staff accounts. An account made by someone else never gets a password its creator knows: it gets
// a one-time activation code, and its holder sets the password (src/app/activate-account.ts).
// Roles that open secret content are never given by the creator alone: they wait as grants for a
// second person of the social service (src/app/role-grants.ts).
import { randomUUID } from 'node:crypto';
import { hashOneTimeCode, newOneTimeCode } from '../adapters/crypto/one-time-code.ts';
import type { Tx } from '../adapters/db/database.ts';
import { putActivation } from '../adapters/db/stores/duties-store.ts';
import { findCpasIdByCode, insertStaff, listStaff, usernameTaken } from '../adapters/db/stores/staff-store.ts';
import { mayPerform } from '../domain/access-policy.ts';
import { DomainError, forbidden } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import type { UserInput } from '../domain/schemas.ts';
import { ONE_TIME_CODE_DAYS, opensSecret, type SecretOpeningRole } from '../domain/separation-of-duties.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';
import { grantPending } from './role-grants.ts';
import { logStaffOperation, refuseStaffOperation, type StaffOperator, userIdOf } from './staff-log.ts';

export interface CreatedAccount {
  userId: string;
  /** Shown once to the creator to hand to the holder. Alone it opens no secret-opening role. */
  activationCode: string;
  activationExpiresAt: Date;
  /** Roles waiting for a head of social service's confirmation (the others are in effect). */
  pendingRoles: SecretOpeningRole[];
}

async function createAccount(tx: Tx, ctx: AppContext, by: StaffOperator, input: UserInput): Promise<CreatedAccount | Refusal> {
  if (await usernameTaken(tx, by.cpasId, input.username)) return new Refusal(new DomainError('conflict', 'username: this user exists already', 'username'));
  const userId = randomUUID();
  const roles = [...new Set(input.roles)];
  const effective = roles.filter((r) => !opensSecret(r));
  const pending = roles.filter(opensSecret);
  await insertStaff(tx, { cpasId: by.cpasId, userId, username: input.username, displayName: input.displayName, language: input.language ?? null, passwordHash: null, roles: effective, createdBy: userIdOf(by) });
  const activationCode = newOneTimeCode();
  const now = ctx.now();
  const activationExpiresAt = new Date(now.getTime() + ONE_TIME_CODE_DAYS * 86_400_000);
  await putActivation(tx, { cpasId: by.cpasId, userId, codeHash: hashOneTimeCode(activationCode), issuedAt: now, expiresAt: activationExpiresAt });
  await logStaffOperation(tx, ctx, by, { operation: 'create-user', outcome: 'allowed', details: { user: userId, roles: effective, pendingRoles: pending } });
  for (const role of pending) await grantPending(tx, ctx, by, userId, role);
  return { userId, activationCode, activationExpiresAt, pendingRoles: pending };
}

export async function addStaffUser(ctx: AppContext, actor: Actor, input: UserInput): Promise<CreatedAccount> {
  return runAudited(ctx, async (tx) => {
    if (!mayPerform(actor.roles, 'manage-users')) return refuseStaffOperation(tx, ctx, actor, 'manage-users', forbidden('not allowed to manage-users'));
    return createAccount(tx, ctx, actor, input);
  });
}

/**
 * The operator's path (`users add` on the server's shell): the same rules as in the application,
 * logged as the system. The operator holds the database and the master key, so the application
 * cannot protect content from them; it still gives them no shortcut to a secret-opening role.
 */
export async function addStaffUserAsOperator(ctx: AppContext, cpasCode: string, input: UserInput): Promise<CreatedAccount> {
  return runAudited(ctx, async (tx) => {
    const cpasId = await findCpasIdByCode(tx, cpasCode);
    if (!cpasId) return new Refusal(new DomainError('not-found', 'cpas: no CPAS with this code', 'cpas'));
    return createAccount(tx, ctx, { cpasId, system: 'operator' }, input);
  });
}

export async function listStaffUsers(ctx: AppContext, actor: Actor) {
  return runAudited(ctx, async (tx) => {
    if (!mayPerform(actor.roles, 'manage-users')) return refuseStaffOperation(tx, ctx, actor, 'manage-users', forbidden('not allowed to manage-users'));
    return (await listStaff(tx, actor.cpasId)).map(({ passwordHash: _omit, ...user }) => user);
  });
}

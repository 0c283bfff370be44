// Grants of roles. A role that opens no secret content takes effect at once. A secret-opening role
// (social worker, head of social service) waits: a head of social service who is neither the
// grantor, nor the grantee, nor the grantee's creator confirms it, and receives a one-time code to
// hand to the holder in person; the role takes effect when the holder redeems it with their own
// credential (src/app/activate-account.ts). So the creator of an account, who may know how it was
// first opened, never holds the second factor, and the confirmer never holds the first.
import { randomUUID } from 'node:crypto';
import { hashOneTimeCode, newOneTimeCode } from '../adapters/crypto/one-time-code.ts';
import type { Tx } from '../adapters/db/database.ts';
import { confirmRoleGrantRow, findRoleGrant, insertRoleGrant, listOpenRoleGrants, type RoleGrantRow } from '../adapters/db/stores/duties-store.ts';
import { anyoneHoldsRole, findCpasIdByCode, findStaffById, findStaffByLogin, insertEffectiveRole } from '../adapters/db/stores/staff-store.ts';
import { mayPerform } from '../domain/access-policy.ts';
import { DomainError, forbidden, notFound } from '../domain/errors.ts';
import type { Actor, Role } from '../domain/roles.ts';
import { ONE_TIME_CODE_DAYS, opensSecret, type SecretOpeningRole } from '../domain/separation-of-duties.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';
import { logStaffOperation, refuseStaffOperation, type StaffOperator, type SystemActor, userIdOf } from './staff-log.ts';

/** Records a grant of a secret-opening role, waiting for confirmation. */
export async function grantPending(tx: Tx, ctx: AppContext, by: StaffOperator, userId: string, role: SecretOpeningRole): Promise<string | null> {
  const grantId = randomUUID();
  if (!(await insertRoleGrant(tx, { cpasId: by.cpasId, grantId, userId, role, grantedBy: userIdOf(by), grantedAt: ctx.now() }))) return null;
  await logStaffOperation(tx, ctx, by, { operation: 'grant-role', outcome: 'allowed', details: { grant: grantId, grantee: userId, role, state: 'pending-confirmation' } });
  return grantId;
}

export type GrantResult = { state: 'effective' } | { state: 'pending-confirmation'; grantId: string };

export async function grantRole(ctx: AppContext, actor: Actor, input: { userId: string; role: Role }): Promise<GrantResult> {
  return runAudited(ctx, async (tx) => {
    const details = { grantee: input.userId, role: input.role };
    if (!mayPerform(actor.roles, 'manage-users')) return refuseStaffOperation(tx, ctx, actor, 'grant-role', forbidden('not allowed to manage-users'), { details });
    // Nobody changes their own roles: a self-grant is the first step of every one-person path.
    if (input.userId === actor.userId) return refuseStaffOperation(tx, ctx, actor, 'grant-role', forbidden('userId: nobody grants a role to themself'), { details });
    const grantee = await findStaffById(tx, actor.cpasId, input.userId);
    if (!grantee) return new Refusal(notFound('user'));
    if (grantee.roles.includes(input.role)) return new Refusal(new DomainError('conflict', 'role: the user holds this role already', 'role'));
    if (opensSecret(input.role)) {
      const grantId = await grantPending(tx, ctx, actor, input.userId, input.role);
      if (!grantId) return new Refusal(new DomainError('conflict', 'role: this role is already waiting for confirmation', 'role'));
      return { state: 'pending-confirmation', grantId };
    }
    await insertEffectiveRole(tx, actor.cpasId, input.userId, input.role);
    await logStaffOperation(tx, ctx, actor, { operation: 'grant-role', outcome: 'allowed', details: { ...details, state: 'effective' } });
    return { state: 'effective' };
  });
}

export interface ConfirmedGrant {
  /** Shown once to the confirmer, to hand to the holder in person. */
  confirmationCode: string;
  expiresAt: Date;
}

async function confirm(tx: Tx, ctx: AppContext, by: StaffOperator, grant: RoleGrantRow): Promise<ConfirmedGrant | Refusal> {
  if (grant.confirmedBy !== null) return new Refusal(new DomainError('invalid-state', 'grantId: this grant is confirmed already', 'grantId'));
  const confirmationCode = newOneTimeCode();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_DAYS * 86_400_000);
  const done = await confirmRoleGrantRow(tx, { cpasId: by.cpasId, grantId: grant.grantId, confirmedBy: userIdOf(by), at: now, codeHash: hashOneTimeCode(confirmationCode), codeExpiresAt: expiresAt });
  if (!done) return new Refusal(new DomainError('invalid-state', 'grantId: this grant is confirmed already', 'grantId'));
  await logStaffOperation(tx, ctx, by, { operation: 'confirm-role-grant', outcome: 'allowed', details: { grant: grant.grantId, grantee: grant.userId, role: grant.role, grantedBy: grant.grantedBy ?? 'system' } });
  return { confirmationCode, expiresAt };
}

export async function confirmRoleGrant(ctx: AppContext, actor: Actor, input: { grantId: string }): Promise<ConfirmedGrant> {
  return runAudited(ctx, async (tx) => {
    const details = { grant: input.grantId };
    if (!mayPerform(actor.roles, 'confirm-role-grant')) return refuseStaffOperation(tx, ctx, actor, 'confirm-role-grant', forbidden('not allowed to confirm-role-grant'), { details });
    const grant = await findRoleGrant(tx, actor.cpasId, input.grantId);
    if (!grant) return new Refusal(notFound('grant'));
    // The second person must be a second person: not who granted, not who receives, not who made the account.
    if ([grant.grantedBy, grant.userId, grant.createdBy].includes(actor.userId)) {
      return refuseStaffOperation(tx, ctx, actor, 'confirm-role-grant', forbidden('grantId: a grant is confirmed by someone other than its grantor, its grantee and the grantee’s creator'), { details });
    }
    return confirm(tx, ctx, actor, grant);
  });
}

/**
 * Bootstrap of a CPAS's social service by the operator: while no account of the CPAS holds the
 * head-of-social-service role, nobody in the application can confirm one, so the operator confirms
 * the first. Refused as soon as one exists; logged as the system, so the DPO sees it.
 */
export async function confirmFirstHeadAsOperator(ctx: AppContext, cpasCode: string, username: string): Promise<ConfirmedGrant> {
  return runAudited(ctx, async (tx) => {
    const cpasId = await findCpasIdByCode(tx, cpasCode);
    if (!cpasId) return new Refusal(new DomainError('not-found', 'cpas: no CPAS with this code', 'cpas'));
    const operator: SystemActor = { cpasId, system: 'operator' };
    if (await anyoneHoldsRole(tx, cpasId, 'head-of-social-service')) {
      return refuseStaffOperation(tx, ctx, operator, 'confirm-role-grant', forbidden('cpas: a head of social service exists; confirmations are theirs, in the application'));
    }
    const holder = await findStaffByLogin(tx, cpasCode, username);
    const grant = holder ? (await listOpenRoleGrants(tx, cpasId)).find((g) => g.userId === holder.userId && g.role === 'head-of-social-service') : undefined;
    if (!grant) return new Refusal(new DomainError('not-found', 'username: no head-of-social-service grant waits for this user', 'username'));
    const locked = await findRoleGrant(tx, cpasId, grant.grantId);
    return confirm(tx, ctx, operator, locked!);
  });
}

/** The grants waiting for a confirmation or for their holder, for the heads of social service. */
export async function listRoleGrants(ctx: AppContext, actor: Actor) {
  return runAudited(ctx, async (tx) => {
    if (!mayPerform(actor.roles, 'confirm-role-grant')) return refuseStaffOperation(tx, ctx, actor, 'confirm-role-grant', forbidden('not allowed to confirm-role-grant'));
    return listOpenRoleGrants(tx, actor.cpasId);
  });
}

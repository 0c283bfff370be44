// Activation by the account's holder, with no session: the first factor is the account's
// activation code (a new account) or its current password; the holder sets a new password. With
// the confirmation code a head of social service handed them, the confirmed secret-opening roles
// take effect and every earlier session and API token of the account ends, so whoever knew the
// account before (its creator, who saw the activation code) is shut out of it.
import { DUMMY_HASH_INPUT, hashPassword, verifyPassword } from '../adapters/crypto/passwords.ts';
import { hashOneTimeCode } from '../adapters/crypto/one-time-code.ts';
import { deleteActivation, findActivation, takeConfirmedGrants } from '../adapters/db/stores/duties-store.ts';
import { endAllCredentials } from '../adapters/db/stores/session-store.ts';
import { findStaffByLogin, insertEffectiveRole, recordLoginFailure, setPassword, type StaffRow } from '../adapters/db/stores/staff-store.ts';
import type { Tx } from '../adapters/db/database.ts';
import { DomainError } from '../domain/errors.ts';
import type { ActivationInput } from '../domain/schemas.ts';
import { AUTH_LIMITS, parseLogin } from './authenticate.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';
import { logStaffOperation } from './staff-log.ts';

// Deliberately generic, like a failed login: the answer never says which part was wrong.
const unauthenticated = () => new DomainError('unauthenticated', 'wrong login, code or password');
let dummyHash: Promise<string> | null = null;

async function firstFactorHolds(tx: Tx, ctx: AppContext, staff: StaffRow, code: string): Promise<boolean> {
  const activation = await findActivation(tx, staff.cpasId, staff.userId, ctx.now());
  if (activation) return activation === hashOneTimeCode(code);
  return staff.passwordHash !== null && (await verifyPassword(staff.passwordHash, code));
}

export async function activateAccount(ctx: AppContext, input: ActivationInput): Promise<{ effectiveRoles: string[] }> {
  const parsed = parseLogin(input.login);
  const newHash = await hashPassword(input.newPassword);
  return runAudited(ctx, async (tx) => {
    const staff = parsed ? await findStaffByLogin(tx, parsed.cpasCode, parsed.username) : null;
    if (!staff || !staff.active) {
      dummyHash ??= hashPassword(DUMMY_HASH_INPUT);
      await verifyPassword(await dummyHash, input.code);
      return new Refusal(unauthenticated());
    }
    const now = ctx.now();
    if (staff.lockedUntil && staff.lockedUntil > now) return new Refusal(new DomainError('account-locked', 'too many failed attempts: the account is locked for a while'));
    const actor = { cpasId: staff.cpasId, userId: staff.userId, roles: staff.roles };
    const fail = async () => {
      await recordLoginFailure(tx, staff.cpasId, staff.userId, AUTH_LIMITS.maxFailures, new Date(now.getTime() + AUTH_LIMITS.lockMinutes * 60_000));
      await logStaffOperation(tx, ctx, actor, { operation: 'activate-account', outcome: 'denied', details: { user: staff.userId } });
      return new Refusal(unauthenticated());
    };
    if (!(await firstFactorHolds(tx, ctx, staff, input.code))) return fail();
    const grants = input.confirmationCode ? await takeConfirmedGrants(tx, staff.cpasId, staff.userId, hashOneTimeCode(input.confirmationCode), now) : [];
    if (input.confirmationCode && grants.length === 0) return fail();
    if (grants.length > 0) await endAllCredentials(tx, staff.cpasId, staff.userId, now);
    for (const { role } of grants) await insertEffectiveRole(tx, staff.cpasId, staff.userId, role);
    await deleteActivation(tx, staff.cpasId, staff.userId);
    await setPassword(tx, staff.cpasId, staff.userId, newHash);
    const effectiveRoles = [...new Set([...staff.roles, ...grants.map((g) => g.role)])].sort();
    await logStaffOperation(tx, ctx, { ...actor, roles: effectiveRoles as StaffRow['roles'] }, {
      operation: 'activate-account', outcome: 'allowed', details: { user: staff.userId, rolesTakingEffect: grants.map((g) => g.role), grants: grants.map((g) => g.grantId) },
    });
    return { effectiveRoles };
  });
}

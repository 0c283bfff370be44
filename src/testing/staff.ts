// Staff for tests, made through the real path of separation of duties: the operator creates the
// first manager and bootstraps the first head of social service; the manager creates the others;
// each secret-opening role is confirmed by a head of social service other than its grantor and
// redeemed by its holder. No test account gets a role by a direct insert.
import { activateAccount } from '../app/activate-account.ts';
import type { AppContext } from '../app/context.ts';
import { confirmFirstHeadAsOperator, confirmRoleGrant, grantRole, listRoleGrants } from '../app/role-grants.ts';
import { addStaffUser, addStaffUserAsOperator } from '../app/staff-accounts.ts';
import type { Actor, Role } from '../domain/roles.ts';
import { opensSecret } from '../domain/separation-of-duties.ts';

export const TEST_PASSWORD = 'test-password-2026';

export interface StaffSpec {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly language?: 'fr' | 'nl' | 'de';
}

/** Redeems each confirmed grant's code as the holder would (the first with the activation code). */
async function redeem(ctx: AppContext, login: string, password: string, activationCode: string | null, codes: readonly string[]): Promise<void> {
  let first = activationCode;
  if (codes.length === 0 && first) await activateAccount(ctx, { login, code: first, newPassword: password });
  for (const confirmationCode of codes) {
    await activateAccount(ctx, { login, code: first ?? password, newPassword: password, confirmationCode });
    first = null;
  }
}

async function confirmAll(ctx: AppContext, head: Actor, userId: string): Promise<string[]> {
  const waiting = (await listRoleGrants(ctx, head)).filter((g) => g.userId === userId && g.confirmedBy === null);
  const codes: string[] = [];
  for (const g of waiting) codes.push((await confirmRoleGrant(ctx, head, { grantId: g.grantId })).confirmationCode);
  return codes;
}

/**
 * Creates the staff of a CPAS; the first spec must be a manager (directeur général or IT
 * administrator) without a secret role. With a password, every holder activates their account
 * with it; without one, only the holders of secret-opening roles do (with TEST_PASSWORD), as
 * they must to make those roles effective, and the others stay without a password (API tokens).
 */
export async function staffThroughDuties(ctx: AppContext, cpas: { cpasId: string; code: string }, specs: readonly StaffSpec[], everyonePassword: string | null = null): Promise<Record<string, Actor>> {
  const password = everyonePassword ?? TEST_PASSWORD;
  const [manager, ...others] = specs;
  if (!manager || manager.roles.some(opensSecret)) throw new Error('the first account must be a manager without a secret-opening role');
  const actors: Record<string, Actor> = {};
  const login = (s: StaffSpec) => `${s.username}@${cpas.code}`;
  const made = await addStaffUserAsOperator(ctx, cpas.code, { ...manager, roles: [...manager.roles] });
  if (everyonePassword) await redeem(ctx, login(manager), password, made.activationCode, []);
  actors[manager.username] = { cpasId: cpas.cpasId, userId: made.userId, roles: [...manager.roles] };
  let head: Actor | null = null;
  // The first head of social service first: the operator confirms it (bootstrap), then it confirms the others.
  const ordered = [...others].sort((a, b) => Number(b.roles.includes('head-of-social-service')) - Number(a.roles.includes('head-of-social-service')));
  for (const s of ordered) {
    const account = await addStaffUser(ctx, actors[manager.username]!, { ...s, roles: [...s.roles] });
    const codes = head ? await confirmAll(ctx, head, account.userId)
      : s.roles.includes('head-of-social-service') ? [(await confirmFirstHeadAsOperator(ctx, cpas.code, s.username)).confirmationCode] : [];
    if (everyonePassword || codes.length > 0) await redeem(ctx, login(s), password, account.activationCode, codes);
    actors[s.username] = { cpasId: cpas.cpasId, userId: account.userId, roles: [...s.roles].sort() };
    if (!head && s.roles.includes('head-of-social-service')) head = actors[s.username]!;
  }
  return actors;
}

/** Grant of a secret-opening role by one account, confirmed by a second, redeemed by the holder. */
export async function grantConfirmed(
  ctx: AppContext,
  input: { grantor: Actor; confirmer: Actor; userId: string; role: Role; login: string; password: string },
): Promise<void> {
  const granted = await grantRole(ctx, input.grantor, { userId: input.userId, role: input.role });
  if (granted.state === 'effective') return;
  const { confirmationCode } = await confirmRoleGrant(ctx, input.confirmer, { grantId: granted.grantId });
  await activateAccount(ctx, { login: input.login, code: input.password, newPassword: input.password, confirmationCode });
}

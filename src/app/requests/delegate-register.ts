// The directeur général or the président lets a staff member into the register, to prepare
// answers, until a date they choose, or takes them out. Only administrative agents can be
// delegated (access-policy.ts says why); a delegate never signs. Every grant and revocation is in
// the register and the access log. The end date is required: a delegation that nobody remembers
// would keep a former secretary able to read who is investigated for terrorism.
import { findStaffById, listStaff } from '../../adapters/db/stores/staff-store.ts';
import { grantDelegate, listDelegates, revokeDelegate } from '../../adapters/db/stores/request-settings-store.ts';
import { addDays, todayIn } from '../../domain/calendar-date.ts';
import { DomainError, invalidInput, notFound } from '../../domain/errors.ts';
import { mayBeDelegate } from '../../domain/access-policy.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { checkRegister, logRegister } from './register-gate.ts';

/** The longest a delegation may run before it must be granted again. */
export const MAX_DELEGATION_DAYS = 366;

export type DelegationInput = { userId: string; grant: true; validUntil: string } | { userId: string; grant: false; validUntil?: undefined };

export async function delegateRegister(ctx: AppContext, actor: Actor, input: DelegationInput): Promise<void> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'delegate', { user: input.userId });
    if (refusal) return refusal;
    const staff = await findStaffById(tx, actor.cpasId, input.userId);
    if (!staff) return new Refusal(notFound('user'));
    if (input.grant) {
      if (!staff.active || !mayBeDelegate(staff.roles)) {
        return new Refusal(new DomainError('invalid-input', 'userId: only an active administrative agent with no other role can be delegated', 'userId'));
      }
      const today = todayIn(ctx.now);
      if (input.validUntil < today || input.validUntil > addDays(today, MAX_DELEGATION_DAYS)) {
        return new Refusal(invalidInput('validUntil', `must be a date from today to ${MAX_DELEGATION_DAYS} days from today`));
      }
      await grantDelegate(tx, actor.cpasId, input.userId, actor.userId, ctx.now(), input.validUntil);
    } else if (!(await revokeDelegate(tx, actor.cpasId, input.userId, actor.userId, ctx.now()))) {
      return new Refusal(notFound('delegation'));
    }
    await logRegister(tx, ctx, actor, {
      action: 'update',
      details: { operation: input.grant ? 'grant-delegate' : 'revoke-delegate', user: input.userId, ...(input.grant ? { validUntil: input.validUntil } : {}) },
    });
    return undefined;
  });
}

export async function listRegisterDelegates(ctx: AppContext, actor: Actor) {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'read', { view: 'delegates' });
    if (refusal) return refusal;
    const today = todayIn(ctx.now);
    return (await listDelegates(tx, actor.cpasId)).map((d) => ({
      ...d,
      active: d.revokedAt === null && (d.validUntil === null || d.validUntil >= today),
    }));
  });
}

/** Who the actor could delegate: active administrative agents with no other role. Names only, for the form. */
export async function listDelegationCandidates(ctx: AppContext, actor: Actor): Promise<{ userId: string; displayName: string }[]> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'delegate', { view: 'delegation-candidates' });
    if (refusal) return refusal;
    return (await listStaff(tx, actor.cpasId))
      .filter((s) => s.active && mayBeDelegate(s.roles))
      .map((s) => ({ userId: s.userId, displayName: s.displayName }));
  });
}

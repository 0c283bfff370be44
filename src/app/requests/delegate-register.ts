// The directeur général or the président lets a staff member into the register, to prepare
// answers, or takes them out. Only administrative agents can be delegated (access-policy.ts says
// why); a delegate never signs. Every grant and revocation is in the register and the access log.
import { findStaffById } from '../../adapters/db/stores/staff-store.ts';
import { grantDelegate, listDelegates, revokeDelegate } from '../../adapters/db/stores/request-settings-store.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { mayBeDelegate } from '../../domain/access-policy.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { checkRegister, logRegister } from './register-gate.ts';

export async function delegateRegister(ctx: AppContext, actor: Actor, input: { userId: string; grant: boolean }): Promise<void> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'delegate', { user: input.userId });
    if (refusal) return refusal;
    const staff = await findStaffById(tx, actor.cpasId, input.userId);
    if (!staff) return new Refusal(notFound('user'));
    if (input.grant) {
      if (!staff.active || !mayBeDelegate(staff.roles)) {
        return new Refusal(new DomainError('invalid-input', 'userId: only an active administrative agent with no other role can be delegated', 'userId'));
      }
      await grantDelegate(tx, actor.cpasId, input.userId, actor.userId, ctx.now());
    } else if (!(await revokeDelegate(tx, actor.cpasId, input.userId, actor.userId, ctx.now()))) {
      return new Refusal(notFound('delegation'));
    }
    await logRegister(tx, ctx, actor, { action: 'update', details: { operation: input.grant ? 'grant-delegate' : 'revoke-delegate', user: input.userId } });
    return undefined;
  });
}

export async function listRegisterDelegates(ctx: AppContext, actor: Actor) {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'read', { view: 'delegates' });
    if (refusal) return refusal;
    return listDelegates(tx, actor.cpasId);
  });
}

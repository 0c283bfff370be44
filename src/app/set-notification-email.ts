// A staff member gives (or withdraws) the address the register's notices are e-mailed to. Only
// their own: an address set by someone else could send the notices of the sealed register to a
// mailbox its reader does not control. Logged, without the address.
import { setStaffEmail } from '../adapters/db/stores/staff-store.ts';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { invalidInput } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, runAudited } from './context.ts';

const EMAIL = /^[^\s@\u0000]{1,64}@[^\s@\u0000]{1,189}\.[^\s@\u0000]{2,}$/;

export async function setMyNotificationEmail(ctx: AppContext, actor: Actor, input: { email: string | null }): Promise<void> {
  const email = input.email === null ? null : input.email.trim();
  if (email !== null && (email.length > 254 || !EMAIL.test(email))) throw invalidInput('email', 'must be an e-mail address, or null to stop e-mails');
  await runAudited(ctx, async (tx) => {
    await setStaffEmail(tx, actor.cpasId, actor.userId, email);
    await appendAccessLog(tx, {
      cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'administrative-processing', action: 'update', personId: null,
      classes: [], outcome: 'allowed', rule: 'operation', details: { operation: 'set-notification-email', email: email === null ? 'removed' : 'set' },
    }, ctx.now());
  });
}

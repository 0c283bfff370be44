// Signs a prepared answer (R14). Only the directeur général or the président signs, never a
// delegate or a social worker; never the person who prepared it (four eyes: one person alone
// cannot both choose what leaves and send it); and only the exact draft the signatory reviewed,
// named by its SHA-256 (a draft changed after review is not signed). Signing freezes the letter:
// the database refuses any later change to it.
import { loadLetter, signLetter } from '../../adapters/db/stores/request-letter-store.ts';
import { DomainError, forbidden, notFound } from '../../domain/errors.ts';
import { SIGNATORIES, type Signatory } from '../../domain/requests/assess.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { checkRegister, logRegister, moveRequest, requestOf, stateAfter } from './register-gate.ts';

/** The role the actor signs as: the one asked for if they hold it, else the first they hold. */
export function signatoryRoleOf(actor: Actor, wanted?: Signatory): Signatory | null {
  if (wanted) return actor.roles.includes(wanted) ? wanted : null;
  return SIGNATORIES.find((role) => actor.roles.includes(role)) ?? null;
}

export async function signDisclosure(
  ctx: AppContext,
  actor: Actor,
  input: { requestId: string; sha256: string; role?: Signatory },
): Promise<{ sha256: string; signedAt: Date; signatoryRole: Signatory }> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'sign', { request: input.requestId });
    if (refusal) return refusal;
    const role = signatoryRoleOf(actor, input.role);
    if (!role) return new Refusal(forbidden(`not allowed to sign as ${input.role}`));
    const request = await requestOf(tx, actor, input.requestId, true);
    if (request instanceof Refusal) return request;
    const next = stateAfter(request, 'sign');
    if (next instanceof Refusal) return next;
    const letter = await loadLetter(tx, actor.cpasId, request.requestId);
    if (!letter || letter.letterKind !== 'answer') return new Refusal(notFound('prepared answer'));
    if (letter.preparedBy === actor.userId) {
      await logRegister(tx, ctx, actor, {
        action: 'update',
        outcome: 'denied',
        details: { operation: 'sign-disclosure', request: request.requestId, reason: 'four-eyes' },
      });
      return new Refusal(forbidden('the person who prepared an answer cannot sign it: another signatory must'));
    }
    if (letter.contentSha256 !== input.sha256) {
      return new Refusal(new DomainError('invalid-state', 'the draft changed since it was reviewed: review it again before signing', 'sha256'));
    }
    const at = ctx.now();
    if (!(await signLetter(tx, actor.cpasId, request.requestId, { sha256: input.sha256, by: actor.userId, role, at }))) {
      return new Refusal(new DomainError('invalid-state', 'the answer is signed already'));
    }
    await moveRequest(tx, ctx, actor, request, next, `signed as ${role}: ${input.sha256}`);
    await logRegister(tx, ctx, actor, { action: 'update', details: { operation: 'sign-disclosure', request: request.requestId, sha256: input.sha256 } });
    return { sha256: input.sha256, signedAt: at, signatoryRole: role };
  });
}

// Records that a signed letter was sent. For an answer this is the disclosure itself: the request
// moves to sent and each file it carries data from gets a 'disclose' entry in the access log
// (purpose 'authority-request', which the person's own access view leaves out while the secrecy of
// the measure applies). A signed refusal or return only records the date it was sent.
import { loadLetter, markLetterSent } from '../../adapters/db/stores/request-letter-store.ts';
import { loadSubjects } from '../../adapters/db/stores/request-store.ts';
import { DomainError } from '../../domain/errors.ts';
import type { RegisterState } from '../../domain/requests/register-state.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { disclosedPersons, letterViewOf } from './letter-parts.ts';
import { checkRegister, logRegister, moveRequest, requestOf, stateAfter } from './register-gate.ts';

export async function markSent(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<{ state: RegisterState; sentAt: Date }> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'manage', { request: input.requestId });
    if (refusal) return refusal;
    const request = await requestOf(tx, actor, input.requestId, true);
    if (request instanceof Refusal) return request;
    const letter = await loadLetter(tx, actor.cpasId, request.requestId);
    if (!letter?.signedAt) return new Refusal(new DomainError('invalid-state', 'there is no signed letter to send'));
    const at = ctx.now();
    if (!(await markLetterSent(tx, actor.cpasId, request.requestId, actor.userId, at))) {
      return new Refusal(new DomainError('invalid-state', 'the letter is recorded as sent already'));
    }
    if (letter.letterKind !== 'answer') {
      await logRegister(tx, ctx, actor, { action: 'update', details: { operation: 'mark-sent', request: request.requestId, letter: letter.letterKind } });
      return { state: request.state, sentAt: at };
    }
    const next = stateAfter(request, 'send');
    if (next instanceof Refusal) return next;
    await moveRequest(tx, ctx, actor, request, next, `sent: ${letter.contentSha256}`);
    const view = letterViewOf(request.requestId, letter);
    for (const personId of disclosedPersons(view.content, await loadSubjects(tx, actor.cpasId, request.requestId))) {
      await logRegister(tx, ctx, actor, {
        action: 'disclose',
        personId,
        classes: view.disclosed.map((i) => i.item),
        details: { operation: 'mark-sent', request: request.requestId, sha256: letter.contentSha256 },
      });
    }
    return { state: next, sentAt: at };
  });
}

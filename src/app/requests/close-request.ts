// Closes a request that will not be answered, with a letter the directeur général or the
// président writes and signs in one step: a refusal (not a 46bis/1 request: wrong author, no
// terrorist offence, ...) or a return for completion (no reasons, no data or person named). No four
// eyes here: these letters carry nothing from any file. They do not say whether the person named is
// known to the CPAS either: being a beneficiary is itself covered by professional secrecy, and a
// request that does not qualify obtains nothing, not even that.
import { loadLetterhead, storeSignedClosingLetter } from '../../adapters/db/stores/request-letter-store.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Signatory } from '../../domain/requests/assess.ts';
import { canonicalJson, closingGrounds, sha256Hex, type ClosingContent } from '../../domain/requests/letter-content.ts';
import { closingAllowed, type RegisterState } from '../../domain/requests/register-state.ts';
import { letterLanguageOf } from '../../domain/requests/standard-reply.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { letterCpasOf, letterRequestOf } from './letter-parts.ts';
import { checkRegister, logRegister, moveRequest, requestOf, stateAfter } from './register-gate.ts';
import { signatoryRoleOf } from './sign-disclosure.ts';

export interface CloseRequestInput {
  readonly requestId: string;
  /** Required when the legal service decides (legal review): why, for the register. Never in the letter. */
  readonly comment?: string | null;
  readonly role?: Signatory;
}

export async function closeRequest(
  ctx: AppContext,
  actor: Actor,
  event: 'refuse' | 'return',
  input: CloseRequestInput,
): Promise<{ state: RegisterState; sha256: string }> {
  const kind: ClosingContent['kind'] = event === 'refuse' ? 'refusal' : 'return-for-completion';
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'sign', { request: input.requestId, letter: kind });
    if (refusal) return refusal;
    const role = signatoryRoleOf(actor, input.role);
    if (!role) return new Refusal(new DomainError('forbidden', `not allowed to sign as ${input.role}`));
    const request = await requestOf(tx, actor, input.requestId, true);
    if (request instanceof Refusal) return request;
    const next = stateAfter(request, event);
    if (next instanceof Refusal) return next;
    if (!closingAllowed(request.state, request.assessment, event)) {
      return new Refusal(new DomainError('invalid-state', `the assessment does not allow to ${event} this request (outcome ${request.assessment?.outcome ?? 'none'})`));
    }
    const byLegalService = request.state === 'legal-review';
    const comment = input.comment?.trim() || null;
    if (byLegalService && !comment) {
      return new Refusal(new DomainError('invalid-input', "comment: say what the legal service decided and why", 'comment'));
    }
    const letterhead = await loadLetterhead(tx, actor.cpasId);
    const content: ClosingContent = {
      v: 1,
      kind,
      language: letterLanguageOf(letterhead),
      cpas: letterCpasOf(letterhead),
      request: letterRequestOf(request),
      grounds: closingGrounds(request.assessment, kind, byLegalService),
    };
    const contentText = canonicalJson(content);
    const sha256 = sha256Hex(contentText);
    await storeSignedClosingLetter(tx, actor.cpasId, request.requestId, { kind, language: content.language, contentText, sha256, by: actor.userId, role, at: ctx.now() });
    await moveRequest(tx, ctx, actor, request, next, comment ?? `${kind}: ${content.grounds.join(', ')}`);
    await logRegister(tx, ctx, actor, { action: 'update', details: { operation: `${event}-request`, request: request.requestId, sha256 } });
    return { state: next, sha256 };
  });
}

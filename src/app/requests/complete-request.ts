// The authority completes a request that was returned for completion (reasons added, the data or
// the persons named): the completion is recorded on the same register entry as its next version,
// the earlier one kept as it was, and the request is assessed again. Recording it as a new request
// would split one prosecutor's demand over two entries, and the statistics would count it twice.
import { archiveRequestVersion, replaceRequestContent } from '../../adapters/db/stores/request-version-store.ts';
import { insertSubjects } from '../../adapters/db/stores/request-store.ts';
import { loadRequestSettings } from '../../adapters/db/stores/request-settings-store.ts';
import { todayIn } from '../../domain/calendar-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { ORAL_CHANNELS, type AssessmentInput } from '../../domain/requests/assess.ts';
import { dueDateOf } from '../../domain/requests/deadline.ts';
import type { RegisterState } from '../../domain/requests/register-state.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { assessRecordedRequest } from './assess-request.ts';
import { parseRequestJson } from './record-request.ts';
import { checkRegister, logRegister, moveRequest, requestOf, stateAfter } from './register-gate.ts';

export interface CompletionInput {
  readonly requestId: string;
  /** The completed request as the assessment contract reads it. */
  readonly request: unknown;
  readonly reference?: string | null;
  readonly answerBy?: string | null;
  readonly reasonsText?: string | null;
}

export async function completeReturnedRequest(
  ctx: AppContext,
  actor: Actor,
  input: CompletionInput,
): Promise<{ version: number; state: RegisterState }> {
  const request: AssessmentInput = parseRequestJson(input.request);
  // A completion is written too: an oral "complement" cannot be checked any more than an oral request.
  if ((ORAL_CHANNELS as readonly string[]).includes(request.channel)) {
    throw new DomainError('invalid-input', 'request.channel: a completion comes in writing', 'request.channel');
  }
  const version = await runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'manage', { request: input.requestId });
    if (refusal) return refusal;
    const current = await requestOf(tx, actor, input.requestId, true);
    if (current instanceof Refusal) return current;
    const to = stateAfter(current, 'complete');
    if (to instanceof Refusal) return to;
    const settings = await loadRequestSettings(tx, actor.cpasId);
    const received = request.received ?? todayIn(ctx.now);
    const answerBy = input.answerBy ?? null;
    const previous = await archiveRequestVersion(tx, actor.cpasId, current.requestId, actor.userId, ctx.now());
    const next = await replaceRequestContent(tx, ctx.secrets, actor.cpasId, current.requestId, {
      channel: request.channel, authorRole: request.author.role, authorName: request.author.name ?? null, authorOffice: request.author.office ?? null,
      reference: input.reference ?? current.reference, dated: request.dated, received, answerBy,
      dueOn: dueDateOf(received, answerBy, settings.answerDelayDays).dueOn, reasoned: request.reasoned, reasonsText: input.reasonsText ?? null,
      offences: request.offences, items: request.items,
    });
    await insertSubjects(tx, actor.cpasId, current.requestId, request.subjects ?? []);
    await moveRequest(tx, ctx, actor, current, to, `completed by the authority: version ${next} (version ${previous} kept)`);
    await logRegister(tx, ctx, actor, { action: 'update', details: { operation: 'complete-returned-request', request: current.requestId, version: next } });
    return next;
  });
  const assessed = await assessRecordedRequest(ctx, actor, { requestId: input.requestId });
  return { version, state: assessed.state };
}

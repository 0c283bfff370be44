// Intake: records a request an authority sent to the CPAS, whoever received it (R15). Everything
// the request says is kept: author, office, channel, dates, reference, reasons, offences, persons
// named, data asked for, and the scanned letter (sealed). An oral request (phone, in person) is
// recorded as an attempt and closed at once: the caller gets the standard reply to give, and
// nothing else (R4). A recorder outside the register (a social worker) loses sight of the request
// once it is recorded: it goes to the directeur général and the président, never back to them.
import { randomUUID } from 'node:crypto';
import { insertRequest, insertRequestAttachment, insertSubjects, recordStateChange, storeAssessment } from '../../adapters/db/stores/request-store.ts';
import { loadRequestSettings } from '../../adapters/db/stores/request-settings-store.ts';
import { loadLetterhead } from '../../adapters/db/stores/request-letter-store.ts';
import { DomainError } from '../../domain/errors.ts';
import { assessRequest, ORAL_CHANNELS, type AssessmentInput } from '../../domain/requests/assess.ts';
import { dueDateOf } from '../../domain/requests/deadline.ts';
import { parseAssessmentInput, RequestInputError } from '../../domain/requests/parse-request.ts';
import { mayActOnRegister } from '../../domain/access-policy.ts';
import { nextState } from '../../domain/requests/register-state.ts';
import { letterLanguageOf, STANDARD_REPLY } from '../../domain/requests/standard-reply.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, runAudited } from '../context.ts';
import { todayIn } from '../../domain/calendar-date.ts';
import { type Mail, noticeRegisterReaders, sendRegisterMails } from './register-notices.ts';
import { checkRegister, logRegister } from './register-gate.ts';

export interface RecordRequestInput {
  readonly request: AssessmentInput;
  readonly reference?: string | null;
  readonly answerBy?: string | null;
  readonly reasonsText?: string | null;
  readonly letter?: { readonly fileName: string; readonly mediaType: string; readonly content: Buffer } | null;
}

export interface RecordedRequest {
  readonly requestId: string;
  readonly kind: 'request' | 'oral-attempt';
  /** True when the recorder cannot read the register: the request is now out of their sight. */
  readonly forwarded: boolean;
  /** For an oral attempt: what to answer the caller, in the CPAS's language. */
  readonly standardReply: string | null;
}

/** Reads the request part of an intake as the assessment contract says, or invalid-input naming the field. */
export function parseRequestJson(json: unknown): AssessmentInput {
  try {
    return parseAssessmentInput(json);
  } catch (error) {
    if (error instanceof RequestInputError) throw new DomainError('invalid-input', `request.${error.message}`, `request.${error.field}`);
    throw error;
  }
}

export async function recordRequest(ctx: AppContext, actor: Actor, input: RecordRequestInput): Promise<RecordedRequest> {
  const { recorded, mails } = await recordInRegister(ctx, actor, input);
  await sendRegisterMails(ctx, mails);
  return recorded;
}

async function recordInRegister(ctx: AppContext, actor: Actor, input: RecordRequestInput): Promise<{ recorded: RecordedRequest; mails: Mail[] }> {
  const oral = (ORAL_CHANNELS as readonly string[]).includes(input.request.channel);
  const requestId = randomUUID();
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'record');
    if (refusal) return refusal;
    const now = ctx.now();
    const settings = await loadRequestSettings(tx, actor.cpasId);
    const received = input.request.received ?? todayIn(ctx.now);
    const answerBy = input.answerBy ?? null;
    const forwarded = !mayActOnRegister(actor.roles, false, 'read');
    await insertRequest(tx, ctx.secrets, actor.cpasId, {
      requestId,
      kind: oral ? 'oral-attempt' : 'request',
      channel: input.request.channel,
      authorRole: input.request.author.role,
      authorName: input.request.author.name ?? null,
      authorOffice: input.request.author.office ?? null,
      reference: input.reference ?? null,
      dated: input.request.dated,
      received,
      answerBy,
      dueOn: dueDateOf(received, answerBy, settings.answerDelayDays).dueOn,
      reasoned: input.request.reasoned,
      reasonsText: input.reasonsText ?? null,
      offences: [...input.request.offences],
      items: [...input.request.items],
      createdBy: actor.userId,
      forwarded,
    }, now);
    await insertSubjects(tx, actor.cpasId, requestId, input.request.subjects ?? []);
    await recordStateChange(tx, actor.cpasId, requestId, { from: null, to: 'received', by: actor.userId, at: now, comment: forwarded ? 'forwarded' : null });
    if (input.letter) {
      await insertRequestAttachment(tx, ctx.secrets, actor.cpasId, { requestId, attachmentId: randomUUID(), ...input.letter, uploadedBy: actor.userId, at: now });
    }
    let standardReply: string | null = null;
    if (oral) {
      // Assessed at once, so the register keeps why it was closed: R4, not written.
      const assessment = assessRequest({ ...input.request, received }, settings.config);
      await storeAssessment(tx, actor.cpasId, requestId, { assessment, settingsVersion: settings.version, by: actor.userId, at: now });
      const closed = nextState('received', 'record-oral-attempt') ?? 'refused';
      await recordStateChange(tx, actor.cpasId, requestId, { from: 'received', to: closed, by: actor.userId, at: now, comment: 'oral attempt: standard reply given' });
      standardReply = STANDARD_REPLY[letterLanguageOf(await loadLetterhead(tx, actor.cpasId))];
    }
    await logRegister(tx, ctx, actor, {
      action: 'create',
      details: { operation: 'record-authority-request', request: requestId, kind: oral ? 'oral-attempt' : 'request', subjects: (input.request.subjects ?? []).length },
    });
    // A written request waits for its readers: they are told in the application (and by a mail
    // that says nothing of it). An oral attempt is closed at once: nothing waits.
    const { mails } = oral
      ? { mails: [] }
      : await noticeRegisterReaders(tx, ctx, { cpasId: actor.cpasId, kind: 'register-new-request', requestId, exceptUserId: actor.userId, once: false });
    return { recorded: { requestId, kind: oral ? ('oral-attempt' as const) : ('request' as const), forwarded, standardReply }, mails };
  });
}

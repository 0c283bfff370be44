// One request of the register with everything recorded about it: what the authority asked (with
// its reasons, opened from their seal), the persons named and the files they were matched to, the
// assessment and the configuration that decided it, every state change with who and when, the
// scanned letter's description, and the letter of the CPAS (its hash and signature, not its
// content: showing the data sent is read-disclosure.ts, logged per file).
import { loadLetter } from '../../adapters/db/stores/request-letter-store.ts';
import {
  listRequestAttachments,
  loadStateChanges,
  loadSubjects,
  openReasons,
  type RequestAttachmentMeta,
  type RequestRecord,
  type StateChangeRecord,
  type SubjectRecord,
} from '../../adapters/db/stores/request-store.ts';
import { isOverdue } from '../../domain/requests/deadline.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { todayIn } from '../../domain/calendar-date.ts';
import { checkRegister, logRegister, requestOf } from './register-gate.ts';

export interface RequestDetail extends RequestRecord {
  readonly reasonsText: string | null;
  readonly overdue: boolean;
  readonly subjects: readonly SubjectRecord[];
  readonly history: readonly StateChangeRecord[];
  readonly attachments: readonly RequestAttachmentMeta[];
  readonly letter: {
    readonly kind: string;
    readonly sha256: string;
    readonly preparedBy: string;
    readonly preparedAt: Date;
    readonly signedBy: string | null;
    readonly signedAt: Date | null;
    readonly signatoryRole: string | null;
    readonly sentAt: Date | null;
  } | null;
}

export async function readRequest(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<RequestDetail> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'read', { request: input.requestId });
    if (refusal) return refusal;
    const request = await requestOf(tx, actor, input.requestId);
    if (request instanceof Refusal) return request;
    const letter = await loadLetter(tx, actor.cpasId, request.requestId);
    await logRegister(tx, ctx, actor, { action: 'read', details: { operation: 'read-request', request: request.requestId } });
    return {
      ...request,
      reasonsText: await openReasons(tx, ctx.secrets, actor.cpasId, request.requestId),
      overdue: isOverdue(request.dueOn, request.state, todayIn(ctx.now)),
      subjects: await loadSubjects(tx, actor.cpasId, request.requestId),
      history: await loadStateChanges(tx, actor.cpasId, request.requestId),
      attachments: await listRequestAttachments(tx, actor.cpasId, request.requestId),
      letter: letter && {
        kind: letter.letterKind,
        sha256: letter.contentSha256,
        preparedBy: letter.preparedBy,
        preparedAt: letter.preparedAt,
        signedBy: letter.signedBy,
        signedAt: letter.signedAt,
        signatoryRole: letter.signatoryRole,
        sentAt: letter.sentAt,
      },
    };
  });
}

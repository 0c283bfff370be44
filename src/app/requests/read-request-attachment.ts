// The scanned letter of the authority, opened from its seal for the register's readers.
import { openRequestAttachment } from '../../adapters/db/stores/request-store.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { checkRegister, logRegister, requestOf } from './register-gate.ts';

export async function readRequestAttachment(ctx: AppContext, actor: Actor, input: { requestId: string; attachmentId: string }) {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'read', { request: input.requestId });
    if (refusal) return refusal;
    const request = await requestOf(tx, actor, input.requestId);
    if (request instanceof Refusal) return request;
    const file = await openRequestAttachment(tx, ctx.secrets, actor.cpasId, request.requestId, input.attachmentId);
    if (!file) return new Refusal(notFound('attachment'));
    await logRegister(tx, ctx, actor, { action: 'read', details: { operation: 'read-request-attachment', request: request.requestId, attachment: input.attachmentId } });
    return file;
  });
}

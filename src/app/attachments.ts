// Uploading and downloading attachments. The attachment's own data class decides who may read it.
import { randomUUID } from 'node:crypto';
import { insertAttachment, loadAttachmentClass, loadAttachmentContent } from '../adapters/db/stores/attachment-store.ts';
import type { ItemCategory } from '../domain/data-classes.ts';
import { notFound } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';
import { gatePersonAccess, writePersonData } from './person-access.ts';

export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  input: { personId: string; purpose: Purpose; dataClass: ItemCategory; fileName: string; mediaType: string; content: Buffer },
): Promise<{ attachmentId: string }> {
  const attachmentId = randomUUID();
  await writePersonData(ctx, actor, { personId: input.personId, purpose: input.purpose, categories: [input.dataClass], logAction: 'create', details: { record: attachmentId } }, (tx) =>
    insertAttachment(tx, ctx.secrets, { ...input, cpasId: actor.cpasId, attachmentId, uploadedBy: actor.userId }),
  );
  return { attachmentId };
}

export async function readAttachment(ctx: AppContext, actor: Actor, input: { attachmentId: string; purpose: Purpose }) {
  return runAudited(ctx, async (tx) => {
    const meta = await loadAttachmentClass(tx, actor.cpasId, input.attachmentId);
    if (!meta) return new Refusal(notFound('attachment'));
    const grant = await gatePersonAccess(tx, ctx, actor, {
      personId: meta.personId,
      purpose: input.purpose,
      action: 'read',
      logAction: 'read',
      categories: [meta.dataClass],
      partial: false,
      details: { record: input.attachmentId },
    });
    if (grant instanceof Refusal) return grant;
    return (await loadAttachmentContent(tx, ctx.secrets, grant.grant, input.attachmentId)) ?? new Refusal(notFound('attachment'));
  });
}

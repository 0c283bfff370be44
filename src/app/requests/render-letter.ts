// The PDF of a letter of the register, rendered from its frozen content. A draft answer renders
// too, marked on its face, so the preparer and the signatory read exactly what would leave.
// Opening an answer shows data from the files it concerns: one access-log entry per file.
import { loadLetter, staffDisplayName } from '../../adapters/db/stores/request-letter-store.ts';
import { loadSubjects } from '../../adapters/db/stores/request-store.ts';
import { renderResponseLetter } from '../../adapters/pdf/response-letter.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { disclosedPersons, letterViewOf } from './letter-parts.ts';
import { checkRegister, logRegister, requestOf } from './register-gate.ts';

export async function renderRequestLetter(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<{ pdf: Buffer; signed: boolean; sha256: string }> {
  const loaded = await runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'manage', { request: input.requestId });
    if (refusal) return refusal;
    const request = await requestOf(tx, actor, input.requestId);
    if (request instanceof Refusal) return request;
    const letter = await loadLetter(tx, actor.cpasId, request.requestId);
    if (!letter) return new Refusal(notFound('letter'));
    const view = letterViewOf(request.requestId, letter);
    for (const personId of disclosedPersons(view.content, await loadSubjects(tx, actor.cpasId, request.requestId))) {
      await logRegister(tx, ctx, actor, {
        action: 'read',
        personId,
        classes: view.disclosed.map((i) => i.item),
        details: { operation: 'render-letter', request: request.requestId },
      });
    }
    const signerName = letter.signedBy ? await staffDisplayName(tx, actor.cpasId, letter.signedBy) : null;
    return { letter, view, signerName };
  });
  const { letter, view, signerName } = loaded;
  const signature = letter.signedAt && letter.signatoryRole && signerName !== null
    ? { name: signerName, role: letter.signatoryRole, signedAt: letter.signedAt }
    : null;
  const pdf = await renderResponseLetter({ content: view.content, sha256: letter.contentSha256, signature, date: letter.signedAt ?? ctx.now() });
  return { pdf, signed: signature !== null, sha256: letter.contentSha256 };
}

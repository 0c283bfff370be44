// The PDF of a letter of the register, rendered from its frozen content. A draft answer renders
// too, marked on its face, so the preparer and the signatory read exactly what would leave.
// Opening an answer logs a read of each file it shows data from (open-letter.ts).
import { signatoryTitle, staffDisplayName } from '../../adapters/db/stores/request-letter-store.ts';
import { renderResponseLetter } from '../../adapters/pdf/response-letter.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { openLetter } from './open-letter.ts';

export async function renderRequestLetter(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<{ pdf: Buffer; signed: boolean; sha256: string }> {
  const loaded = await runAudited(ctx, async (tx) => {
    const opened = await openLetter(tx, ctx, actor, { requestId: input.requestId, operation: 'render-letter' });
    if (opened instanceof Refusal) return opened;
    const { letter, view } = opened;
    const signerName = letter.signedBy ? await staffDisplayName(tx, actor.cpasId, letter.signedBy) : null;
    const title = letter.signatoryRole ? await signatoryTitle(tx, actor.cpasId, letter.signatoryRole) : null;
    return { letter, view, signerName, title };
  });
  const { letter, view, signerName, title } = loaded;
  const signature = letter.signedAt && letter.signatoryRole && signerName !== null
    ? { name: signerName, role: letter.signatoryRole, title, signedAt: letter.signedAt }
    : null;
  const pdf = await renderResponseLetter({ content: view.content, sha256: letter.contentSha256, signature, date: letter.signedAt ?? ctx.now() });
  return { pdf, signed: signature !== null, sha256: letter.contentSha256 };
}

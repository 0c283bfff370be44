// Shows a letter of the register as it stands: for an answer, what leaves item by item and what is
// withheld and why, with its SHA-256, which the signatory sends back when signing.
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import type { LetterView } from './letter-parts.ts';
import { openLetter } from './open-letter.ts';

export async function readDisclosure(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<LetterView> {
  return runAudited(ctx, async (tx) => {
    const opened = await openLetter(tx, ctx, actor, { requestId: input.requestId, operation: 'read-disclosure' });
    return opened instanceof Refusal ? opened : opened.view;
  });
}

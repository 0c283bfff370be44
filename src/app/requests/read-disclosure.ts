// Shows a letter of the register as it stands: for an answer, what leaves item by item and what is
// withheld and why, with its SHA-256, which the signatory sends back when signing. Showing an
// answer shows data from the files it concerns: one access-log entry per file.
import { loadLetter } from '../../adapters/db/stores/request-letter-store.ts';
import { loadSubjects } from '../../adapters/db/stores/request-store.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { disclosedPersons, letterViewOf, type LetterView } from './letter-parts.ts';
import { checkRegister, logRegister, requestOf } from './register-gate.ts';

export async function readDisclosure(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<LetterView> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'manage', { request: input.requestId });
    if (refusal) return refusal;
    const request = await requestOf(tx, actor, input.requestId);
    if (request instanceof Refusal) return request;
    const letter = await loadLetter(tx, actor.cpasId, request.requestId);
    if (!letter) return new Refusal(notFound('letter'));
    const view = letterViewOf(request.requestId, letter);
    const categories = view.disclosed.map((i) => i.item);
    for (const personId of disclosedPersons(view.content, await loadSubjects(tx, actor.cpasId, request.requestId))) {
      await logRegister(tx, ctx, actor, { action: 'read', personId, classes: categories, details: { operation: 'read-disclosure', request: request.requestId } });
    }
    return view;
  });
}

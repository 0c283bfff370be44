// Opens a letter of the register for someone who manages it. Showing an answer shows data from
// the files it concerns, so each such file gets its access-log entry, in the caller's transaction.
import type { Tx } from '../../adapters/db/database.ts';
import { type LetterRecord, loadLetter } from '../../adapters/db/stores/request-letter-store.ts';
import { loadSubjects } from '../../adapters/db/stores/request-store.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal } from '../context.ts';
import { disclosedPersons, letterViewOf, type LetterView } from './letter-parts.ts';
import { checkRegister, logRegister, requestOf } from './register-gate.ts';

export async function openLetter(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  input: { requestId: string; operation: 'read-disclosure' | 'render-letter' },
): Promise<{ letter: LetterRecord; view: LetterView } | Refusal> {
  const refusal = await checkRegister(tx, ctx, actor, 'manage', { request: input.requestId });
  if (refusal) return refusal;
  const request = await requestOf(tx, actor, input.requestId);
  if (request instanceof Refusal) return request;
  const letter = await loadLetter(tx, actor.cpasId, request.requestId);
  if (!letter) return new Refusal(notFound('letter'));
  const view = letterViewOf(request.requestId, letter);
  const classes = view.disclosed.map((i) => i.item);
  for (const personId of disclosedPersons(view.content, await loadSubjects(tx, actor.cpasId, request.requestId))) {
    await logRegister(tx, ctx, actor, { action: 'read', personId, classes, details: { operation: input.operation, request: request.requestId } });
  }
  return { letter, view };
}

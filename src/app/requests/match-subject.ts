// Confirms which file is the person a request names, or that the CPAS holds none (R37). A person
// decides and is recorded (matched_by, matched_at): the answer will concern exactly that file, so
// a wrong match would send one person's data about another. When the request gives a national
// number, a file with a different one is refused outright.
import { nissOfPerson } from '../../adapters/db/stores/person-niss-store.ts';
import { loadSubjects, recordMatch, type SubjectRecord } from '../../adapters/db/stores/request-store.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { checkRegister, logRegister, requestOf } from './register-gate.ts';

export async function matchSubject(
  ctx: AppContext,
  actor: Actor,
  input: { requestId: string; position: number; personId: string | null },
): Promise<SubjectRecord> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'manage', { request: input.requestId });
    if (refusal) return refusal;
    const request = await requestOf(tx, actor, input.requestId, true);
    if (request instanceof Refusal) return request;
    // After a draft exists, a new match would leave the draft about someone else: re-assess first.
    if (!['received', 'assessed', 'legal-review'].includes(request.state)) {
      return new Refusal(new DomainError('invalid-state', `a request in state "${request.state}" cannot change its matches`));
    }
    const subject = (await loadSubjects(tx, actor.cpasId, request.requestId)).find((s) => s.position === input.position);
    if (!subject) return new Refusal(notFound('subject'));
    if (input.personId) {
      const person = await nissOfPerson(tx, actor.cpasId, input.personId);
      if (!person) return new Refusal(notFound('person'));
      if (subject.givenNiss && person.niss && person.niss !== subject.givenNiss) {
        return new Refusal(new DomainError('invalid-input', 'personId: this file has another national number than the request gives', 'personId'));
      }
    }
    const matched = await recordMatch(tx, actor.cpasId, request.requestId, subject.position, { personId: input.personId, by: actor.userId, at: ctx.now() });
    await logRegister(tx, ctx, actor, {
      action: 'update',
      personId: input.personId,
      // The file's national number was read to compare it with the request's.
      classes: input.personId ? ['identity'] : [],
      details: { operation: 'match-subject', request: request.requestId, subject: subject.position, result: input.personId ? 'matched' : 'no-file' },
    });
    return matched ?? new Refusal(notFound('subject'));
  });
}

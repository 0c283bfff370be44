// The files that may be the person a request names: by national number when the request gives
// one, else by name and birth date (or name alone, which gives more candidates). The software
// proposes; a person chooses (match-subject.ts). This is a search of identities for the request,
// logged as such with purpose 'authority-request': criteria kinds, count and the ids found.
import { loadSubjects } from '../../adapters/db/stores/request-store.ts';
import { searchPersonRows, type PersonSummary } from '../../adapters/db/stores/search-store.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { checkRegister, logRegister, requestOf } from './register-gate.ts';

const MAX_CANDIDATES = 10;

export async function findSubjectCandidates(
  ctx: AppContext,
  actor: Actor,
  input: { requestId: string; position: number },
): Promise<{ criteria: string[]; candidates: PersonSummary[] }> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'manage', { request: input.requestId });
    if (refusal) return refusal;
    const request = await requestOf(tx, actor, input.requestId);
    if (request instanceof Refusal) return request;
    // A refused or returned request is not answered: nobody needs to know whether its person has a file.
    if (!['received', 'assessed', 'legal-review'].includes(request.state)) {
      return new Refusal(new DomainError('invalid-state', `a request in state "${request.state}" needs no matching`));
    }
    const subject = (await loadSubjects(tx, actor.cpasId, request.requestId)).find((s) => s.position === input.position);
    if (!subject) return new Refusal(notFound('subject'));
    const query = subject.givenNiss
      ? { niss: subject.givenNiss }
      : { name: subject.givenName ?? undefined, birthDate: subject.givenBirthDate ?? undefined };
    const criteria = Object.entries(query).filter(([, v]) => v).map(([k]) => k);
    const candidates = await searchPersonRows(tx, actor.cpasId, { ...query, limit: MAX_CANDIDATES });
    await logRegister(tx, ctx, actor, {
      action: 'search',
      classes: ['identity'],
      details: { operation: 'find-subject-candidates', request: request.requestId, subject: subject.position, criteria, count: candidates.length, persons: candidates.map((c) => c.personId) },
    });
    return { criteria, candidates };
  });
}

// Prepares the answer to a qualifying request: for each person matched to a file, the data of each
// category the assessment decided `disclose`, read by the disclosure projection (a database role
// that cannot read secret tables), and, for every other item, the reason and source it is withheld
// for. The draft is stored as canonical JSON with its SHA-256; the preparer sees exactly what
// would leave. Someone else signs it (sign-disclosure.ts).
//
// Three transactions, in this order: (1) the right to prepare is checked and the read of each
// file is logged and committed, so no read is ever unlogged; (2) the projection reads as
// confiance_disclosure, which can write nothing, not even a log entry; (3) the draft is stored only
// if the request is still in the state and assessment step 1 saw, else nothing is kept.
import { loadLetterhead, storeDraftAnswer } from '../../adapters/db/stores/request-letter-store.ts';
import { loadSubjects, type RequestRecord, type SubjectRecord } from '../../adapters/db/stores/request-store.ts';
import { projectDisclosure } from '../../adapters/db/stores/disclosure-store.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Assessment } from '../../domain/requests/assess.ts';
import type { ItemCategory } from '../../domain/requests/items.ts';
import { canonicalJson, sha256Hex, type AnswerContent } from '../../domain/requests/letter-content.ts';
import { preparationBlocker } from '../../domain/requests/register-state.ts';
import { letterLanguageOf } from '../../domain/requests/standard-reply.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { letterCpasOf, letterRequestOf, letterViewOf, type LetterView } from './letter-parts.ts';
import { checkRegister, logRegister, moveRequest, requestOf, stateAfter } from './register-gate.ts';

interface Checked {
  request: RequestRecord;
  assessment: Assessment;
  subjects: SubjectRecord[];
  categories: ItemCategory[];
  personIds: string[];
}

const stale = () => new Refusal(new DomainError('invalid-state', 'the request changed while the answer was prepared: prepare it again'));

async function checkAndLog(ctx: AppContext, actor: Actor, requestId: string): Promise<Checked> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'manage', { request: requestId });
    if (refusal) return refusal;
    const request = await requestOf(tx, actor, requestId);
    if (request instanceof Refusal) return request;
    const next = stateAfter(request, 'prepare');
    if (next instanceof Refusal) return next;
    const assessment = request.assessment;
    if (!assessment) return new Refusal(new DomainError('invalid-state', 'the request has not been assessed'));
    const subjects = await loadSubjects(tx, actor.cpasId, request.requestId);
    const blocker = preparationBlocker(assessment, subjects.map((s) => s.matchState));
    if (blocker) return new Refusal(new DomainError('invalid-state', `cannot prepare the answer: ${blocker}`));
    const categories = assessment.items.filter((i) => i.decision === 'disclose').map((i) => i.item);
    const personIds = [...new Set(subjects.flatMap((s) => (s.personId ? [s.personId] : [])))];
    for (const personId of personIds) {
      await logRegister(tx, ctx, actor, {
        action: 'read',
        personId,
        classes: categories,
        details: { operation: 'prepare-disclosure', request: request.requestId },
      });
    }
    return { request, assessment, subjects, categories, personIds };
  });
}

export async function prepareDisclosure(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<LetterView> {
  const checked = await checkAndLog(ctx, actor, input.requestId);
  const data = checked.categories.length > 0 ? await projectDisclosure(ctx.db, actor.cpasId, checked.personIds, checked.categories) : new Map();
  return runAudited(ctx, async (tx) => {
    const request = await requestOf(tx, actor, input.requestId, true);
    if (request instanceof Refusal) return request;
    if (request.state !== checked.request.state || request.assessedAt?.getTime() !== checked.request.assessedAt?.getTime()) return stale();
    const subjects = await loadSubjects(tx, actor.cpasId, request.requestId);
    if (JSON.stringify(subjects) !== JSON.stringify(checked.subjects)) return stale();
    const next = stateAfter(request, 'prepare');
    if (next instanceof Refusal) return next;
    const letterhead = await loadLetterhead(tx, actor.cpasId);
    const content: AnswerContent = {
      v: 1,
      kind: 'answer',
      language: letterLanguageOf(letterhead),
      cpas: letterCpasOf(letterhead),
      request: letterRequestOf(request),
      items: checked.assessment.items,
      subjects: subjects.map((s) => ({
        position: s.position,
        asGiven: { name: s.givenName, niss: s.givenNiss, birthDate: s.givenBirthDate },
        file: s.personId ? 'found' : 'none',
        data: s.personId ? (data.get(s.personId) ?? {}) : {},
      })),
      configuration: { ...checked.assessment.configuration, settingsVersion: request.assessmentSettingsVersion },
    };
    const contentText = canonicalJson(content);
    const sha256 = sha256Hex(contentText);
    const at = ctx.now();
    if (!(await storeDraftAnswer(tx, actor.cpasId, request.requestId, { language: content.language, contentText, sha256, by: actor.userId, at }))) {
      return new Refusal(new DomainError('invalid-state', 'the answer is signed already'));
    }
    await moveRequest(tx, ctx, actor, request, next, `prepared: ${sha256}`);
    return letterViewOf(request.requestId, {
      letterKind: 'answer', language: content.language, contentText, contentSha256: sha256, preparedBy: actor.userId, preparedAt: at,
      signedBy: null, signedAt: null, signatoryRole: null, sentBy: null, sentAt: null,
    });
  });
}

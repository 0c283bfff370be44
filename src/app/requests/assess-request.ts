// Runs the legal assessment (assessRequest, pure) on a recorded request with the CPAS's current
// configuration, stores it with the configuration's id and the settings version that decided it,
// and moves the request: to assessed, or to legal review while any question is the legal
// service's. Run again after the legal service changed the configuration; a new assessment voids
// an unsigned draft (the draft was built on the old one).
import { loadSubjects, storeAssessment, type RequestRecord, type SubjectRecord } from '../../adapters/db/stores/request-store.ts';
import { loadRequestSettings } from '../../adapters/db/stores/request-settings-store.ts';
import { assessRequest, type Assessment, type AssessmentInput } from '../../domain/requests/assess.ts';
import { assessmentEvent, type RegisterState } from '../../domain/requests/register-state.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { checkRegister, logRegister, moveRequest, requestOf, stateAfter } from './register-gate.ts';

/** The request as the assessment contract reads it, rebuilt from the register. */
export function assessmentInputOf(request: RequestRecord, subjects: readonly SubjectRecord[]): AssessmentInput {
  const present = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as T;
  return {
    dated: request.dated,
    received: request.received,
    channel: request.channel,
    author: present({ role: request.authorRole, name: request.authorName ?? undefined, office: request.authorOffice ?? undefined }),
    reasoned: request.reasoned,
    offences: request.offences,
    subjects: subjects.map((s) => present({ niss: s.givenNiss ?? undefined, name: s.givenName ?? undefined, birthDate: s.givenBirthDate ?? undefined })),
    items: request.items,
  };
}

export async function assessRecordedRequest(
  ctx: AppContext,
  actor: Actor,
  input: { requestId: string },
): Promise<{ state: RegisterState; assessment: Assessment; settingsVersion: number }> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'manage', { request: input.requestId });
    if (refusal) return refusal;
    const request = await requestOf(tx, actor, input.requestId, true);
    if (request instanceof Refusal) return request;
    const settings = await loadRequestSettings(tx, actor.cpasId);
    const assessment = assessRequest(assessmentInputOf(request, await loadSubjects(tx, actor.cpasId, request.requestId)), settings.config);
    const to = stateAfter(request, assessmentEvent(assessment));
    if (to instanceof Refusal) return to;
    await storeAssessment(tx, actor.cpasId, request.requestId, { assessment, settingsVersion: settings.version, by: actor.userId, at: ctx.now() });
    await moveRequest(tx, ctx, actor, request, to, `assessed: ${assessment.outcome} (configuration ${assessment.configuration.id})`);
    await logRegister(tx, ctx, actor, {
      action: 'update',
      details: { operation: 'assess-request', request: request.requestId, outcome: assessment.outcome, configuration: assessment.configuration.id },
    });
    return { state: to, assessment, settingsVersion: settings.version };
  });
}

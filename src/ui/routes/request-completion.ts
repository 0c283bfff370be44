// The completion of a request the CPAS returned to the authority: the intake form again, filled
// with what the authority first sent, recorded on the same register entry as its next version
// (app/requests/complete-request.ts) and assessed again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { completeReturnedRequest } from '../../app/requests/complete-request.ts';
import { readRequest } from '../../app/requests/read-request.ts';
import { requireRegisterRight } from '../../app/requests/register-rights.ts';
import { DomainError } from '../../domain/errors.ts';
import type { FieldError } from '../components.ts';
import { asForm } from '../forms.ts';
import { intakePage, type IntakeValues } from '../pages/register.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf } from '../request.ts';
import { intakeValues, intakeValuesOfRequest, readIntake } from './request-intake.ts';

export function registerCompletionRoutes(ui: FastifyInstance, { ctx }: UiDeps, requestIdOf: (request: FastifyRequest) => string): void {
  /**
   * The right and the state are checked before the form is shown: someone who may not record the
   * completion, or a request that was not returned, gets the refusal before typing anything.
   */
  const show = async (request: FastifyRequest, reply: FastifyReply, values: IntakeValues | null, errors: Record<string, FieldError>, status: number) => {
    const session = sessionOf(request);
    const requestId = requestIdOf(request);
    await requireRegisterRight(ctx, session.actor, 'manage', { request: requestId });
    const detail = await readRequest(ctx, session.actor, { requestId });
    if (detail.state !== 'returned-for-completion') throw new DomainError('invalid-state', `cannot complete in state ${detail.state}`);
    return sendPage(request, reply, intakePage(uiOf(request).t, {
      csrfToken: session.csrfToken, forwarding: false, completionOf: requestId, values: values ?? intakeValuesOfRequest(detail), errors,
    }), status);
  };

  ui.get('/requests/:requestId/completion', async (request, reply) => show(request, reply, null, {}, 200));

  ui.post('/requests/:requestId/completion', async (request, reply) => {
    const requestId = requestIdOf(request);
    const values = intakeValues(asForm(request.body));
    const { errors, input } = readIntake(uiOf(request).t, values, null);
    if (!input) return show(request, reply, values, errors, 400);
    await completeReturnedRequest(ctx, sessionOf(request).actor, {
      requestId, request: input.request, reference: input.reference, answerBy: input.answerBy, reasonsText: input.reasonsText,
    });
    return seeOther(reply, `/requests/${requestId}?done=completed`);
  });
}

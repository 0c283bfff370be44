// The staff queue of data-protection rights requests (src/app/citizen/handle-rights-requests.ts):
// every step is decided by the use case through the access policy; a page only shows the steps
// the request's state allows.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { approveCopy, extendRightsDeadline, listRightsQueue, markAnswered, readRightsStatement, recordDeskRequest, redactCopy } from '../../app/citizen/handle-rights-requests.ts';
import { DomainError, forbidden, notFound } from '../../domain/errors.ts';
import { mayRecordDeskRequest } from '../../domain/rights-requests.ts';
import type { FieldErrors } from '../components.ts';
import { asForm, formText } from '../forms.ts';
import { deskRequestPage, rightsQueuePage, rightsRequestPage } from '../pages/rights-queue.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf } from '../request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerRightsRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, requestId: string, errors: FieldErrors, status = 200) => {
    const session = sessionOf(request);
    const found = UUID.test(requestId) ? (await listRightsQueue(ctx, session.actor)).find((r) => r.requestId === requestId) : undefined;
    if (!found) throw notFound('rights request');
    // The desk is refused (and the refusal logged); the page then shows the request without the person's words.
    const statement = await readRightsStatement(ctx, session.actor, { requestId }).catch((error: unknown) => {
      if (error instanceof DomainError && (error.code === 'forbidden' || error.code === 'purpose-required')) return null;
      throw error;
    });
    return sendPage(request, reply, rightsRequestPage(uiOf(request).t, session.csrfToken, found, statement, errors, (request.query as { done?: string }).done === '1'), status);
  };

  registerDeskRoutes(ui, { ctx });

  ui.get('/rights-requests', async (request, reply) =>
    sendPage(request, reply, rightsQueuePage(uiOf(request).t, await listRightsQueue(ctx, sessionOf(request).actor))));

  ui.get('/rights-requests/:requestId', async (request, reply) => show(request, reply, (request.params as { requestId: string }).requestId, {}));

  ui.post('/rights-requests/:requestId/:step', async (request, reply) => {
    const { t } = uiOf(request);
    const { actor } = sessionOf(request);
    const { requestId, step } = request.params as { requestId: string; step: string };
    if (!UUID.test(requestId)) throw notFound('rights request');
    const body = asForm(request.body);
    try {
      if (step === 'extend') await extendRightsDeadline(ctx, actor, { requestId, reason: formText(body, 'reason') });
      else if (step === 'redact') await redactCopy(ctx, actor, { requestId, title: t.t('rightsKind.copy'), redactedText: formText(body, 'redactedText') });
      else if (step === 'approve') await approveCopy(ctx, actor, { requestId });
      else if (step === 'answer') await markAnswered(ctx, actor, { requestId });
      else throw notFound('step');
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
      // The field at fault, never its value.
      const errors: FieldErrors = error.field === 'reason'
        ? { reason: { id: 'reason', message: t.t('rights.error.reason') } }
        : { redactedText: { id: 'redactedText', message: t.t('rights.error.text') } };
      return show(request, reply, requestId, errors, 400);
    }
    // A released or answered request leaves the queue: back to the queue then.
    const stillOpen = step !== 'answer';
    return seeOther(reply, stillOpen ? `/rights-requests/${requestId}?done=1` : '/rights-requests');
  });
}

/** A request made in person at the desk, recorded from the person's file. */
function registerDeskRoutes(ui: FastifyInstance, { ctx }: Pick<UiDeps, 'ctx'>): void {
  const personIdOf = (request: FastifyRequest) => {
    const personId = (request.params as { personId: string }).personId;
    if (!UUID.test(personId)) throw notFound('person');
    return personId;
  };
  const show = (request: FastifyRequest, reply: FastifyReply, values: { kind: string; statement: string }, errors: FieldErrors, status: number) => {
    const session = sessionOf(request);
    // Refused before the form: what the person said is not typed into a form the use case would refuse.
    if (!mayRecordDeskRequest(session.actor.roles)) throw forbidden('record a rights request');
    return sendPage(request, reply, deskRequestPage(uiOf(request).t, { csrfToken: session.csrfToken, personId: personIdOf(request), ...values, errors }), status);
  };

  ui.get('/persons/:personId/rights-requests/new', async (request, reply) => show(request, reply, { kind: '', statement: '' }, {}, 200));

  ui.post('/persons/:personId/rights-requests', async (request, reply) => {
    const { t } = uiOf(request);
    const personId = personIdOf(request);
    const body = asForm(request.body);
    const values = { kind: formText(body, 'kind'), statement: formText(body, 'statement') };
    try {
      await recordDeskRequest(ctx, sessionOf(request).actor, { personId, ...values });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
      const field = error.field === 'kind' ? 'kind' : 'statement';
      return show(request, reply, values, { [field]: { id: field, message: t.t(field === 'kind' ? 'rights.error.kind' : 'rights.error.statement') } }, 400);
    }
    return seeOther(reply, `/persons/${personId}?saved=rights-request`);
  });
}

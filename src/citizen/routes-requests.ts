// The person's rights requests in the portal: the list with states and deadlines, the form, and
// the download of an approved copy. The copy's request id is in the path, but the use case answers
// "not found" for any request that is not this person's approved copy, so changing it reaches
// nothing; an id that is not a UUID never reaches the database.
import type { FastifyInstance } from 'fastify';
import { downloadMyCopy, myRightsRequests, submitRightsRequest } from '../app/citizen/rights-requests.ts';
import { DomainError } from '../domain/errors.ts';
import type { FieldErrors } from '../ui/components.ts';
import { asForm, formText } from '../ui/forms.ts';
import { requestsPage, type RequestForm } from './pages/requests.ts';
import { type CitizenDeps, citizenOf, citizenStateOf, sendCitizenPage } from './plugin.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMPTY: RequestForm = { kind: '', statement: '', errors: {} };

export function registerCitizenRequestRoutes(portal: FastifyInstance, deps: CitizenDeps): void {
  portal.get('/requests', async (request, reply) => {
    const { t, csrfToken } = citizenStateOf(request);
    const requests = await myRightsRequests(deps.ctx, citizenOf(request));
    const sent = (request.query as { sent?: unknown }).sent === '1';
    return sendCitizenPage(deps, request, reply, requestsPage(t, csrfToken!, requests, EMPTY, sent));
  });

  portal.post('/requests', async (request, reply) => {
    const { t, csrfToken } = citizenStateOf(request);
    const citizen = citizenOf(request);
    const body = asForm(request.body);
    const form = { kind: formText(body, 'kind'), statement: formText(body, 'statement') };
    try {
      await submitRightsRequest(deps.ctx, citizen, form);
      return reply.redirect('/citizen/requests?sent=1', 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
      // The field at fault, never the value: the form is shown again with what was typed.
      const errors: FieldErrors = error.field === 'kind'
        ? { kind: { id: 'kind', message: t.t('requests.error.kind') } }
        : { statement: { id: 'statement', message: t.t('requests.error.statement') } };
      const requests = await myRightsRequests(deps.ctx, citizen);
      return sendCitizenPage(deps, request, reply, requestsPage(t, csrfToken!, requests, { ...form, errors }, false), 400);
    }
  });

  portal.get('/requests/:requestId/copy.pdf', async (request, reply) => {
    const { requestId } = request.params as { requestId: string };
    if (!UUID.test(requestId)) throw new DomainError('not-found', 'copy not found');
    const pdf = await downloadMyCopy(deps.ctx, citizenOf(request), { requestId });
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="copy.pdf"').send(pdf);
  });
}

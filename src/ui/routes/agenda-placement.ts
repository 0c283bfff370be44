// The social service's side of the agenda: from a person's file, put one of their applications on
// the agenda of an open session. The form is shown only once the use case allowed it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { placeOnAgenda } from '../../app/council/place-on-agenda.ts';
import { prepareAgendaPlacement } from '../../app/council/prepare-agenda-placement.ts';
import { agendaPlacementInput } from '../../domain/council.ts';
import { notFound } from '../../domain/errors.ts';
import type { FieldErrors } from '../components.ts';
import { asForm, formText } from '../forms.ts';
import { placementPage } from '../pages/agenda-placement.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function personIdOf(request: FastifyRequest): string {
  const personId = urlText(request, 'params', 'personId');
  if (!UUID.test(personId)) throw notFound('person');
  return personId;
}

export function registerAgendaPlacementRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, values: { applicationId: string; sessionId: string }, errors: FieldErrors, status = 200) => {
    const session = sessionOf(request);
    const personId = personIdOf(request);
    const choices = await prepareAgendaPlacement(ctx, session.actor, { personId });
    return sendPage(request, reply, placementPage(uiOf(request).t, {
      personId, choices, csrfToken: session.csrfToken, values, errors, done: urlText(request, 'query', 'done') === '1',
    }), status);
  };

  ui.get('/persons/:personId/agenda', async (request, reply) => show(request, reply, { applicationId: '', sessionId: '' }, {}));

  ui.post('/persons/:personId/agenda', async (request, reply) => {
    const { t } = uiOf(request);
    const personId = personIdOf(request);
    const body = asForm(request.body);
    const values = { applicationId: formText(body, 'applicationId'), sessionId: formText(body, 'sessionId') };
    const parsed = agendaPlacementInput.safeParse(values);
    if (!parsed.success) {
      // Both are choices among listed ids: a missing or altered one is simply "choose".
      const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
      const errors: Record<string, { id: string; message: string }> = {};
      if (fields.has('applicationId')) errors.applicationId = { id: 'applicationId', message: t.t('error.choose', { field: t.t('placement.application') }) };
      if (fields.has('sessionId')) errors.sessionId = { id: 'sessionId', message: t.t('error.choose', { field: t.t('placement.session') }) };
      return show(request, reply, values, errors, 400);
    }
    await placeOnAgenda(ctx, sessionOf(request).actor, { personId, placement: parsed.data });
    return seeOther(reply, `/persons/${personId}/agenda?done=1`);
  });
}

// The council's and committee's agenda: sessions, items and decisions for the members, scheduling
// and closing for the secretariat and the chair. Handlers read the form, validate it with the
// domain's schema, call a use case, and render; the use cases decide and log.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import { closeCouncilSession } from '../../app/council/close-council-session.ts';
import { createCouncilSession } from '../../app/council/create-council-session.ts';
import { decideAgendaItem } from '../../app/council/decide-agenda-item.ts';
import { listCouncilSessions } from '../../app/council/list-council-sessions.ts';
import { openAgendaItem } from '../../app/council/open-agenda-item.ts';
import { openCouncilSession } from '../../app/council/open-council-session.ts';
import { mayPerform } from '../../domain/access-policy.ts';
import { agendaDecisionInput, councilSessionInput, DECISION_RULES } from '../../domain/council.ts';
import { notFound } from '../../domain/errors.ts';
import type { FieldErrors } from '../components.ts';
import { asForm, dateParts, fieldErrors, formText, type FormBody, isoFromParts, optional } from '../forms.ts';
import type { Translator } from '../i18n/index.ts';
import { agendaItemPage, type DecisionValues, EMPTY_DECISION } from '../pages/agenda-item.ts';
import { agendaPage, councilSessionPage } from '../pages/agenda.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function idOf(request: FastifyRequest, name: 'sessionId' | 'itemId'): string {
  const id = urlText(request, 'params', name);
  if (!UUID.test(id)) throw notFound(name === 'sessionId' ? 'session' : 'agenda item');
  return id;
}

/** Euros as people type them ("1263,17", "1 263.17", "800") in cents; null when empty; NaN (refused by the schema) otherwise. */
export function euroCents(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return null;
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(compact);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : Number.NaN;
}

function decisionValues(body: FormBody): DecisionValues {
  return {
    outcome: formText(body, 'outcome'), amount: formText(body, 'amount').trim(), periodFrom: dateParts(body, 'periodFrom'),
    periodTo: dateParts(body, 'periodTo'), motivation: formText(body, 'motivation'),
  };
}

/** The schema's issues in the page's words: the rules across fields get their own sentence. */
function decisionErrors(error: ZodError, t: Translator): FieldErrors {
  const errors = fieldErrors(error, {
    outcome: { id: 'outcome', label: t.t('agenda.outcome'), kind: 'choice' },
    amountCents: { id: 'amount', label: t.t('agenda.amount'), messages: { required: t.t('agenda.error.amount'), tooShort: t.t('agenda.error.amount') } },
    periodFrom: { id: 'periodFrom', label: t.t('agenda.periodFrom'), kind: 'date' },
    periodTo: { id: 'periodTo', label: t.t('agenda.periodTo'), kind: 'date' },
    motivation: { id: 'motivation', label: t.t('agenda.motivation') },
  }, t);
  const worded = { amountCents: 'agenda.error.amountRefused', periodTo: 'agenda.error.periodTo', periodFrom: 'agenda.error.periodFrom' } as const;
  for (const field of Object.keys(worded) as (keyof typeof worded)[]) {
    const rule = error.issues.find((i) => i.path[0] === field && i.message === DECISION_RULES[field]);
    if (rule && errors[field]) errors[field] = { id: errors[field].id, message: t.t(worded[field]) };
  }
  return errors;
}

export function registerAgendaRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const showList = async (request: FastifyRequest, reply: FastifyReply, form: { values: { body: string; meetingDate: { day: string; month: string; year: string } }; errors: FieldErrors }, status = 200) => {
    const session = sessionOf(request);
    const done = urlText(request, 'query', 'done');
    return sendPage(request, reply, agendaPage(uiOf(request).t, {
      sessions: await listCouncilSessions(ctx, session.actor), csrfToken: session.csrfToken, mayCreate: mayPerform(session.actor.roles, 'manage-agenda'),
      ...form, done: done === 'created' || done === 'closed' ? done : null,
    }), status);
  };

  ui.get('/agenda', async (request, reply) => showList(request, reply, { values: { body: '', meetingDate: { day: '', month: '', year: '' } }, errors: {} }));

  ui.post('/agenda/sessions', async (request, reply) => {
    const { t } = uiOf(request);
    const body = asForm(request.body);
    const values = { body: formText(body, 'body'), meetingDate: dateParts(body, 'meetingDate') };
    const parsed = councilSessionInput.safeParse({ body: values.body || undefined, meetingDate: isoFromParts(values.meetingDate) });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, {
        body: { id: 'body', label: t.t('agenda.body'), kind: 'choice' },
        meetingDate: { id: 'meetingDate', label: t.t('agenda.meetingDate'), kind: 'date' },
      }, t);
      return showList(request, reply, { values, errors }, 400);
    }
    await createCouncilSession(ctx, sessionOf(request).actor, parsed.data);
    return seeOther(reply, '/agenda?done=created');
  });

  ui.get('/agenda/sessions/:sessionId', async (request, reply) => {
    const session = sessionOf(request);
    const view = await openCouncilSession(ctx, session.actor, { sessionId: idOf(request, 'sessionId') });
    const roles = session.actor.roles;
    return sendPage(request, reply, councilSessionPage(uiOf(request).t, {
      ...view, csrfToken: session.csrfToken, mayClose: mayPerform(roles, 'close-agenda'), membersView: mayPerform(roles, 'read-agenda'),
    }));
  });

  ui.post('/agenda/sessions/:sessionId/close', async (request, reply) => {
    await closeCouncilSession(ctx, sessionOf(request).actor, { sessionId: idOf(request, 'sessionId') });
    return seeOther(reply, '/agenda?done=closed');
  });

  const showItem = async (request: FastifyRequest, reply: FastifyReply, values: DecisionValues, errors: FieldErrors, status = 200) => {
    const session = sessionOf(request);
    const item = await openAgendaItem(ctx, session.actor, { itemId: idOf(request, 'itemId') });
    return sendPage(request, reply, agendaItemPage(uiOf(request).t, {
      item, csrfToken: session.csrfToken, values, errors, done: urlText(request, 'query', 'done') === 'decided',
    }), status);
  };

  ui.get('/agenda/items/:itemId', async (request, reply) => showItem(request, reply, EMPTY_DECISION, {}));

  ui.post('/agenda/items/:itemId/decision', async (request, reply) => {
    const itemId = idOf(request, 'itemId');
    const values = decisionValues(asForm(request.body));
    const parsed = agendaDecisionInput.safeParse({
      outcome: values.outcome || undefined, amountCents: euroCents(values.amount), periodFrom: isoFromParts(values.periodFrom) ?? null,
      periodTo: isoFromParts(values.periodTo) ?? null, motivation: optional(values.motivation) ?? '',
    });
    if (!parsed.success) return showItem(request, reply, values, decisionErrors(parsed.error, uiOf(request).t), 400);
    await decideAgendaItem(ctx, sessionOf(request).actor, { itemId, decision: parsed.data });
    return seeOther(reply, `/agenda/items/${itemId}?done=decided`);
  });
}

// Case assignments: the service's list with a person finder, and one person's assignments (assign,
// end). Every handler first asks the list use case, which refuses (and logs) any role that may not
// manage assignments, so such a role meets the refusal page before typing anything. The use cases
// decide and log; refusals that concern a field (oneself as assignee, a worker who already holds
// the case) come back as that field's error with what was typed kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { endAssignment } from '../../app/end-assignment.ts';
import { type AssignmentsView, listAssignments } from '../../app/list-assignments.ts';
import { assignCase } from '../../app/manage-staff.ts';
import { searchPersons } from '../../app/search-persons.ts';
import { isCalendarDate, todayIn } from '../../domain/calendar-date.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { assignmentInput } from '../../domain/schemas.ts';
import type { DateParts, FieldError, FieldErrors } from '../components.ts';
import { asForm, dateParts, fieldErrors, formText, isoFromParts, partsFromIso } from '../forms.ts';
import { type AssignmentDone, assignmentsPage, personAssignmentsPage, type PersonAssignmentsView } from '../pages/assignments.ts';
import { SEARCH_LIMIT } from '../pages/search.ts';
import { EMPTY_PERSON_SEARCH, readPersonSearch } from '../person-search-form.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

function uuidParam(request: FastifyRequest, name: string): string {
  const value = urlText(request, 'params', name);
  if (!UUID.test(value)) throw notFound(name);
  return value;
}

const doneOf = (request: FastifyRequest): AssignmentDone | null => {
  const done = urlText(request, 'query', 'done');
  return done === 'assigned' || done === 'proposed' || done === 'ended' ? done : null;
};

/** The field error for a refusal about the chosen worker, or null for a refusal that is not about a field. */
function workerError(error: unknown, t: ReturnType<typeof uiOf>['t'], self: boolean): { error: FieldError; status: number } | null {
  if (!(error instanceof DomainError)) return null;
  if (error.code === 'forbidden' && self) return { error: { id: 'userId', message: t.t('assign.error.self') }, status: 403 };
  if (error.code === 'conflict') return { error: { id: 'userId', message: t.t('assign.error.overlap') }, status: 409 };
  if ((error.code === 'invalid-input' && error.field === 'userId') || (error.code === 'not-found' && error.message.startsWith('user '))) {
    return { error: { id: 'userId', message: t.t('assign.error.worker') }, status: 400 };
  }
  return null;
}

export function registerAssignmentRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const showPerson = async (
    request: FastifyRequest, reply: FastifyReply, list: AssignmentsView, over: Partial<Pick<PersonAssignmentsView, 'values' | 'errors' | 'ending'>>, status: number,
  ) => {
    const today = partsFromIso(todayIn(ctx.now));
    const person = list.person;
    if (!person) throw notFound('person');
    return sendPage(request, reply, personAssignmentsPage(uiOf(request).t, {
      csrfToken: sessionOf(request).csrfToken, list: { ...list, person }, today, done: status === 200 ? doneOf(request) : null,
      values: { userId: '', assignedFrom: today, assignedUntil: EMPTY_DATE }, errors: {}, ending: null, ...over,
    }), status);
  };
  const listOf = (request: FastifyRequest, personId: string | null) => listAssignments(ctx, sessionOf(request).actor, { personId });

  ui.get('/assignments', async (request, reply) => sendPage(request, reply, assignmentsPage(uiOf(request).t, {
    csrfToken: sessionOf(request).csrfToken, list: await listOf(request, null), search: { values: EMPTY_PERSON_SEARCH, errors: {}, found: null },
  })));

  ui.post('/assignments/search', async (request, reply) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    const list = await listOf(request, null);
    const search = readPersonSearch(asForm(request.body), t, SEARCH_LIMIT);
    const found = search.query ? await searchPersons(ctx, session.actor, { ...search.query, purpose: 'administrative-processing' }) : null;
    return sendPage(request, reply, assignmentsPage(t, { csrfToken: session.csrfToken, list, search: { values: search.values, errors: search.errors, found } }), found ? 200 : 400);
  });

  ui.get('/persons/:personId/assignments', async (request, reply) => showPerson(request, reply, await listOf(request, uuidParam(request, 'personId')), {}, 200));

  ui.post('/persons/:personId/assignments', async (request, reply) => {
    const { t } = uiOf(request);
    const actor = sessionOf(request).actor;
    const personId = uuidParam(request, 'personId');
    const list = await listOf(request, personId);
    const body = asForm(request.body);
    const values = { userId: formText(body, 'userId'), assignedFrom: dateParts(body, 'assignedFrom'), assignedUntil: dateParts(body, 'assignedUntil') };
    const parsed = assignmentInput.safeParse({ userId: values.userId, assignedFrom: isoFromParts(values.assignedFrom), assignedUntil: isoFromParts(values.assignedUntil) ?? null });
    const fail = (errors: FieldErrors, status: number) => showPerson(request, reply, list, { values, errors }, status);
    if (!parsed.success) {
      return fail(fieldErrors(parsed.error, {
        userId: { id: 'userId', label: t.t('assign.userId'), kind: 'choice', messages: { required: t.t('assign.error.worker'), invalid: t.t('assign.error.worker') } },
        assignedFrom: { id: 'assignedFrom', label: t.t('assign.assignedFrom'), kind: 'date' },
        assignedUntil: { id: 'assignedUntil', label: t.t('assign.assignedUntil'), kind: 'date' },
      }, t), 400);
    }
    const input = parsed.data;
    if (input.assignedUntil && input.assignedUntil < input.assignedFrom) return fail({ assignedUntil: { id: 'assignedUntil', message: t.t('assign.error.order') } }, 400);
    try {
      const result = await assignCase(ctx, actor, { personId, ...input });
      return seeOther(reply, `/persons/${personId}/assignments?done=${result.state === 'effective' ? 'assigned' : 'proposed'}`);
    } catch (error) {
      const refused = workerError(error, t, input.userId === actor.userId);
      if (!refused) throw error;
      return fail({ userId: refused.error }, refused.status);
    }
  });

  ui.post('/persons/:personId/assignments/:assignmentId/end', async (request, reply) => {
    const { t } = uiOf(request);
    const personId = uuidParam(request, 'personId');
    const assignmentId = uuidParam(request, 'assignmentId');
    const list = await listOf(request, personId);
    const assignment = list.assignments.find((a) => a.assignmentId === assignmentId);
    if (!assignment) throw notFound('assignment');
    const endsOnParts = dateParts(asForm(request.body), 'endsOn');
    const endsOn = isoFromParts(endsOnParts);
    const id = `endsOn-${assignmentId}`;
    const message = endsOn === undefined ? t.t('error.required', { field: t.t('assign.endsOn') })
      : !isCalendarDate(endsOn) ? t.t('error.date', { field: t.t('assign.endsOn') })
      : endsOn < assignment.assignedFrom ? t.t('assign.error.endBeforeStart')
      : assignment.assignedUntil !== null && endsOn > assignment.assignedUntil ? t.t('assign.error.endAfter')
      : null;
    if (message || endsOn === undefined) return showPerson(request, reply, list, { ending: { assignmentId, endsOn: endsOnParts, errors: { [id]: { id, message: message ?? '' } } } }, 400);
    await endAssignment(ctx, sessionOf(request).actor, { assignmentId, endsOn });
    return seeOther(reply, `/persons/${personId}/assignments?done=ended`);
  });
}

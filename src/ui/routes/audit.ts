// The access log (DPO), the break-glass review queue (head of social service, DPO), the
// break-glass dialog on a file and "who consulted this file". Each handler calls one use case,
// which checks the role and logs, reading the log included. Searches are POSTed and answered with
// a redirect to a page whose address holds only a file's or a staff member's random id, or dates.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkBreakGlass, openBreakGlass } from '../../app/break-glass.ts';
import { findPersonForAudit, type FoundPerson } from '../../app/find-person-for-audit.ts';
import { listBreakGlassQueue } from '../../app/list-break-glass-queue.ts';
import { personAccessHistory } from '../../app/person-access-history.ts';
import { readAccessLog } from '../../app/read-access-log.ts';
import { reviewBreakGlass } from '../../app/review-break-glass.ts';
import type { LogFilter } from '../../adapters/db/stores/access-log-query-store.ts';
import { BREAK_GLASS, REVIEW_OUTCOMES, type ReviewOutcome } from '../../domain/break-glass.ts';
import { DomainError, forbidden, notFound } from '../../domain/errors.ts';
import { allowsSecretAccess, mayPerform, purposesOfRole } from '../../domain/access-policy.ts';
import { isPurpose, type Purpose } from '../../domain/purposes.ts';
import { addDays, isCalendarDate, startOfBrusselsDay } from '../../domain/calendar-date.ts';
import type { FieldError } from '../components.ts';
import { asForm, dateParts, formText, isoFromParts } from '../forms.ts';
import { accessHistoryPage, breakGlassPage, logResultsPage, type LogScope, logSearchPage, queuePage } from '../pages/audit.ts';
import { EMPTY_PERSON_SEARCH, readPersonSearch } from '../person-search-form.ts';
import type { UiDeps } from '../plugin.ts';
import { loadStaffDirectory, loadStaffNames } from '../profile.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uuidParam(request: FastifyRequest, name: string): string {
  const value = urlText(request, 'params', name);
  if (!UUID.test(value)) throw notFound(name);
  return value;
}

/** More would not be a finder: the DPO narrows the search instead. */
const FINDER_LIMIT = 50;

const validDate = (value: unknown): value is string => typeof value === 'string' && isCalendarDate(value);

export function registerAuditRoutes(ui: FastifyInstance, { ctx, purposes, emergencies }: UiDeps): void {
  // ---- The access log ----
  const emptyDate = { day: '', month: '', year: '' };
  const showSearch = async (
    request: FastifyRequest, reply: FastifyReply, values: Parameters<typeof logSearchPage>[1]['values'], errors: Record<string, FieldError>, status: number,
    found: readonly FoundPerson[] | null = null,
  ) => {
    const session = sessionOf(request);
    return sendPage(request, reply, logSearchPage(uiOf(request).t, {
      csrfToken: session.csrfToken, staff: await loadStaffDirectory(ctx, session.actor.cpasId), values, errors, found,
    }), status);
  };
  const emptyValues = { person: EMPTY_PERSON_SEARCH, userId: '', from: emptyDate, to: emptyDate };

  // The search form reads no log entry; the use case checks the role when a view is asked for. A
  // page of forms for someone who can never use them is refused at once, by the same check.
  const requireLogReader = async (request: FastifyRequest) => {
    await readAccessLog(ctx, sessionOf(request).actor, { filter: { kind: 'period', from: new Date(0), to: new Date(1) }, limit: 1 });
  };

  ui.get('/audit', async (request, reply) => {
    if (!sessionOf(request).actor.roles.includes('dpo')) await requireLogReader(request);
    return showSearch(request, reply, emptyValues, {}, 200);
  });

  // The DPO finds a person by what they know of them (the finder checks the role and logs the search).
  ui.post('/audit/person', async (request, reply) => {
    const search = readPersonSearch(asForm(request.body), uiOf(request).t, FINDER_LIMIT);
    const values = { ...emptyValues, person: search.values };
    if (!search.query) {
      // A role that may not search gets the refusal (logged), not a form error.
      if (!sessionOf(request).actor.roles.includes('dpo')) await requireLogReader(request);
      return showSearch(request, reply, values, search.errors, 400);
    }
    return showSearch(request, reply, values, {}, 200, await findPersonForAudit(ctx, sessionOf(request).actor, search.query));
  });

  ui.post('/audit/staff', async (request, reply) => {
    const { t } = uiOf(request);
    const userId = formText(asForm(request.body), 'userId');
    if (!UUID.test(userId)) return showSearch(request, reply, emptyValues, { userId: { id: 'userId', message: t.t('log.error.staff') } }, 400);
    return seeOther(reply, `/audit/staff/${userId}`);
  });

  ui.post('/audit/period', async (request, reply) => {
    const { t } = uiOf(request);
    const body = asForm(request.body);
    const values = { ...emptyValues, from: dateParts(body, 'from'), to: dateParts(body, 'to') };
    const errors: Record<string, FieldError> = {};
    const read = (id: 'from' | 'to', label: string) => {
      const iso = isoFromParts(values[id]);
      if (iso === undefined) errors[id] = { id, message: t.t('error.required', { field: label }) };
      else if (!validDate(iso)) errors[id] = { id, message: t.t('error.date', { field: label }) };
      else return iso;
      return null;
    };
    const from = read('from', t.t('log.from'));
    const to = read('to', t.t('log.to'));
    if (from && to && to < from) errors.to = { id: 'to', message: t.t('log.error.order') };
    if (!from || !to || Object.keys(errors).length > 0) return showSearch(request, reply, values, errors, 400);
    return seeOther(reply, `/audit/period?from=${from}&to=${to}`);
  });

  const beforeOf = (request: FastifyRequest) => {
    const before = urlText(request, 'query', 'before');
    return before && /^[1-9]\d{0,15}$/.test(before) ? Number(before) : undefined;
  };
  const showLog = async (request: FastifyRequest, reply: FastifyReply, scope: LogScope, filter: LogFilter, base: string) => {
    const before = beforeOf(request);
    const page = await readAccessLog(ctx, sessionOf(request).actor, { filter, before });
    const join = base.includes('?') ? '&' : '?';
    return sendPage(request, reply, logResultsPage(uiOf(request).t, {
      scope: scope.kind === 'person' && page.person ? { ...scope, name: `${page.person.givenNames} ${page.person.familyName}` } : scope,
      entries: page.entries,
      olderHref: page.nextBefore ? `${base}${join}before=${page.nextBefore}` : null,
      newestHref: before ? base : null,
    }));
  };

  ui.get('/audit/persons/:personId', async (request, reply) => {
    const personId = uuidParam(request, 'personId');
    return showLog(request, reply, { kind: 'person', personId, name: null }, { kind: 'person', personId }, `/audit/persons/${personId}`);
  });

  ui.get('/audit/staff/:userId', async (request, reply) => {
    const userId = uuidParam(request, 'userId');
    const names = await loadStaffNames(ctx, sessionOf(request).actor.cpasId, [userId]);
    return showLog(request, reply, { kind: 'staff', userId, name: names.get(userId) ?? null }, { kind: 'staff', userId }, `/audit/staff/${userId}`);
  });

  ui.get('/audit/period', async (request, reply) => {
    const [from, to] = [urlText(request, 'query', 'from') || undefined, urlText(request, 'query', 'to') || undefined];
    if (!validDate(from) || !validDate(to) || to < from) return seeOther(reply, '/audit');
    // The log's periods are the CPAS's calendar days.
    const filter: LogFilter = { kind: 'period', from: startOfBrusselsDay(from), to: startOfBrusselsDay(addDays(to, 1)) };
    return showLog(request, reply, { kind: 'period', from, to }, filter, `/audit/period?from=${from}&to=${to}`);
  });

  // ---- The break-glass review queue ----
  const showQueue = async (request: FastifyRequest, reply: FastifyReply, failed: Parameters<typeof queuePage>[1]['failed'], status: number) => {
    const session = sessionOf(request);
    const includeReviewed = urlText(request, 'query', 'all') === '1';
    const grants = await listBreakGlassQueue(ctx, session.actor, { includeReviewed });
    return sendPage(request, reply, queuePage(uiOf(request).t, {
      grants,
      includeReviewed,
      viewerId: session.actor.userId,
      fileLink: session.actor.roles.includes('head-of-social-service') ? 'file' : 'log',
      names: await loadStaffNames(ctx, session.actor.cpasId, grants.flatMap((g) => (g.review ? [g.review.by] : []))),
      csrfToken: session.csrfToken,
      failed,
      reviewed: urlText(request, 'query', 'reviewed') === '1',
    }), status);
  };

  ui.get('/break-glass', async (request, reply) => showQueue(request, reply, null, 200));

  ui.post('/break-glass/:grantId/review', async (request, reply) => {
    const { t } = uiOf(request);
    const grantId = uuidParam(request, 'grantId');
    const body = asForm(request.body);
    const outcome = formText(body, 'outcome');
    const comment = formText(body, 'comment');
    const fail = (id: string, message: string) => showQueue(request, reply, { grantId, outcome, comment, errors: { [id]: { id, message } } }, 400);
    if (!(REVIEW_OUTCOMES as readonly string[]).includes(outcome)) return fail(`outcome-${grantId}`, t.t('queue.error.outcome'));
    if (comment.length > BREAK_GLASS.commentMaxLength) return fail(`comment-${grantId}`, t.t('error.tooLong', { field: t.t('queue.comment') }));
    if (outcome === 'not-justified' && !comment.trim()) return fail(`comment-${grantId}`, t.t('queue.error.comment'));
    await reviewBreakGlass(ctx, sessionOf(request).actor, { grantId, outcome: outcome as ReviewOutcome, comment: comment.trim() || null });
    return seeOther(reply, '/break-glass?reviewed=1');
  });

  // ---- The break-glass dialog on a file ----
  /** A role that may not break the glass gets the refusal page on the form as on its post, before writing a reason. */
  const mayBreakGlass = (request: FastifyRequest) => {
    if (!mayPerform(sessionOf(request).actor.roles, 'break-glass')) throw forbidden('break-glass is for the social service');
  };
  const withSecretPurpose = (request: FastifyRequest, reply: FastifyReply, then: (personId: string, purpose: string) => Promise<FastifyReply>) => {
    mayBreakGlass(request);
    const personId = uuidParam(request, 'personId');
    const purpose = purposes.recall(sessionOf(request).sessionId, personId);
    // Without a purpose of case work the grant could not open anything: ask why the file is opened first.
    if (!purpose || !allowsSecretAccess(purpose)) return seeOther(reply, `/persons/${personId}/purpose`);
    return then(personId, purpose);
  };

  ui.get('/persons/:personId/break-glass', async (request, reply) => withSecretPurpose(request, reply, async (personId, purpose) => {
    try {
      await checkBreakGlass(ctx, sessionOf(request).actor, { personId, purpose: purpose as Purpose });
    } catch (error) {
      // As the post answers: already able to read the case, nothing to open, back to the file.
      if (error instanceof DomainError && error.code === 'invalid-state') return seeOther(reply, `/persons/${personId}`);
      throw error;
    }
    return sendPage(request, reply, breakGlassPage(uiOf(request).t, { personId, purpose, csrfToken: sessionOf(request).csrfToken, reason: '', errors: {} }));
  }));

  ui.post('/persons/:personId/break-glass', async (request, reply) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    mayBreakGlass(request);
    const personId = uuidParam(request, 'personId');
    const body = asForm(request.body);
    const purpose = formText(body, 'purpose');
    const reason = formText(body, 'reason');
    // A purpose typed by hand that the policy does not offer this role goes back to the question, like a missing one.
    if (!isPurpose(purpose) || !allowsSecretAccess(purpose) || !purposesOfRole(session.actor.roles).includes(purpose)) return seeOther(reply, `/persons/${personId}/purpose`);
    const show = (message: string) => sendPage(request, reply, breakGlassPage(t, { personId, purpose, csrfToken: session.csrfToken, reason, errors: { reason: { id: 'reason', message } } }), 400);
    if (reason.trim().length < BREAK_GLASS.reasonMinLength) return show(t.t('breakGlass.error.short', { min: BREAK_GLASS.reasonMinLength }));
    if (reason.trim().length > BREAK_GLASS.reasonMaxLength) return show(t.t('error.tooLong', { field: t.t('breakGlass.reason') }));
    try {
      const grant = await openBreakGlass(ctx, session.actor, { personId, purpose, reason });
      emergencies.remember(session.sessionId, personId, grant.expiresAt);
    } catch (error) {
      // Already able to read the case (on it, or a live grant): nothing to open, back to the file.
      if (error instanceof DomainError && error.code === 'invalid-state') return seeOther(reply, `/persons/${personId}`);
      throw error;
    }
    purposes.remember(session.sessionId, personId, purpose);
    return seeOther(reply, `/persons/${personId}?saved=emergency`);
  });

  // ---- Who consulted this file ----
  ui.get('/persons/:personId/access-history', async (request, reply) => {
    const { t, profile } = uiOf(request);
    const personId = uuidParam(request, 'personId');
    const history = await personAccessHistory(ctx, sessionOf(request).actor, { personId });
    return sendPage(request, reply, accessHistoryPage(t, { personId, cpasName: profile!.cpas.name, printedAt: ctx.now(), accesses: history.accesses }));
  });
}

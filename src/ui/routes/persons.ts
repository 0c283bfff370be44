// Caseload, search, the purpose question, a person's file, and writing social reports and case
// notes. Handlers read the form, call a use case, and render; the use cases decide and log.
// Personal data never goes into a URL: searches are POSTed, the purpose is POSTed and then kept on
// the server (PurposeMemory), and paths carry only the person's random id.
import { mayRecordDeskRequest } from '../../domain/rights-requests.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readAttachment } from '../../app/attachments.ts';
import { listCaseload } from '../../app/manage-staff.ts';
import { openPersonFile } from '../../app/open-person-file.ts';
import { searchPersons } from '../../app/search-persons.ts';
import { checkPersonWrite } from '../../app/person-access.ts';
import { writeSecretRecord } from '../../app/write-secret-record.ts';
import { decideAccess, mayPerform, purposesOfRole } from '../../domain/access-policy.ts';
import { todayIn } from '../../domain/calendar-date.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import type { Purpose } from '../../domain/purposes.ts';
import { caseNoteInput, socialReportInput } from '../../domain/schemas.ts';
import { categoriesOfKind, type SecretRecordKindName } from '../../domain/secret-records.ts';
import type { FieldError } from '../components.ts';
import { asForm, dateParts, fieldErrors, formText, isoFromParts, optional, partsFromIso } from '../forms.ts';
import { caseloadPage } from '../pages/caseload.ts';
import { mayOfferEmergency, personFilePage } from '../pages/person-file.ts';
import { purposePage } from '../pages/purpose.ts';
import { noteFormPage, reportFormPage } from '../pages/record-forms.ts';
import { SEARCH_LIMIT, searchPage } from '../pages/search.ts';
import { EMPTY_PERSON_SEARCH, readPersonSearch } from '../person-search-form.ts';
import type { UiDeps } from '../plugin.ts';
import { loadStaffNames } from '../profile.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';
import { sendDownload } from '../../http/download.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const SAVED = ['report', 'note', 'emergency', 'disclosure', 'application', 'rights-request'] as const;
/** The administrative part is written by role, whatever the case: the relation that decides it is the same CPAS alone. */
const ANY_CASE = { sameCpas: true, assigned: false, supervised: false, onAgenda: false, breakGlass: false } as const;

export function personIdOf(request: FastifyRequest): string {
  const personId = urlText(request, 'params', 'personId');
  if (!UUID.test(personId)) throw notFound('person');
  return personId;
}

/** The purpose, if the policy offers it to the viewer: one typed or kept in a form by hand is refused like a missing one. */
export const choosable = (request: FastifyRequest, value: string): Purpose | null =>
  purposesOfRole(sessionOf(request).actor.roles).find((p) => p === value) ?? null;

/**
 * The purpose question, offering what the policy offers the viewer. A role offered none (the DPO,
 * IT) opens no file for any purpose: the refusal page, not a question without an answer.
 */
export function askPurpose(request: FastifyRequest, reply: FastifyReply, personId: string, current: Purpose | null, missing: boolean): FastifyReply {
  const { t } = uiOf(request);
  const session = sessionOf(request);
  const offered = purposesOfRole(session.actor.roles);
  if (offered.length === 0) throw forbidden('no purpose opens a file for these roles');
  const errors: Record<string, FieldError> = missing ? { purpose: { id: 'purpose', message: t.t('purpose.missing') } } : {};
  return sendPage(request, reply, purposePage(t, { personId, csrfToken: session.csrfToken, current, offered, errors }), missing ? 400 : 200);
}

export function registerPersonRoutes(ui: FastifyInstance, deps: UiDeps): void {
  const { ctx, purposes } = deps;

  /** The purpose chosen for this file in this session, or the purpose question. */
  const withPurpose = async (request: FastifyRequest, reply: FastifyReply, then: (personId: string, purpose: Purpose) => Promise<FastifyReply>) => {
    const personId = personIdOf(request);
    const purpose = purposes.recall(sessionOf(request).sessionId, personId);
    return purpose ? then(personId, purpose) : seeOther(reply, `/persons/${personId}`);
  };

  /** The form of a secret record, shown only if its post would be allowed: the refusal page comes before the typing, not after. */
  const withWritableRecord = (request: FastifyRequest, reply: FastifyReply, kind: SecretRecordKindName, then: (personId: string, purpose: Purpose) => Promise<FastifyReply>) =>
    withPurpose(request, reply, async (personId, purpose) => {
      await checkPersonWrite(ctx, sessionOf(request).actor, { personId, purpose, categories: categoriesOfKind(kind), logAction: 'create', details: { kind } });
      return then(personId, purpose);
    });

  ui.get('/caseload', async (request, reply) =>
    sendPage(request, reply, caseloadPage(uiOf(request).t, await listCaseload(ctx, sessionOf(request).actor))));

  ui.get('/search', async (request, reply) => {
    // The search use case refuses these roles on the post: the form is not shown to them either.
    if (!mayPerform(sessionOf(request).actor.roles, 'search-persons')) throw forbidden('search is not for these roles');
    return sendPage(request, reply, searchPage(uiOf(request).t, {
      csrfToken: sessionOf(request).csrfToken, values: { ...EMPTY_PERSON_SEARCH, purpose: '' },
      errors: {}, results: null, limit: SEARCH_LIMIT, assignLinks: false, offered: purposesOfRole(sessionOf(request).actor.roles),
    }));
  });

  ui.post('/search', async (request, reply) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    const body = asForm(request.body);
    const search = readPersonSearch(body, t, SEARCH_LIMIT);
    const values = { ...search.values, purpose: formText(body, 'purpose') };
    const errors: Record<string, FieldError> = { ...search.errors };
    const purpose = choosable(request, values.purpose);
    if (!purpose) errors.purpose = { id: 'purpose', message: t.t('purpose.missing') };
    const view = { csrfToken: session.csrfToken, values, errors, results: null, limit: SEARCH_LIMIT, assignLinks: mayPerform(session.actor.roles, 'manage-assignments'), offered: purposesOfRole(session.actor.roles) };
    if (!search.query || !purpose) return sendPage(request, reply, searchPage(t, view), 400);
    const results = await searchPersons(ctx, session.actor, { ...search.query, purpose });
    return sendPage(request, reply, searchPage(t, { ...view, results }));
  });

  ui.get('/persons/:personId', async (request, reply) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    const personId = personIdOf(request);
    const purpose = purposes.recall(session.sessionId, personId);
    if (!purpose) return askPurpose(request, reply, personId, null, false);
    const file = await openPersonFile(ctx, session.actor, { personId, purpose });
    const authorIds = Object.values(file.secret).flatMap((records) => (records ?? []).map((r) => r.authorUserId));
    const saved = urlText(request, 'query', 'saved');
    const roles = session.actor.roles;
    return sendPage(request, reply, personFilePage(t, {
      file,
      authors: await loadStaffNames(ctx, session.actor.cpasId, authorIds),
      saved: SAVED.find((k) => k === saved) ?? null,
      applicationLink: decideAccess(roles, 'write', 'application-data', ANY_CASE).allowed,
      emergencyOffer: mayOfferEmergency(file, roles),
      emergencyUntil: file.rule === 'break-glass' ? deps.emergencies.recall(session.sessionId, personId) : null,
      // The same people personAccessHistory lets print it: the desk, and the person's own social worker.
      historyLink: roles.includes('administrative-agent') || (roles.includes('social-worker') && file.rule === 'assigned-worker'),
      deskRequestLink: mayRecordDeskRequest(roles),
      agendaLink: mayPerform(roles, 'place-on-agenda'),
    }));
  });

  ui.get('/persons/:personId/purpose', async (request, reply) => {
    const personId = personIdOf(request);
    return askPurpose(request, reply, personId, purposes.recall(sessionOf(request).sessionId, personId), false);
  });

  ui.post('/persons/:personId/purpose', async (request, reply) => {
    const session = sessionOf(request);
    const personId = personIdOf(request);
    const purpose = choosable(request, formText(asForm(request.body), 'purpose'));
    if (!purpose) return askPurpose(request, reply, personId, null, true);
    purposes.remember(session.sessionId, personId, purpose);
    return seeOther(reply, `/persons/${personId}`);
  });

  ui.get('/persons/:personId/social-reports/new', async (request, reply) => withWritableRecord(request, reply, 'social-report', async (personId, purpose) => {
    const { t } = uiOf(request);
    return sendPage(request, reply, reportFormPage(t, {
      personId, purpose, csrfToken: sessionOf(request).csrfToken, errors: {},
      values: { writtenOn: partsFromIso(todayIn(ctx.now)), language: t.lang, situation: '', assessment: '' },
    }));
  }));

  ui.post('/persons/:personId/social-reports', async (request, reply) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    const personId = personIdOf(request);
    const body = asForm(request.body);
    const purpose = formText(body, 'purpose');
    // Only a tampered form lacks a purpose the policy offers: the question again, naming the field.
    if (!choosable(request, purpose)) return askPurpose(request, reply, personId, null, true);
    const values = { writtenOn: dateParts(body, 'writtenOn'), language: formText(body, 'language'), situation: formText(body, 'situation'), assessment: formText(body, 'assessment') };
    const parsed = socialReportInput.safeParse({
      writtenOn: isoFromParts(values.writtenOn), language: values.language || undefined, situation: values.situation, assessment: optional(values.assessment) ?? null, purpose,
    });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, {
        writtenOn: { id: 'writtenOn', label: t.t('report.writtenOn'), kind: 'date' },
        language: { id: 'language', label: t.t('report.language'), kind: 'choice' },
        situation: { id: 'situation', label: t.t('report.situation') },
        assessment: { id: 'assessment', label: t.t('field.assessment') },
      }, t);
      return sendPage(request, reply, reportFormPage(t, { personId, purpose, csrfToken: session.csrfToken, errors, values }), 400);
    }
    const report = parsed.data;
    await writeSecretRecord(ctx, session.actor, {
      personId, purpose: report.purpose as Purpose, kind: 'social-report', date: report.writtenOn,
      plain: { language: report.language }, sealed: { situation: report.situation, assessment: report.assessment },
    });
    purposes.remember(session.sessionId, personId, report.purpose as Purpose);
    return seeOther(reply, `/persons/${personId}?saved=report`);
  });

  ui.get('/persons/:personId/case-notes/new', async (request, reply) => withWritableRecord(request, reply, 'case-note', async (personId, purpose) =>
    sendPage(request, reply, noteFormPage(uiOf(request).t, { personId, purpose, csrfToken: sessionOf(request).csrfToken, errors: {}, values: { body: '' } }))));

  ui.post('/persons/:personId/case-notes', async (request, reply) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    const personId = personIdOf(request);
    const body = asForm(request.body);
    const purpose = formText(body, 'purpose');
    if (!choosable(request, purpose)) return askPurpose(request, reply, personId, null, true);
    const values = { body: formText(body, 'body') };
    const parsed = caseNoteInput.safeParse({ body: values.body, purpose });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, { body: { id: 'body', label: t.t('note.body') } }, t);
      return sendPage(request, reply, noteFormPage(t, { personId, purpose, csrfToken: session.csrfToken, errors, values }), 400);
    }
    await writeSecretRecord(ctx, session.actor, { personId, purpose: parsed.data.purpose as Purpose, kind: 'case-note', sealed: { body: parsed.data.body } });
    purposes.remember(session.sessionId, personId, parsed.data.purpose as Purpose);
    return seeOther(reply, `/persons/${personId}?saved=note`);
  });

  ui.get('/persons/:personId/attachments/:attachmentId', async (request, reply) => withPurpose(request, reply, async (_personId, purpose) => {
    const attachmentId = urlText(request, 'params', 'attachmentId');
    if (!UUID.test(attachmentId)) throw notFound('attachment');
    const file = await readAttachment(ctx, sessionOf(request).actor, { attachmentId, purpose });
    return sendDownload(reply, file);
  }));
}

// The register's pages. Handlers read the form, call one use case of src/app/requests/ (which
// checks the right, role or delegation, and logs), and render. Paths carry only the request's
// random id and a person's position in it; what a request says about persons travels in POSTed
// forms and stays on the server.
import { takeMyRegisterNotices } from '../../app/list-notifications.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessRecordedRequest } from '../../app/requests/assess-request.ts';
import { findSubjectCandidates } from '../../app/requests/find-subject-candidates.ts';
import { listRegister } from '../../app/requests/list-register.ts';
import { markSent } from '../../app/requests/mark-sent.ts';
import { matchSubject } from '../../app/requests/match-subject.ts';
import { prepareDisclosure } from '../../app/requests/prepare-disclosure.ts';
import { readDisclosure } from '../../app/requests/read-disclosure.ts';
import { readRequest, type RequestDetail } from '../../app/requests/read-request.ts';
import { readRequestAttachment } from '../../app/requests/read-request-attachment.ts';
import { parseRequestJson, recordRequest } from '../../app/requests/record-request.ts';
import { refuseRequest } from '../../app/requests/refuse-request.ts';
import { registerRightsOf, requireRegisterRight } from '../../app/requests/register-rights.ts';
import { renderRequestLetter } from '../../app/requests/render-letter.ts';
import { returnRequest } from '../../app/requests/return-request.ts';
import { signDisclosure } from '../../app/requests/sign-disclosure.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { checkNiss } from '../../domain/niss.ts';
import { AUTHOR_ROLES, CHANNELS, SIGNATORIES, type Signatory } from '../../domain/requests/assess.ts';
import { calendarDateDefect, todayIn } from '../../domain/calendar-date.ts';
import { ITEM_CATEGORIES } from '../../domain/requests/items.ts';
import { parseOffenceReference } from '../../domain/requests/offences.ts';
import { recordRequestBody } from '../../domain/requests/register-schemas.ts';
import { closingAllowed } from '../../domain/requests/register-state.ts';
import { letterLanguageOf, STANDARD_REPLY } from '../../domain/requests/standard-reply.ts';
import type { Actor } from '../../domain/roles.ts';
import type { FieldError } from '../components.ts';
import { asForm, dateParts, fieldErrors, type FormBody, formFile, formList, formText, isoFromParts, optional, partsFromIso, type UploadedFile } from '../forms.ts';
import type { TextKey, Translator } from '../i18n/index.ts';
import { emptySubject, forwardedPage, intakePage, type IntakeValues, registerPage, standardReplyPage, SUBJECT_SLOTS } from '../pages/register.ts';
import { assessmentPage, closePage, DONE, letterPage, matchPage, requestPage, signPage, type Viewing } from '../pages/request.ts';
import { requestTitle } from '../pages/request-parts.ts';
import type { UiDeps } from '../plugin.ts';
import { loadStaffNames } from '../profile.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';
import { sendDownload } from '../../http/download.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function requestIdOf(request: FastifyRequest): string {
  const requestId = urlText(request, 'params', 'requestId');
  if (!UUID.test(requestId)) throw notFound('request');
  return requestId;
}

const doneOf = (request: FastifyRequest) => {
  const done = urlText(request, 'query', 'done');
  return DONE.find((d) => d === done) ?? null;
};

const signatoryRoles = (actor: Actor): Signatory[] => SIGNATORIES.filter((r) => actor.roles.includes(r));

/** The intake form as typed, for showing it again. */
/** Only values of the register's vocabularies are taken from the address; anything else is dropped. */
function intakePrefill(query: unknown): { authorRole: string; channel: string; items: string[] } {
  const q = asForm(query);
  const authorRole = formText(q, 'authorRole');
  const channel = formText(q, 'channel');
  return {
    authorRole: (AUTHOR_ROLES as readonly string[]).includes(authorRole) ? authorRole : '',
    channel: (CHANNELS as readonly string[]).includes(channel) ? channel : '',
    items: ITEM_CATEGORIES.filter((item) => formList(q, 'items').includes(item)),
  };
}

function intakeValues(body: FormBody): IntakeValues {
  return {
    authorRole: formText(body, 'authorRole'),
    authorName: formText(body, 'authorName'),
    authorOffice: formText(body, 'authorOffice'),
    channel: formText(body, 'channel'),
    dated: dateParts(body, 'dated'),
    received: dateParts(body, 'received'),
    reference: formText(body, 'reference'),
    answerBy: dateParts(body, 'answerBy'),
    reasoned: formText(body, 'reasoned'),
    reasonsText: formText(body, 'reasonsText'),
    offences: formText(body, 'offences'),
    offenceCode: formText(body, 'offenceCode'),
    subjects: Array.from({ length: SUBJECT_SLOTS }, (_, i) => ({
      niss: formText(body, `subject${i + 1}-niss`).trim(),
      name: formText(body, `subject${i + 1}-name`).trim(),
      birthDate: dateParts(body, `subject${i + 1}-birthDate`),
    })),
    items: formList(body, 'items'),
  };
}

const MAX_TEXT = 200;

/** The intake form's element for a field of the assessment contract (request.subjects[0].niss -> subject1-niss). */
function contractFieldId(field: string): string {
  const subject = /^request\.subjects\[(\d+)\]\.?(niss|name|birthDate)?/.exec(field);
  if (subject) return `subject${Number(subject[1]) + 1}-${subject[2] ?? 'name'}`;
  const ids: Readonly<Record<string, string>> = {
    'request.author.role': 'authorRole', 'request.author.name': 'authorName', 'request.author.office': 'authorOffice', 'request.channel': 'channel',
    'request.dated': 'dated', 'request.received': 'received', 'request.reasoned': 'reasoned', 'request.offenceCode': 'offenceCode', 'request.offences': 'offences', 'request.items': 'items',
  };
  return Object.entries(ids).find(([prefix]) => field.startsWith(prefix))?.[1] ?? 'authorRole';
}

const FIELD_LABELS: Readonly<Record<string, TextKey>> = {
  authorRole: 'intake.authorRole', authorName: 'intake.authorName', authorOffice: 'intake.authorOffice', channel: 'intake.channel', dated: 'intake.dated',
  received: 'intake.received', reasoned: 'intake.reasoned', offenceCode: 'intake.offenceCode', offences: 'intake.offences', items: 'intake.items',
  'subject-niss': 'intake.subjectNiss', 'subject-name': 'intake.subjectName', 'subject-birthDate': 'intake.subjectBirthDate',
};
const ACCEPTED_LETTER = /^(application\/pdf|image\/(jpeg|png|tiff))$/;

/**
 * Checks the intake and builds the request as the assessment contract reads it. Messages name the
 * field, never its value (a national number typed wrong is not echoed into a message).
 */
function readIntake(t: Translator, values: IntakeValues, file: UploadedFile | null) {
  const errors: Record<string, FieldError> = {};
  const fail = (id: string, message: string) => {
    errors[id] ??= { id, message };
  };
  const date = (id: string, label: string, parts: IntakeValues['dated'], required: boolean): string | undefined => {
    const iso = isoFromParts(parts);
    if (iso === undefined) {
      if (required) fail(id, t.t('error.required', { field: label }));
      return undefined;
    }
    if (iso === 'invalid' || calendarDateDefect(iso) !== null) {
      fail(id, t.t('error.date', { field: label }));
      return undefined;
    }
    return iso;
  };
  if (!(AUTHOR_ROLES as readonly string[]).includes(values.authorRole)) fail('authorRole', t.t('intake.error.authorRole'));
  if (!(CHANNELS as readonly string[]).includes(values.channel)) fail('channel', t.t('intake.error.channel'));
  for (const [id, label] of [['authorName', 'intake.authorName'], ['authorOffice', 'intake.authorOffice']] as const) {
    if (values[id].trim().length > MAX_TEXT) fail(id, t.t('error.tooLong', { field: t.t(label) }));
  }
  const dated = date('dated', t.t('intake.dated'), values.dated, true);
  const received = date('received', t.t('intake.received'), values.received, false);
  // What the register adds around the request goes through the API's own schema (recordRequestBody).
  const around = recordRequestBody.pick({ reference: true, answerBy: true, reasonsText: true }).safeParse({
    reference: optional(values.reference.trim()) ?? null, answerBy: isoFromParts(values.answerBy) ?? null, reasonsText: optional(values.reasonsText) ?? null,
  });
  if (!around.success) {
    for (const error of Object.values(fieldErrors(around.error, {
      reference: { id: 'reference', label: t.t('intake.reference') },
      answerBy: { id: 'answerBy', label: t.t('intake.answerBy'), kind: 'date' },
      reasonsText: { id: 'reasonsText', label: t.t('intake.reasonsText') },
    }, t))) fail(error.id, error.message);
  }
  if (dated && received && received < dated) fail('received', t.t('intake.error.receivedBeforeDated'));
  if (values.reasoned !== 'yes' && values.reasoned !== 'no') fail('reasoned', t.t('intake.error.reasoned'));
  const offences = values.offences.split(/[,;]/).map((a) => a.trim()).filter(Boolean);
  for (const article of offences) {
    try {
      parseOffenceReference(article);
    } catch {
      fail('offences', t.t('intake.error.offence'));
    }
  }
  const offenceCode = values.offenceCode === '1867' || values.offenceCode === '2024' ? values.offenceCode : undefined;
  if (!offenceCode && values.offenceCode !== '' && values.offenceCode !== 'unsaid') fail('offenceCode', t.t('error.choose', { field: t.t('intake.offenceCode') }));
  const subjects = values.subjects.flatMap((s, i) => {
    const id = `subject${i + 1}`;
    const birthDate = date(`${id}-birthDate`, t.t('intake.subjectBirthDate'), s.birthDate, false);
    if (!s.niss && !s.name && !isoFromParts(s.birthDate)) return [];
    let niss: string | undefined;
    if (s.niss) {
      const checked = checkNiss(s.niss);
      if (checked.ok) niss = checked.niss;
      else fail(`${id}-niss`, t.t('error.niss'));
    }
    if (!s.niss && !s.name) fail(`${id}-name`, t.t('intake.error.subjectName'));
    if (s.name.length > MAX_TEXT) fail(`${id}-name`, t.t('error.tooLong', { field: t.t('intake.subjectName') }));
    return [{ ...(niss ? { niss } : {}), ...(s.name ? { name: s.name } : {}), ...(birthDate ? { birthDate } : {}) }];
  });
  if (!values.items.every((i) => (ITEM_CATEGORIES as readonly string[]).includes(i))) fail('items', t.t('error.choose', { field: t.t('intake.items') }));
  let letter: UploadedFile | null = null;
  if (file) {
    if (!ACCEPTED_LETTER.test(file.mediaType)) fail('letter', t.t('intake.error.letterType'));
    // Only the base name, with nothing a header or a file system could misread.
    const fileName = (file.fileName.split(/[\\/]/).pop() ?? '').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(-MAX_TEXT) || 'lettre.pdf';
    letter = { ...file, fileName };
  }
  if (Object.keys(errors).length > 0 || !around.success) return { errors, input: null };
  let request;
  try {
    request = parseRequestJson({
      dated,
      ...(received ? { received } : {}),
      channel: values.channel,
      author: { role: values.authorRole, ...(values.authorName.trim() ? { name: values.authorName.trim() } : {}), ...(values.authorOffice.trim() ? { office: values.authorOffice.trim() } : {}) },
      reasoned: values.reasoned === 'yes',
      ...(offenceCode ? { offenceCode } : {}),
      offences,
      subjects,
      items: values.items,
    });
  } catch (error) {
    // The checks above cover the contract; this is the contract's own last word, tied to its field.
    if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
    const id = contractFieldId(error.field ?? '');
    return { errors: { [id]: { id, message: t.t('error.invalid', { field: t.t(FIELD_LABELS[id.replace(/^subject\d-/, 'subject-')] ?? 'intake.authorRole') }) } }, input: null };
  }
  return {
    errors,
    input: { request, reference: around.data.reference ?? null, answerBy: around.data.answerBy ?? null, reasonsText: around.data.reasonsText ?? null, letter },
  };
}

export function registerRequestRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const viewing = async (request: FastifyRequest, userIds: readonly (string | null)[]): Promise<Viewing> => {
    const session = sessionOf(request);
    return {
      csrfToken: session.csrfToken,
      userId: session.actor.userId,
      roles: session.actor.roles,
      rights: await registerRightsOf(ctx, session.actor),
      names: await loadStaffNames(ctx, session.actor.cpasId, userIds.filter((id): id is string => id !== null)),
    };
  };
  const peopleOf = (r: RequestDetail) => [
    r.createdBy, r.assessedBy, r.letter?.preparedBy ?? null, r.letter?.signedBy ?? null,
    ...r.history.map((h) => h.changedBy), ...r.subjects.map((s) => s.matchedBy),
  ];

  const list = (overdueOnly: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = sessionOf(request).actor;
    const lines = await listRegister(ctx, actor, { overdueOnly });
    const rights = await registerRightsOf(ctx, actor);
    const notices = await takeMyRegisterNotices(ctx, actor);
    return sendPage(request, reply, registerPage(uiOf(request).t, {
      lines, overdueOnly, overdueCount: lines.filter((l) => l.overdue).length, statistics: rights.statistics, delegations: rights.delegate, notices,
    }));
  };
  ui.get('/requests', list(false));
  ui.get('/requests/overdue', list(true));

  const showIntake = async (request: FastifyRequest, reply: FastifyReply, values: IntakeValues, errors: Record<string, FieldError>, status: number) => {
    const session = sessionOf(request);
    const rights = await registerRightsOf(ctx, session.actor);
    return sendPage(request, reply, intakePage(uiOf(request).t, { csrfToken: session.csrfToken, forwarding: !rights.read, values, errors }), status);
  };

  ui.get('/requests/new', async (request, reply) => {
    const today = partsFromIso(todayIn(ctx.now));
    const empty = { day: '', month: '', year: '' };
    // Prefilled from the guide (use-register): who, how and which categories, never a name.
    const prefill = intakePrefill(request.query);
    return showIntake(request, reply, {
      authorRole: prefill.authorRole, authorName: '', authorOffice: '', channel: prefill.channel, dated: empty, received: today, reference: '', answerBy: empty,
      reasoned: '', reasonsText: '', offences: '', offenceCode: '', subjects: Array.from({ length: SUBJECT_SLOTS }, emptySubject), items: prefill.items,
    }, {}, 200);
  });

  ui.post('/requests', async (request, reply) => {
    const { t } = uiOf(request);
    const body = asForm(request.body);
    const values = intakeValues(body);
    const { errors, input } = readIntake(t, values, formFile(body, 'letter'));
    if (!input) return showIntake(request, reply, values, errors, 400);
    const recorded = await recordRequest(ctx, sessionOf(request).actor, input);
    if (recorded.kind === 'oral-attempt') return seeOther(reply, `/requests/standard-reply${recorded.forwarded ? '?forwarded=1' : ''}`);
    if (recorded.forwarded) return seeOther(reply, '/requests/forwarded');
    return seeOther(reply, `/requests/${recorded.requestId}?done=recorded`);
  });

  ui.get('/requests/forwarded', async (request, reply) => sendPage(request, reply, forwardedPage(uiOf(request).t)));

  ui.get('/requests/standard-reply', async (request, reply) => {
    const { t, profile } = uiOf(request);
    const replyLang = letterLanguageOf({ region: profile!.cpas.region, defaultLanguage: profile!.cpas.defaultLanguage });
    const forwarding = urlText(request, 'query', 'forwarded') === '1';
    return sendPage(request, reply, standardReplyPage(t, { reply: STANDARD_REPLY[replyLang], replyLang, forwarding }));
  });

  ui.get('/requests/:requestId', async (request, reply) => {
    const detail = await readRequest(ctx, sessionOf(request).actor, { requestId: requestIdOf(request) });
    return sendPage(request, reply, requestPage(uiOf(request).t, detail, await viewing(request, peopleOf(detail)), doneOf(request)));
  });

  ui.post('/requests/:requestId/assess', async (request, reply) => {
    const requestId = requestIdOf(request);
    await assessRecordedRequest(ctx, sessionOf(request).actor, { requestId });
    return seeOther(reply, `/requests/${requestId}/assessment?done=assessed`);
  });

  ui.get('/requests/:requestId/assessment', async (request, reply) => {
    const requestId = requestIdOf(request);
    const detail = await readRequest(ctx, sessionOf(request).actor, { requestId });
    if (!detail.assessment) return seeOther(reply, `/requests/${requestId}`);
    return sendPage(request, reply, assessmentPage(uiOf(request).t, { ...detail, assessment: detail.assessment }, await viewing(request, peopleOf(detail)), doneOf(request)));
  });

  const positionOf = (request: FastifyRequest) => {
    const position = Number(urlText(request, 'params', 'position'));
    if (!Number.isInteger(position) || position < 1 || position > 1000) throw notFound('subject');
    return position;
  };
  const showMatch = async (request: FastifyRequest, reply: FastifyReply, errors: Record<string, FieldError>, status: number) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    const requestId = requestIdOf(request);
    const position = positionOf(request);
    const detail = await readRequest(ctx, session.actor, { requestId });
    const subject = detail.subjects.find((s) => s.position === position);
    if (!subject) throw notFound('subject');
    const { criteria, candidates } = await findSubjectCandidates(ctx, session.actor, { requestId, position });
    return sendPage(request, reply, matchPage(t, { requestId, title: requestTitle(t, detail), subject, criteria, candidates, errors, csrfToken: session.csrfToken }), status);
  };
  ui.get('/requests/:requestId/subjects/:position', async (request, reply) => showMatch(request, reply, {}, 200));

  ui.post('/requests/:requestId/subjects/:position', async (request, reply) => {
    const { t } = uiOf(request);
    const requestId = requestIdOf(request);
    const position = positionOf(request);
    const chosen = formText(asForm(request.body), 'personId');
    if (chosen !== 'none' && !UUID.test(chosen)) return showMatch(request, reply, { personId: { id: 'personId', message: t.t('match.missing') } }, 400);
    try {
      await matchSubject(ctx, sessionOf(request).actor, { requestId, position, personId: chosen === 'none' ? null : chosen });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid-input') return showMatch(request, reply, { personId: { id: 'personId', message: t.t('match.otherNiss') } }, 400);
      throw error;
    }
    return seeOther(reply, `/requests/${requestId}?done=matched`);
  });

  ui.post('/requests/:requestId/prepare', async (request, reply) => {
    const requestId = requestIdOf(request);
    await prepareDisclosure(ctx, sessionOf(request).actor, { requestId });
    return seeOther(reply, `/requests/${requestId}/letter?done=prepared`);
  });

  ui.get('/requests/:requestId/letter', async (request, reply) => {
    const { t } = uiOf(request);
    const actor = sessionOf(request).actor;
    const requestId = requestIdOf(request);
    const detail = await readRequest(ctx, actor, { requestId });
    const letter = await readDisclosure(ctx, actor, { requestId });
    const page = letterPage(t, letter, detail, await viewing(request, [letter.preparedBy, letter.signedBy]), doneOf(request));
    const changed = urlText(request, 'query', 'changed') === '1';
    return sendPage(request, reply, changed ? { ...page, banner: { title: t.t('common.important'), text: t.t('sign.changed') } } : page);
  });

  const showSign = async (request: FastifyRequest, reply: FastifyReply, sha256: string, errors: Record<string, FieldError>, status: number) => {
    const session = sessionOf(request);
    const requestId = requestIdOf(request);
    await requireRegisterRight(ctx, session.actor, 'sign', { request: requestId });
    const detail = await readRequest(ctx, session.actor, { requestId });
    if (!detail.letter || detail.letter.sha256 !== sha256 || !detail.assessment) return seeOther(reply, `/requests/${requestId}/letter?changed=1`);
    return sendPage(request, reply, signPage(uiOf(request).t, {
      requestId, request: detail, sha256, items: detail.assessment.items, roles: signatoryRoles(session.actor), errors, csrfToken: session.csrfToken,
    }), status);
  };
  const shaOf = (body: FormBody) => {
    const sha = formText(body, 'sha256');
    return /^[0-9a-f]{64}$/.test(sha) ? sha : '';
  };
  // A POST that changes nothing: it carries the hash of the draft the signatory has just read to
  // the confirmation step, so the hash never appears in a URL or a browser's history.
  ui.post('/requests/:requestId/sign/confirm', async (request, reply) => showSign(request, reply, shaOf(asForm(request.body)), {}, 200));

  const roleOf = (body: FormBody, actor: Actor): Signatory | undefined => {
    const role = formText(body, 'role');
    return signatoryRoles(actor).find((r) => r === role);
  };

  ui.post('/requests/:requestId/sign', async (request, reply) => {
    const { t } = uiOf(request);
    const actor = sessionOf(request).actor;
    const requestId = requestIdOf(request);
    const body = asForm(request.body);
    const sha256 = shaOf(body);
    if (formText(body, 'confirm') !== 'yes') return showSign(request, reply, sha256, { confirm: { id: 'confirm', message: t.t('sign.confirmMissing') } }, 400);
    try {
      const role = roleOf(body, actor);
      await signDisclosure(ctx, actor, { requestId, sha256, ...(role ? { role } : {}) });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid-state' && error.field === 'sha256') return seeOther(reply, `/requests/${requestId}/letter?changed=1`);
      if (error instanceof DomainError && error.code === 'forbidden' && (await registerRightsOf(ctx, actor)).sign) {
        return showSign(request, reply, sha256, { confirm: { id: 'confirm', message: t.t('sign.fourEyes') } }, 403);
      }
      throw error;
    }
    return seeOther(reply, `/requests/${requestId}?done=signed`);
  });

  ui.post('/requests/:requestId/sent', async (request, reply) => {
    const requestId = requestIdOf(request);
    await markSent(ctx, sessionOf(request).actor, { requestId });
    return seeOther(reply, `/requests/${requestId}?done=sent`);
  });

  for (const kind of ['refuse', 'return'] as const) {
    const showClose = async (request: FastifyRequest, reply: FastifyReply, comment: string, errors: Record<string, FieldError>, status: number) => {
      const session = sessionOf(request);
      const requestId = requestIdOf(request);
      await requireRegisterRight(ctx, session.actor, 'sign', { request: requestId, letter: kind });
      const detail = await readRequest(ctx, session.actor, { requestId });
      if (!closingAllowed(detail.state, detail.assessment, kind)) throw new DomainError('invalid-state', `cannot ${kind} in state ${detail.state}`);
      return sendPage(request, reply, closePage(uiOf(request).t, {
        requestId, kind, request: detail, roles: signatoryRoles(session.actor), comment, errors, csrfToken: session.csrfToken,
      }), status);
    };
    ui.get(`/requests/:requestId/${kind}`, async (request, reply) => showClose(request, reply, '', {}, 200));
    ui.post(`/requests/:requestId/${kind}`, async (request, reply) => {
      const { t } = uiOf(request);
      const actor = sessionOf(request).actor;
      const requestId = requestIdOf(request);
      const body = asForm(request.body);
      const comment = formText(body, 'comment');
      if (comment.length > 2000) return showClose(request, reply, comment, { comment: { id: 'comment', message: t.t('error.tooLong', { field: t.t('close.comment') }) } }, 400);
      if (formText(body, 'confirm') !== 'yes') return showClose(request, reply, comment, { confirm: { id: 'confirm', message: t.t('close.confirmMissing') } }, 400);
      const close = kind === 'refuse' ? refuseRequest : returnRequest;
      try {
        const role = roleOf(body, actor);
        await close(ctx, actor, { requestId, comment: optional(comment) ?? null, ...(role ? { role } : {}) });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'invalid-input' && error.field === 'comment') {
          return showClose(request, reply, comment, { comment: { id: 'comment', message: t.t('close.commentMissing') } }, 400);
        }
        throw error;
      }
      return seeOther(reply, `/requests/${requestId}?done=${kind === 'refuse' ? 'refused' : 'returned'}`);
    });
  }

  ui.get('/requests/:requestId/letter.pdf', async (request, reply) => {
    const requestId = requestIdOf(request);
    const letter = await renderRequestLetter(ctx, sessionOf(request).actor, { requestId });
    // The file name says which request, never whom it is about.
    return sendDownload(reply, { fileName: `letter-${requestId}${letter.signed ? '' : '-draft'}.pdf`, mediaType: 'application/pdf', content: letter.pdf });
  });

  ui.get('/requests/:requestId/attachments/:attachmentId', async (request, reply) => {
    const requestId = requestIdOf(request);
    const attachmentId = urlText(request, 'params', 'attachmentId');
    if (!UUID.test(attachmentId)) throw notFound('attachment');
    const file = await readRequestAttachment(ctx, sessionOf(request).actor, { requestId, attachmentId });
    return sendDownload(reply, file);
  });
}

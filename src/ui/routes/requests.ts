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
import { recordRequest } from '../../app/requests/record-request.ts';
import { refuseRequest } from '../../app/requests/refuse-request.ts';
import { registerRightsOf, requireRegisterRight } from '../../app/requests/register-rights.ts';
import { renderRequestLetter } from '../../app/requests/render-letter.ts';
import { returnRequest } from '../../app/requests/return-request.ts';
import { signDisclosure } from '../../app/requests/sign-disclosure.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { SIGNATORIES, type Signatory } from '../../domain/requests/assess.ts';
import { todayIn } from '../../domain/calendar-date.ts';
import { closingAllowed } from '../../domain/requests/register-state.ts';
import { letterLanguageOf, STANDARD_REPLY } from '../../domain/requests/standard-reply.ts';
import type { Actor } from '../../domain/roles.ts';
import type { FieldError } from '../components.ts';
import { asForm, type FormBody, formFile, formText, optional, partsFromIso } from '../forms.ts';
import { emptySubject, forwardedPage, intakePage, type IntakeValues, registerPage, standardReplyPage, SUBJECT_SLOTS } from '../pages/register.ts';
import { assessmentPage, closePage, DONE, letterPage, matchPage, requestPage, signPage, type Viewing } from '../pages/request.ts';
import { requestTitle } from '../pages/request-parts.ts';
import type { UiDeps } from '../plugin.ts';
import { loadStaffNames } from '../profile.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';
import { sendDownload } from '../../http/download.ts';
import { registerCompletionRoutes } from './request-completion.ts';
import { intakePrefill, intakeValues, readIntake } from './request-intake.ts';

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

export function registerRequestRoutes(ui: FastifyInstance, deps: UiDeps): void {
  const { ctx } = deps;
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

  registerCompletionRoutes(ui, deps, requestIdOf);

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

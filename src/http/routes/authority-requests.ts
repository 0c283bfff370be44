// The sealed register of authority requests (art. 46bis/1 CIC) over HTTP. Each route calls one use
// case of src/app/requests/, which decides who may do what and logs it; this file only reads the
// input and shapes the answer. The pure assessment (POST /requests/assess) stays in requests.ts.
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { assessRecordedRequest } from '../../app/requests/assess-request.ts';
import { completeReturnedRequest } from '../../app/requests/complete-request.ts';
import { decideRequestSettings, proposeRequestSettings, readSettingsOverview } from '../../app/requests/configure-requests.ts';
import { delegateRegister, listRegisterDelegates } from '../../app/requests/delegate-register.ts';
import { findSubjectCandidates } from '../../app/requests/find-subject-candidates.ts';
import { listRegister } from '../../app/requests/list-register.ts';
import { markSent } from '../../app/requests/mark-sent.ts';
import { matchSubject } from '../../app/requests/match-subject.ts';
import { prepareDisclosure } from '../../app/requests/prepare-disclosure.ts';
import { readDisclosure } from '../../app/requests/read-disclosure.ts';
import { readRequest } from '../../app/requests/read-request.ts';
import { readRequestAttachment } from '../../app/requests/read-request-attachment.ts';
import { parseRequestJson, recordRequest } from '../../app/requests/record-request.ts';
import { refuseRequest } from '../../app/requests/refuse-request.ts';
import { renderRequestLetter } from '../../app/requests/render-letter.ts';
import { readRequestStatistics } from '../../app/requests/request-statistics.ts';
import { returnRequest } from '../../app/requests/return-request.ts';
import { signDisclosure } from '../../app/requests/sign-disclosure.ts';
import { closeBody, completionBody, delegationBody, matchSubjectBody, proposalParams, settingsDecisionBody, recordRequestBody, settingsBody, signBody } from '../../domain/requests/register-schemas.ts';
import { statisticsCsv } from '../../domain/requests/statistics.ts';
import { actorOf, anyObject, type Api, errors } from './common.ts';
import { sendDownload } from '../download.ts';

const TAGS = ['authority requests'];
const requestParams = z.object({ requestId: z.string().uuid('must be a UUID') });
const subjectParams = requestParams.extend({ position: z.coerce.number().int().min(1, 'must be a position from 1') });
const ok = (schema: z.ZodType = anyObject) => ({ 200: schema, ...errors });

export function registerAuthorityRequestRoutes(api: Api, ctx: AppContext): void {
  api.post('/requests', {
    schema: {
      tags: TAGS,
      summary: 'Record a request received from an authority (anyone may; a social worker then loses sight of it). An oral request is recorded as an attempt and answered with the standard reply.',
      body: recordRequestBody,
      response: { 201: anyObject, ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    const recorded = await recordRequest(ctx, actorOf(request), {
      request: parseRequestJson(body.request),
      reference: body.reference ?? null,
      answerBy: body.answerBy ?? null,
      reasonsText: body.reasonsText ?? null,
      letter: body.letter ? { fileName: body.letter.fileName, mediaType: body.letter.mediaType, content: Buffer.from(body.letter.contentBase64, 'base64') } : null,
    });
    return reply.code(201).send(recorded);
  });

  api.get('/requests', {
    schema: {
      tags: TAGS,
      summary: 'The register: one line per request, with its due date (directeur général, président, DPO, delegates)',
      querystring: z.object({ overdue: z.enum(['true', 'false']).optional() }).strict(),
      response: ok(z.object({ requests: z.array(anyObject) })),
    },
  }, async (request) => {
    const { overdue } = request.query;
    return { requests: await listRegister(ctx, actorOf(request), { overdueOnly: overdue === 'true' }) };
  });

  api.get('/requests/statistics', {
    schema: {
      tags: TAGS,
      summary: 'Yearly statistics of the register, no personal data, counts 1 to 4 shown as "< 5"',
      querystring: z.object({ year: z.coerce.number().int().min(2017).max(2100), format: z.enum(['json', 'csv']).default('json') }).strict(),
    },
  }, async (request, reply) => {
    const { year, format } = request.query;
    const stats = await readRequestStatistics(ctx, actorOf(request), { year });
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(statisticsCsv(stats));
    return reply.send(stats);
  });

  api.get('/requests/settings', {
    schema: { tags: TAGS, summary: "The register's settings in force, every version with who proposed and confirmed it, and the proposals", response: ok() },
  }, async (request) => readSettingsOverview(ctx, actorOf(request)));

  // Four eyes: a PUT only proposes; the directeur général or the président who did not propose it confirms.
  api.put('/requests/settings', {
    schema: {
      tags: TAGS,
      summary: "Propose new settings (the legal service: a delegate, the directeur général or the président): answer delay, assessment configuration, the decision's reference. Takes effect when another person confirms it.",
      body: settingsBody,
      response: { 202: z.object({ proposalId: z.string(), state: z.literal('pending') }), ...errors },
    },
  }, async (request, reply) => reply.code(202).send(await proposeRequestSettings(ctx, actorOf(request), request.body)));

  api.post('/requests/settings/proposals/:proposalId/decision', {
    schema: {
      tags: TAGS,
      summary: 'Confirm (a new settings version) or reject a proposal: the directeur général or the président, never its author',
      params: proposalParams,
      body: settingsDecisionBody,
      response: ok(z.object({ outcome: z.enum(['confirmed', 'rejected']), version: z.number().nullable() })),
    },
  }, async (request) => decideRequestSettings(ctx, actorOf(request), { proposalId: request.params.proposalId, confirm: request.body.confirm }));

  api.get('/requests/delegates', {
    schema: { tags: TAGS, summary: 'Staff delegated into the register', response: ok(z.object({ delegates: z.array(anyObject) })) },
  }, async (request) => ({ delegates: await listRegisterDelegates(ctx, actorOf(request)) }));

  api.post('/requests/delegates', {
    schema: {
      tags: TAGS,
      summary: 'Let an administrative agent into the register to prepare answers until a date (at most a year), or take them out (directeur général, président)',
      body: delegationBody,
      response: { 204: z.null(), ...errors },
    },
  }, async (request, reply) => {
    await delegateRegister(ctx, actorOf(request), request.body);
    return reply.code(204).send(null);
  });

  api.get('/requests/:requestId', {
    schema: { tags: TAGS, summary: 'One request with its persons, assessment, state history and letter summary', params: requestParams, response: ok() },
  }, async (request) => readRequest(ctx, actorOf(request), request.params));

  api.post('/requests/:requestId/assess', {
    schema: { tags: TAGS, summary: "Assess the recorded request with the CPAS's configuration", params: requestParams, response: ok() },
  }, async (request) => assessRecordedRequest(ctx, actorOf(request), request.params));

  api.post('/requests/:requestId/completion', {
    schema: {
      tags: TAGS,
      summary: 'The authority completed a request returned for completion: recorded on the same entry as its next version, then assessed again',
      params: requestParams,
      body: completionBody,
      response: ok(z.object({ version: z.number(), state: z.string() })),
    },
  }, async (request) => completeReturnedRequest(ctx, actorOf(request), { requestId: request.params.requestId, ...request.body }));

  api.get('/requests/:requestId/subjects/:position/candidates', {
    schema: { tags: TAGS, summary: 'Files that may be the person named (by national number, else name and birth date)', params: subjectParams, response: ok() },
  }, async (request) => findSubjectCandidates(ctx, actorOf(request), request.params));

  api.post('/requests/:requestId/subjects/:position/match', {
    schema: { tags: TAGS, summary: 'Confirm the file of the person named, or that the CPAS holds none (personId null)', params: subjectParams, body: matchSubjectBody, response: ok() },
  }, async (request) => {
    const params = request.params;
    return matchSubject(ctx, actorOf(request), { ...params, personId: request.body.personId });
  });

  api.post('/requests/:requestId/prepare', {
    schema: { tags: TAGS, summary: 'Prepare the answer: what leaves item by item, what is withheld and why, and the SHA-256 to sign', params: requestParams, response: ok() },
  }, async (request) => prepareDisclosure(ctx, actorOf(request), request.params));

  api.get('/requests/:requestId/disclosure', {
    schema: { tags: TAGS, summary: 'The letter as it stands (draft or signed)', params: requestParams, response: ok() },
  }, async (request) => readDisclosure(ctx, actorOf(request), request.params));

  api.post('/requests/:requestId/sign', {
    schema: { tags: TAGS, summary: 'Sign the reviewed draft (directeur général or président, not its preparer)', params: requestParams, body: signBody, response: ok() },
  }, async (request) => signDisclosure(ctx, actorOf(request), { ...request.params, ...request.body }));

  api.post('/requests/:requestId/sent', {
    schema: { tags: TAGS, summary: 'Record that the signed letter was sent', params: requestParams, response: ok() },
  }, async (request) => markSent(ctx, actorOf(request), request.params));

  for (const [path, close, summary] of [
    ['refuse', refuseRequest, 'Refuse a request that is not a 46bis/1 request, with a signed letter'],
    ['return', returnRequest, 'Return a request for completion, with a signed letter'],
  ] as const) {
    api.post(`/requests/:requestId/${path}`, {
      schema: { tags: TAGS, summary, params: requestParams, body: closeBody, response: ok() },
    }, async (request) => {
      const body = request.body;
      return close(ctx, actorOf(request), { ...request.params, comment: body.comment ?? null, ...(body.role ? { role: body.role } : {}) });
    });
  }

  api.get('/requests/:requestId/letter.pdf', {
    schema: { tags: TAGS, summary: 'The letter as PDF (a draft is marked as such)', params: requestParams, response: errors },
  }, async (request, reply) => {
    const { requestId } = request.params;
    const letter = await renderRequestLetter(ctx, actorOf(request), { requestId });
    // The file name says which request, never whom it is about.
    return sendDownload(reply, { fileName: `letter-${requestId}${letter.signed ? '' : '-draft'}.pdf`, mediaType: 'application/pdf', content: letter.pdf });
  });

  api.get('/requests/:requestId/attachments/:attachmentId', {
    schema: {
      tags: TAGS,
      summary: "The authority's scanned letter",
      params: requestParams.extend({ attachmentId: z.string().uuid('must be a UUID') }),
      response: errors,
    },
  }, async (request, reply) => {
    const file = await readRequestAttachment(ctx, actorOf(request), request.params);
    return sendDownload(reply, file);
  });
}

// Rights requests from the CPAS's side: recorded at the desk, listed in a queue by deadline,
// extended once with a reason sent to the person, and, for a copy of the social reports, redacted
// by a social worker on the case (what concerns third parties removed, art. 15(4)) and approved by
// a head of social service who is not the redactor (four eyes; the database checks it too). Only
// the approved PDF can leave (downloadMyCopy). Every step goes through the access policy's gate.
import { appendAccessLog } from '../../adapters/db/access-log-store.ts';
import { renderRedactedCopyPdf } from '../../adapters/pdf/redacted-copy-pdf.ts';
import { extendRightsRequest, findRightsRequest, listOpenRightsRequests, openRightsStatement, moveRightsRequest, type RightsRequestRow } from '../../adapters/db/stores/citizen-rights-store.ts';
import type { Tx } from '../../adapters/db/database.ts';
import type { ItemCategory } from '../../domain/data-classes.ts';
import { DomainError, forbidden, invalidInput, notFound } from '../../domain/errors.ts';
import type { Purpose } from '../../domain/purposes.ts';
import { EXTENSION_REASON_MIN_LENGTH, extendedDueOnOf, isOpenRightsRequest, mayTakeStep, type RightsStep } from '../../domain/rights-requests.ts';
import type { Actor } from '../../domain/roles.ts';
import { refuseUnlessRole } from '../audit-gate.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { gatePersonAccess } from '../person-access.ts';
import { checkRequestInput, insertRequest } from './rights-requests.ts';

const PURPOSE: Purpose = 'data-subject-access';
const QUEUE_ROLES = ['administrative-agent', 'head-of-social-service'] as const;
const invalidState = () => new DomainError('invalid-state', 'the request is not at this step');

export async function recordDeskRequest(ctx: AppContext, actor: Actor, input: { personId: string; kind: unknown; statement: unknown }): Promise<{ requestId: string }> {
  const checked = checkRequestInput(input);
  return runAudited(ctx, async (tx) => {
    const grant = await gatePersonAccess(tx, ctx, actor, {
      personId: input.personId, purpose: PURPOSE, action: 'write', logAction: 'create', categories: ['application-data'], partial: false,
      details: { view: 'rights-request-desk', kind: checked.kind },
    });
    if (grant instanceof Refusal) return grant;
    return { requestId: await insertRequest(tx, ctx, actor.cpasId, input.personId, { ...checked, channel: 'desk', recordedBy: actor.userId }) };
  });
}

export interface QueuedRightsRequest {
  readonly requestId: string;
  readonly personId: string;
  readonly kind: RightsRequestRow['kind'];
  readonly channel: RightsRequestRow['channel'];
  readonly receivedOn: string;
  readonly dueOn: string;
  readonly extended: boolean;
  readonly state: RightsRequestRow['state'];
  readonly overdue: boolean;
}

/** The open requests, soonest deadline first. Ids and dates only: the file is opened through its own page. */
export async function listRightsQueue(ctx: AppContext, actor: Actor): Promise<QueuedRightsRequest[]> {
  return runAudited(ctx, async (tx) => {
    const fields = { action: 'read' as const, purpose: PURPOSE, personId: null, classes: ['application-data' as ItemCategory], details: { view: 'rights-queue' } };
    const refusal = await refuseUnlessRole(tx, ctx, actor, [...QUEUE_ROLES, 'social-worker'], fields);
    if (refusal) return refusal;
    const today = ctx.now().toISOString().slice(0, 10);
    const rows = await listOpenRightsRequests(tx, actor.cpasId);
    await appendAccessLog(tx, { cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, rule: 'operation', outcome: 'allowed', ...fields, details: { view: 'rights-queue', count: rows.length } }, ctx.now());
    return rows.map((r) => {
      const dueOn = r.extendedDueOn ?? r.dueOn;
      return { requestId: r.requestId, personId: r.personId, kind: r.kind, channel: r.channel, receivedOn: r.receivedOn, dueOn, extended: r.extendedDueOn !== null, state: r.state, overdue: dueOn < today };
    });
  });
}

/** Loads the request for a step on the person's file, through the policy's gate for these classes and purpose. */
async function gateStep(tx: Tx, ctx: AppContext, actor: Actor, requestId: string, step: RightsStep | 'extend', access: { categories: ItemCategory[]; purpose: Purpose; action: 'read' | 'write' }): Promise<RightsRequestRow | Refusal> {
  const request = await findRightsRequest(tx, actor.cpasId, requestId);
  if (!request) return new Refusal(notFound('rights request'));
  const grant = await gatePersonAccess(tx, ctx, actor, {
    personId: request.personId, purpose: access.purpose, action: access.action, logAction: 'update', categories: access.categories, partial: false,
    details: { view: 'rights-request', step, request: requestId },
  });
  if (grant instanceof Refusal) return grant;
  if (step === 'extend' ? !isOpenRightsRequest(request.state) : !mayTakeStep(step, request.kind, request.state)) return new Refusal(invalidState());
  return request;
}

export async function extendRightsDeadline(ctx: AppContext, actor: Actor, input: { requestId: string; reason: string }): Promise<{ dueOn: string }> {
  const reason = input.reason.trim();
  if (reason.length < EXTENSION_REASON_MIN_LENGTH) throw invalidInput('reason', `must tell the person why, in at least ${EXTENSION_REASON_MIN_LENGTH} characters`);
  return runAudited(ctx, async (tx) => {
    const request = await gateStep(tx, ctx, actor, input.requestId, 'extend', { categories: ['application-data'], purpose: PURPOSE, action: 'write' });
    if (request instanceof Refusal) return request;
    const dueOn = extendedDueOnOf(request.dueOn);
    const sealed = await ctx.secrets.seal(tx, { cpasId: actor.cpasId, table: 'rights_request', column: 'extension_reason_enc', recordId: input.requestId }, reason);
    // Once only: art. 12(3) allows two further months, not a rolling delay.
    if (!(await extendRightsRequest(tx, actor.cpasId, input.requestId, dueOn, sealed))) return new Refusal(invalidState());
    return { dueOn };
  });
}

/** The social worker on the case writes the copy as it may leave: third parties' information removed. */
export async function redactCopy(ctx: AppContext, actor: Actor, input: { requestId: string; title: string; redactedText: string }): Promise<void> {
  if (input.redactedText.trim().length === 0) throw invalidInput('redactedText', 'must hold the redacted reports');
  if (!actor.roles.includes('social-worker') && !actor.roles.includes('head-of-social-service')) throw forbidden('only the social service redacts social reports');
  const pdf = await renderRedactedCopyPdf({ title: input.title, text: input.redactedText });
  await runAudited(ctx, async (tx) => {
    const request = await gateStep(tx, ctx, actor, input.requestId, 'redact', { categories: ['social-report'], purpose: 'case-follow-up', action: 'write' });
    if (request instanceof Refusal) return request;
    const sealed = await ctx.secrets.seal(tx, { cpasId: actor.cpasId, table: 'rights_request', column: 'copy_pdf_enc', recordId: input.requestId }, pdf);
    // A new redaction clears any earlier approval: what is approved is exactly what leaves.
    if (!(await moveRightsRequest(tx, actor.cpasId, input.requestId, ['received', 'redacted'], 'redacted', ctx.now(), { redactedBy: actor.userId, copyPdfEnc: sealed }))) return new Refusal(invalidState());
    return undefined;
  });
}

/** A head of social service who did not redact it approves the copy (four eyes). */
export async function approveCopy(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<void> {
  if (!actor.roles.includes('head-of-social-service')) throw forbidden('only a head of social service approves a copy');
  await runAudited(ctx, async (tx) => {
    const request = await gateStep(tx, ctx, actor, input.requestId, 'approve', { categories: ['social-report'], purpose: 'supervision', action: 'read' });
    if (request instanceof Refusal) return request;
    if (request.redactedBy === actor.userId) return new Refusal(forbidden('the redactor may not approve their own redaction'));
    if (!(await moveRightsRequest(tx, actor.cpasId, input.requestId, ['redacted'], 'approved', ctx.now(), { approvedBy: actor.userId }))) return new Refusal(invalidState());
    return undefined;
  });
}

/** A correction or objection has been answered (the answer itself goes to the person by letter). */
export async function markAnswered(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<void> {
  await runAudited(ctx, async (tx) => {
    const request = await gateStep(tx, ctx, actor, input.requestId, 'answer', { categories: ['application-data'], purpose: PURPOSE, action: 'write' });
    if (request instanceof Refusal) return request;
    if (!(await moveRightsRequest(tx, actor.cpasId, input.requestId, ['received'], 'answered', ctx.now(), {}))) return new Refusal(invalidState());
    return undefined;
  });
}

/**
 * The person's own words (what to correct, why they object), sealed as a social note: read by the
 * social service on the case (the policy's secret-tier rule, purpose of case work), not by the
 * desk, since a correction or an objection may repeat a confidence. Null when there are none.
 */
export async function readRightsStatement(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<string | null> {
  return runAudited(ctx, async (tx) => {
    const request = await findRightsRequest(tx, actor.cpasId, input.requestId);
    if (!request) return new Refusal(notFound('rights request'));
    const grant = await gatePersonAccess(tx, ctx, actor, {
      personId: request.personId, purpose: 'case-follow-up', action: 'read', logAction: 'read', categories: ['social-notes'], partial: false,
      details: { view: 'rights-request-statement', request: input.requestId },
    });
    if (grant instanceof Refusal) return grant;
    return openRightsStatement(tx, ctx.secrets, grant.grant, { cpasId: actor.cpasId, personId: request.personId, requestId: input.requestId });
  });
}

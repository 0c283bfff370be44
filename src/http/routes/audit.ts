// The audit API: the DPO's views of the access log, break-glass (open, queue, review), the
// person-facing "who consulted my file" and staff notifications. Break-glass reasons travel in
// bodies and answers only: never in a URL, where proxies and server logs would keep them.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { openBreakGlass } from '../../app/break-glass.ts';
import type { AppContext } from '../../app/context.ts';
import { findPersonForAudit } from '../../app/find-person-for-audit.ts';
import { listBreakGlassQueue } from '../../app/list-break-glass-queue.ts';
import { listMyNotifications, markMyNotificationRead } from '../../app/list-notifications.ts';
import { personAccessHistory } from '../../app/person-access-history.ts';
import { LOG_PAGE, readAccessLog } from '../../app/read-access-log.ts';
import { reviewBreakGlass } from '../../app/review-break-glass.ts';
import type { LogFilter } from '../../adapters/db/stores/access-log-query-store.ts';
import { BREAK_GLASS, REVIEW_OUTCOMES } from '../../domain/break-glass.ts';
import { purposeSchema, searchQuery, uuid } from '../../domain/schemas.ts';
import { actorOf, anyObject, type Api, asPurpose, errorBody, errors, personParams } from './common.ts';

const page = {
  before: z.string().regex(/^[1-9][0-9]{0,15}$/, 'must be a sequence number').optional(),
  limit: z.string().regex(/^[0-9]{1,4}$/, `must be a number up to ${LOG_PAGE.max}`).optional(),
};
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'must be a date YYYY-MM-DD or an ISO 8601 date-time with its offset')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a valid date');
const logPage = z.object({ entries: z.array(anyObject), nextBefore: z.number().nullable() });
const iso = (d: Date) => d.toISOString();

/** A grant in the review queue. `reason` and `review.comment` are social notes: null unless the policy lets the reader see them. */
const queuedGrant = z.object({
  grantId: z.string(),
  personId: z.string(),
  /** Null unless the policy lets a list name persons to the reader (mayNamePersons). */
  personName: z.object({ familyName: z.string(), givenNames: z.string() }).nullable(),
  user: z.object({ userId: z.string(), name: z.string().nullable() }),
  purpose: z.string(),
  reason: z.string().nullable(),
  openedAt: z.string(),
  expiresAt: z.string(),
  opened: z.object({ reads: z.number().int(), classes: z.array(z.string()) }),
  active: z.boolean(),
  review: z.object({ by: z.string(), at: z.string(), outcome: z.string(), comment: z.string().nullable() }).nullable(),
});

export function registerAuditRoutes(api: Api, ctx: AppContext): void {
  const pageOf = (request: FastifyRequest, filter: LogFilter, q: { before?: string; limit?: string }) =>
    readAccessLog(ctx, actorOf(request), { filter, before: q.before ? Number(q.before) : undefined, limit: q.limit ? Number(q.limit) : undefined });
  const logSchema = (summary: string) => ({ tags: ['audit'], summary, response: { 200: logPage, ...errors } });
  // The criteria are personal data: in a POSTed body, never in a URL.
  api.post('/audit/persons/search', {
    schema: {
      tags: ['audit'], summary: 'DPO: find a person by NISS, name or birth date, to read the log about them (name and birth date only; logged like any search)',
      body: searchQuery, response: { 200: z.object({ persons: z.array(z.object({ personId: z.string(), familyName: z.string(), givenNames: z.string(), birthDate: z.string().nullable() })) }), ...errors },
    },
  }, async (request) => ({ persons: await findPersonForAudit(ctx, actorOf(request), request.body) }));

  api.get('/audit/persons/:personId', { schema: { ...logSchema('DPO: every access-log entry about one person, newest first'), params: personParams, querystring: z.object(page) } },
    async (request) => pageOf(request, { kind: 'person', personId: request.params.personId }, request.query));
  api.get('/audit/staff/:userId', { schema: { ...logSchema('DPO: every access-log entry of one staff member, newest first'), params: z.object({ userId: uuid }), querystring: z.object(page) } },
    async (request) => pageOf(request, { kind: 'staff', userId: request.params.userId }, request.query));
  api.get('/audit/period', { schema: { ...logSchema('DPO: the access log of a period [from, to), newest first'), querystring: z.object({ from: instant, to: instant, ...page }) } },
    async (request) => pageOf(request, { kind: 'period', from: new Date(request.query.from), to: new Date(request.query.to) }, request.query));

  api.get('/persons/:personId/access-history', {
    schema: {
      tags: ['audit'],
      summary: "Who consulted this person's file (for the person who asks; purpose data-subject-access)",
      params: personParams,
      response: { 200: z.object({ personId: z.string(), accesses: z.array(anyObject) }), ...errors },
    },
  }, async (request) => personAccessHistory(ctx, actorOf(request), { personId: request.params.personId }));

  api.post('/persons/:personId/break-glass', {
    schema: {
      tags: ['break-glass'],
      summary: `Break the glass: read the secret part of a case you are not on, for ${BREAK_GLASS.minutes} minutes, with a written reason (reviewed)`,
      params: personParams,
      body: z.object({ reason: z.string().max(BREAK_GLASS.reasonMaxLength, `must be at most ${BREAK_GLASS.reasonMaxLength} characters`), purpose: purposeSchema }).strict(),
      response: { 201: z.object({ grantId: z.string(), expiresAt: z.string() }), ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    const grant = await openBreakGlass(ctx, actorOf(request), {
      personId: request.params.personId, reason: body.reason, purpose: asPurpose(body.purpose),
    });
    return reply.code(201).send({ grantId: grant.grantId, expiresAt: iso(grant.expiresAt) });
  });

  api.get('/break-glass', {
    schema: {
      tags: ['break-glass'],
      summary: 'The break-glass review queue (head of social service, DPO): who, when, which file, purpose, duration, what was opened; the reason and review comments only for the head of social service (null for the DPO); all=true includes reviewed grants',
      querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ grants: z.array(queuedGrant) }), ...errors },
    },
  }, async (request) => ({
    grants: await listBreakGlassQueue(ctx, actorOf(request), { includeReviewed: request.query.all === 'true' }),
  }));

  api.post('/break-glass/:grantId/review', {
    schema: {
      tags: ['break-glass'],
      summary: 'Review a break-glass grant: justified or not-justified (with a comment); final',
      params: z.object({ grantId: uuid }),
      body: z.object({ outcome: z.enum(REVIEW_OUTCOMES), comment: z.string().max(BREAK_GLASS.commentMaxLength).nullish() }).strict(),
      response: { 200: z.object({ grantId: z.string(), outcome: z.string() }), ...errors },
    },
  }, async (request) => {
    const body = request.body;
    return reviewBreakGlass(ctx, actorOf(request), { grantId: request.params.grantId, ...body });
  });

  api.get('/notifications', {
    schema: {
      tags: ['staff'],
      summary: 'My notifications (kind and record id, no content); unread=true for unread ones only',
      querystring: z.object({ unread: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ notifications: z.array(z.object({ notificationId: z.string(), kind: z.string(), referenceId: z.string(), createdAt: z.string(), readAt: z.string().nullable() })) }), ...errors },
    },
  }, async (request) => ({
    notifications: (await listMyNotifications(ctx, actorOf(request), { unreadOnly: request.query.unread === 'true' }))
      .map((n) => ({ ...n, createdAt: iso(n.createdAt), readAt: n.readAt ? iso(n.readAt) : null })),
  }));

  api.post('/notifications/:notificationId/read', {
    schema: { tags: ['staff'], summary: 'Mark one of my notifications read', params: z.object({ notificationId: uuid }), response: { 204: z.null(), 404: errorBody, 401: errorBody } },
  }, async (request, reply) => {
    await markMyNotificationRead(ctx, actorOf(request), request.params.notificationId);
    return reply.code(204).send(null);
  });
}

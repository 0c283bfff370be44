// The council's agenda over the API: the open sessions, and a member's decision on an item, with
// the same schema as the page (agendaDecisionInput). The use cases decide who may and log.
import { z } from 'zod';
import { decideAgendaItem } from '../../app/council/decide-agenda-item.ts';
import { listCouncilSessions } from '../../app/council/list-council-sessions.ts';
import type { AppContext } from '../../app/context.ts';
import { agendaDecisionInput, COUNCIL_BODIES } from '../../domain/council.ts';
import { actorOf, type Api, created, errors } from './common.ts';

const TAGS = ['council'];

const sessionBody = z.object({
  sessionId: z.string(), body: z.enum(COUNCIL_BODIES), meetingDate: z.string(), items: z.number(), decided: z.number(),
});

export function registerCouncilRoutes(api: Api, ctx: AppContext): void {
  api.get('/council-sessions', {
    schema: {
      tags: TAGS,
      summary: 'The open sessions of the council and the committee: body, date, number of items and of decided items (no person)',
      response: { 200: z.object({ sessions: z.array(sessionBody) }), ...errors },
    },
  }, async (request) => ({
    sessions: (await listCouncilSessions(ctx, actorOf(request))).map(({ sessionId, body, meetingDate, items, decided }) => ({ sessionId, body, meetingDate, items, decided })),
  }));

  api.post('/agenda-items/:itemId/decision', {
    schema: {
      tags: TAGS,
      summary: 'A council or committee member records the decision on an item of an open agenda (granted, partial or refused, amount in cents, period, motivation)',
      params: z.object({ itemId: z.string().uuid('must be a UUID') }),
      body: agendaDecisionInput,
      response: { 201: created('decisionId'), ...errors },
    },
  }, async (request, reply) => reply.code(201).send(await decideAgendaItem(ctx, actorOf(request), { itemId: request.params.itemId, decision: request.body })));
}

import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { addStaffUser, assignCase, listCaseload, listStaffUsers } from '../../app/manage-staff.ts';
import { assignmentInput, userInput } from '../../domain/schemas.ts';
import { actorOf, anyObject, type Api, created, errors, personParams } from './common.ts';

export function registerStaffRoutes(api: Api, ctx: AppContext): void {
  api.get('/caseload', { schema: { tags: ['staff'], summary: 'The persons assigned to the current user today', response: { 200: z.object({ persons: z.array(anyObject) }), ...errors } } },
    async (request) => ({ persons: await listCaseload(ctx, actorOf(request)) }));

  api.post('/persons/:personId/assignments', {
    schema: { tags: ['staff'], summary: "Assign a social worker to a person's case", params: personParams, body: assignmentInput, response: { 201: created('assignmentId'), ...errors } },
  }, async (request, reply) => {
    const { personId } = request.params;
    const body = request.body;
    return reply.code(201).send(await assignCase(ctx, actorOf(request), { personId, ...body }));
  });

  api.get('/users', { schema: { tags: ['staff'], summary: 'Staff of the CPAS and their roles', response: { 200: z.object({ users: z.array(anyObject) }), ...errors } } },
    async (request) => ({ users: await listStaffUsers(ctx, actorOf(request)) }));

  api.post('/users', { schema: { tags: ['staff'], summary: 'Add a staff user with roles', body: userInput, response: { 201: created('userId'), ...errors } } },
    async (request, reply) => reply.code(201).send(await addStaffUser(ctx, actorOf(request), request.body)));
}

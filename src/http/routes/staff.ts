import { z } from 'zod';
import { setMyNotificationEmail } from '../../app/set-notification-email.ts';
import { activateAccount } from '../../app/activate-account.ts';
import type { AppContext } from '../../app/context.ts';
import { endAssignment } from '../../app/end-assignment.ts';
import { listAssignments } from '../../app/list-assignments.ts';
import { assignCase, confirmAssignment, listAssignmentProposals, listCaseload } from '../../app/manage-staff.ts';
import { confirmRoleGrant, grantRole, listRoleGrants } from '../../app/role-grants.ts';
import { addStaffUser, listStaffUsers } from '../../app/staff-accounts.ts';
import { activationInput, assignmentInput, dateSchema, roleGrantInput, userInput } from '../../domain/schemas.ts';
import { actorOf, anyObject, type Api, errors, personParams } from './common.ts';

const uuid = z.string().uuid('must be a UUID');
const assignmentResult = z.object({ state: z.enum(['effective', 'pending-confirmation']), assignmentId: z.string().optional(), proposalId: z.string().optional() });
const withCode = z.object({ confirmationCode: z.string(), expiresAt: z.string() });

export function registerStaffRoutes(api: Api, ctx: AppContext): void {
  api.put('/profile/notification-email', {
    schema: {
      tags: ['staff'], summary: "Your own address for the register's e-mail notices (they say only that something waits), or null to stop them",
      body: z.object({ email: z.string().max(254).nullable() }).strict(), response: { 204: z.null(), ...errors },
    },
  }, async (request, reply) => {
    await setMyNotificationEmail(ctx, actorOf(request), request.body);
    return reply.code(204).send(null);
  });

  api.get('/caseload', { schema: { tags: ['staff'], summary: 'The persons assigned to the current user today', response: { 200: z.object({ persons: z.array(anyObject) }), ...errors } } },
    async (request) => ({ persons: await listCaseload(ctx, actorOf(request)) }));

  api.post('/persons/:personId/assignments', {
    schema: {
      tags: ['staff'], summary: "Assign a social worker to a person's case (a head of social service), or propose it (others: waits for a head of social service)",
      params: personParams, body: assignmentInput, response: { 201: assignmentResult, ...errors },
    },
  }, async (request, reply) => {
    const { personId } = request.params;
    const body = request.body;
    return reply.code(201).send(await assignCase(ctx, actorOf(request), { personId, ...body }));
  });

  const assignments = z.object({ person: anyObject.nullable(), assignments: z.array(anyObject), workers: z.array(anyObject), mayEnd: z.boolean() });
  api.get('/assignments', { schema: { tags: ['staff'], summary: "The service's assignments in effect or to come, and the social workers who can take a case (logged)", response: { 200: assignments, ...errors } } },
    async (request) => listAssignments(ctx, actorOf(request), { personId: null }));

  api.get('/persons/:personId/assignments', { schema: { tags: ['staff'], summary: "One person's assignments in effect or to come (logged)", params: personParams, response: { 200: assignments, ...errors } } },
    async (request) => listAssignments(ctx, actorOf(request), { personId: request.params.personId }));

  api.post('/assignments/:assignmentId/end', {
    schema: {
      tags: ['staff'], summary: 'End an assignment on a last day, a Brussels calendar date (a head of social service; only shortens)',
      params: z.object({ assignmentId: uuid }), body: z.object({ endsOn: dateSchema }).strict(),
      response: { 200: z.object({ assignmentId: z.string(), personId: z.string(), assignedUntil: z.string() }), ...errors },
    },
  }, async (request) => endAssignment(ctx, actorOf(request), { assignmentId: request.params.assignmentId, endsOn: request.body.endsOn }));

  api.get('/assignment-proposals', { schema: { tags: ['staff'], summary: 'Assignments waiting for a head of social service', response: { 200: z.object({ proposals: z.array(anyObject) }), ...errors } } },
    async (request) => ({ proposals: await listAssignmentProposals(ctx, actorOf(request)) }));

  api.post('/assignment-proposals/:proposalId/confirmation', {
    schema: { tags: ['staff'], summary: 'Confirm a proposed assignment (a head of social service other than its proposer and assignee)', params: z.object({ proposalId: uuid }), response: { 201: z.object({ assignmentId: z.string() }), ...errors } },
  }, async (request, reply) => reply.code(201).send(await confirmAssignment(ctx, actorOf(request), request.params as { proposalId: string })));

  api.get('/users', { schema: { tags: ['staff'], summary: 'Staff of the CPAS and their roles in effect', response: { 200: z.object({ users: z.array(anyObject) }), ...errors } } },
    async (request) => ({ users: await listStaffUsers(ctx, actorOf(request)) }));

  api.post('/users', {
    schema: {
      tags: ['staff'], summary: 'Add a staff account: no password, a one-time activation code for the holder; secret-opening roles wait for confirmation', body: userInput,
      response: { 201: z.object({ userId: z.string(), activationCode: z.string(), activationExpiresAt: z.string(), pendingRoles: z.array(z.string()) }), ...errors },
    },
  }, async (request, reply) => {
    const made = await addStaffUser(ctx, actorOf(request), request.body as z.infer<typeof userInput>);
    return reply.code(201).send({ ...made, activationExpiresAt: made.activationExpiresAt.toISOString() });
  });

  api.post('/users/:userId/roles', {
    schema: { tags: ['staff'], summary: 'Grant a role; a secret-opening role waits for a head of social service', params: z.object({ userId: uuid }), body: roleGrantInput, response: { 201: z.object({ state: z.string(), grantId: z.string().optional() }), ...errors } },
  }, async (request, reply) => {
    const { userId } = request.params as { userId: string };
    return reply.code(201).send(await grantRole(ctx, actorOf(request), { userId, role: (request.body as z.infer<typeof roleGrantInput>).role }));
  });

  api.get('/role-grants', { schema: { tags: ['staff'], summary: 'Grants of secret-opening roles not yet in effect', response: { 200: z.object({ grants: z.array(anyObject) }), ...errors } } },
    async (request) => ({ grants: await listRoleGrants(ctx, actorOf(request)) }));

  api.post('/role-grants/:grantId/confirmation', {
    schema: { tags: ['staff'], summary: 'Confirm a grant (a second head of social service); the one-time code goes to the holder in person', params: z.object({ grantId: uuid }), response: { 201: withCode, ...errors } },
  }, async (request, reply) => {
    const confirmed = await confirmRoleGrant(ctx, actorOf(request), request.params as { grantId: string });
    return reply.code(201).send({ confirmationCode: confirmed.confirmationCode, expiresAt: confirmed.expiresAt.toISOString() });
  });

  api.post('/activation', {
    config: { public: true },
    schema: { tags: ['session'], summary: "The holder sets their password with the activation code (or current password) and, for confirmed roles, the confirmer's code", body: activationInput, response: { 200: z.object({ roles: z.array(z.string()) }), ...errors, 423: errors[400] } },
  }, async (request) => ({ roles: (await activateAccount(ctx, request.body as z.infer<typeof activationInput>)).effectiveRoles }));
}

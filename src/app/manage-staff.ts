// Staff accounts and case assignments: operations on the system, allowed by role, logged.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../adapters/crypto/passwords.ts';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import type { Tx } from '../adapters/db/database.ts';
import { findStaffById, insertStaff, listStaff } from '../adapters/db/stores/staff-store.ts';
import { mayPerform, type Operation } from '../domain/access-policy.ts';
import { DomainError, forbidden, notFound } from '../domain/errors.ts';
import { todayIn } from '../domain/calendar-date.ts';
import type { Actor } from '../domain/roles.ts';
import type { UserInput } from '../domain/schemas.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

async function checkOperation(tx: Tx, ctx: AppContext, actor: Actor, operation: Operation, personId: string | null = null): Promise<Refusal | null> {
  if (mayPerform(actor.roles, operation)) return null;
  await appendAccessLog(tx, {
    cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'administrative-processing', action: 'update',
    personId, classes: [], outcome: 'denied', rule: 'operation', details: { operation },
  }, ctx.now());
  return new Refusal(forbidden(`not allowed to ${operation}`));
}

export async function addStaffUser(ctx: AppContext, actor: Actor, input: UserInput): Promise<{ userId: string }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return runAudited(ctx, async (tx) => {
    const refusal = await checkOperation(tx, ctx, actor, 'manage-users');
    if (refusal) return refusal;
    const clash = await tx.query('SELECT 1 FROM staff_user WHERE cpas_id = $1 AND username = $2', [actor.cpasId, input.username]);
    if (clash.length > 0) return new Refusal(new DomainError('conflict', 'username: this user exists already', 'username'));
    const userId = randomUUID();
    await insertStaff(tx, { cpasId: actor.cpasId, userId, username: input.username, displayName: input.displayName, language: input.language ?? null, passwordHash, roles: input.roles });
    return { userId };
  });
}

export async function listStaffUsers(ctx: AppContext, actor: Actor) {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkOperation(tx, ctx, actor, 'manage-users');
    if (refusal) return refusal;
    return (await listStaff(tx, actor.cpasId)).map(({ passwordHash: _omit, ...user }) => user);
  });
}

export async function assignCase(
  ctx: AppContext,
  actor: Actor,
  input: { personId: string; userId: string; assignedFrom: string; assignedUntil?: string | null },
): Promise<{ assignmentId: string }> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkOperation(tx, ctx, actor, 'manage-assignments', input.personId);
    if (refusal) return refusal;
    const worker = await findStaffById(tx, actor.cpasId, input.userId);
    if (!worker) return new Refusal(notFound('user'));
    // Only social workers can hold a case: assigning another role would open secret data to it.
    if (!worker.roles.includes('social-worker')) return new Refusal(new DomainError('invalid-input', 'userId: this user is not a social worker', 'userId'));
    const person = await tx.query('SELECT 1 FROM person WHERE cpas_id = $1 AND person_id = $2', [actor.cpasId, input.personId]);
    if (person.length === 0) return new Refusal(notFound('person'));
    const assignmentId = randomUUID();
    await tx.query(
      'INSERT INTO case_assignment (cpas_id, assignment_id, person_id, user_id, assigned_from, assigned_until) VALUES ($1, $2, $3, $4, $5, $6)',
      [actor.cpasId, assignmentId, input.personId, input.userId, input.assignedFrom, input.assignedUntil ?? null],
    );
    await appendAccessLog(tx, {
      cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'administrative-processing', action: 'update',
      personId: input.personId, classes: [], outcome: 'allowed', rule: 'operation', details: { operation: 'assign-case', assignee: input.userId },
    }, ctx.now());
    return { assignmentId };
  });
}

/** The actor's own caseload: names of the persons assigned to them today. Listing names is a read, so it is logged. */
export async function listCaseload(ctx: AppContext, actor: Actor) {
  return runAudited(ctx, async (tx) => {
    const rows = await tx.query<{ personId: string; familyName: string; givenNames: string; birthDate: string | null; assignedFrom: string }>(
      `SELECT p.person_id AS "personId", p.family_name AS "familyName", p.given_names AS "givenNames", p.birth_date AS "birthDate",
              a.assigned_from AS "assignedFrom"
       FROM case_assignment a JOIN person p ON p.cpas_id = a.cpas_id AND p.person_id = a.person_id
       WHERE a.cpas_id = $1 AND a.user_id = $2 AND a.assigned_from <= $3::date AND (a.assigned_until IS NULL OR a.assigned_until >= $3::date)
       ORDER BY p.search_name, p.person_id`,
      [actor.cpasId, actor.userId, todayIn(ctx.now)],
    );
    await appendAccessLog(tx, {
      cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'case-follow-up', action: 'search', personId: null,
      classes: ['identity'], outcome: 'allowed', rule: 'assigned-worker', details: { view: 'caseload', count: rows.length },
    }, ctx.now());
    return rows;
  });
}

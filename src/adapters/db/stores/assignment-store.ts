// Case assignments in effect: who follows whose case, from when until when.
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export async function personExists(tx: Tx, cpasId: string, personId: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM person WHERE cpas_id = $1 AND person_id = $2', [cpasId, personId])).length > 0;
}

export async function insertAssignment(
  tx: Tx,
  a: { cpasId: string; assignmentId: string; personId: string; userId: string; assignedFrom: string; assignedUntil: string | null },
): Promise<void> {
  await tx.query(
    'INSERT INTO case_assignment (cpas_id, assignment_id, person_id, user_id, assigned_from, assigned_until) VALUES ($1, $2, $3, $4, $5, $6)',
    [a.cpasId, a.assignmentId, a.personId, a.userId, a.assignedFrom, a.assignedUntil],
  );
}

export interface CaseloadRow {
  personId: string;
  familyName: string;
  givenNames: string;
  birthDate: string | null;
  assignedFrom: string;
}

/** The persons assigned to a worker on a calendar date (YYYY-MM-DD). */
export async function loadCaseload(tx: Tx, cpasId: string, userId: string, day: string): Promise<CaseloadRow[]> {
  return tx.query<CaseloadRow & Record<string, unknown>>(
    `SELECT p.person_id AS "personId", p.family_name AS "familyName", p.given_names AS "givenNames", p.birth_date AS "birthDate",
            a.assigned_from AS "assignedFrom"
     FROM case_assignment a JOIN person p ON p.cpas_id = a.cpas_id AND p.person_id = a.person_id
     WHERE a.cpas_id = $1 AND a.user_id = $2 AND a.assigned_from <= $3::date AND (a.assigned_until IS NULL OR a.assigned_until >= $3::date)
     ORDER BY p.search_name, p.person_id`,
    [cpasId, userId, day],
  );
}

export interface AssignmentRow {
  assignmentId: string;
  personId: string;
  familyName: string;
  givenNames: string;
  userId: string;
  workerName: string;
  assignedFrom: string;
  assignedUntil: string | null;
}

/** Assignments not ended before `day` (in effect or starting later), of one person or of the whole CPAS. */
export function listCurrentAssignments(tx: Tx, cpasId: string, day: string, personId: string | null): Promise<AssignmentRow[]> {
  let query = kyselyOf(tx)
    .selectFrom('case_assignment as a')
    .innerJoin('person as p', (join) => join.onRef('p.cpas_id', '=', 'a.cpas_id').onRef('p.person_id', '=', 'a.person_id'))
    .innerJoin('staff_user as u', (join) => join.onRef('u.cpas_id', '=', 'a.cpas_id').onRef('u.user_id', '=', 'a.user_id'))
    .select([
      'a.assignment_id as assignmentId', 'a.person_id as personId', 'p.family_name as familyName', 'p.given_names as givenNames',
      'a.user_id as userId', 'u.display_name as workerName', 'a.assigned_from as assignedFrom', 'a.assigned_until as assignedUntil',
    ])
    .where('a.cpas_id', '=', cpasId)
    .where((eb) => eb.or([eb('a.assigned_until', 'is', null), eb('a.assigned_until', '>=', day)]));
  if (personId) query = query.where('a.person_id', '=', personId);
  return query.orderBy('p.search_name').orderBy('a.person_id').orderBy('a.assigned_from').orderBy('a.assignment_id').execute();
}

export interface AssignmentPeriod {
  assignmentId: string;
  personId: string;
  userId: string;
  assignedFrom: string;
  assignedUntil: string | null;
}

export async function findAssignment(tx: Tx, cpasId: string, assignmentId: string): Promise<AssignmentPeriod | null> {
  const row = await kyselyOf(tx)
    .selectFrom('case_assignment')
    .select(['assignment_id as assignmentId', 'person_id as personId', 'user_id as userId', 'assigned_from as assignedFrom', 'assigned_until as assignedUntil'])
    .where('cpas_id', '=', cpasId)
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirst();
  return row ?? null;
}

/** Whether the worker already holds the person's case on some day of the period (an open end reaches forever). */
export async function overlapsAssignment(tx: Tx, cpasId: string, a: { personId: string; userId: string; assignedFrom: string; assignedUntil: string | null }): Promise<boolean> {
  let query = kyselyOf(tx)
    .selectFrom('case_assignment')
    .select('assignment_id')
    .where('cpas_id', '=', cpasId)
    .where('person_id', '=', a.personId)
    .where('user_id', '=', a.userId)
    .where((eb) => eb.or([eb('assigned_until', 'is', null), eb('assigned_until', '>=', a.assignedFrom)]));
  if (a.assignedUntil) query = query.where('assigned_from', '<=', a.assignedUntil);
  return (await query.limit(1).execute()).length > 0;
}

export async function setAssignmentEnd(tx: Tx, cpasId: string, assignmentId: string, assignedUntil: string): Promise<void> {
  await kyselyOf(tx).updateTable('case_assignment').set({ assigned_until: assignedUntil }).where('cpas_id', '=', cpasId).where('assignment_id', '=', assignmentId).execute();
}

/** The staff who can hold a case: active accounts with the social-worker role in effect. */
export function listSocialWorkers(tx: Tx, cpasId: string): Promise<{ userId: string; displayName: string }[]> {
  return kyselyOf(tx)
    .selectFrom('staff_user as u')
    .innerJoin('staff_role as r', (join) => join.onRef('r.cpas_id', '=', 'u.cpas_id').onRef('r.user_id', '=', 'u.user_id'))
    .select(['u.user_id as userId', 'u.display_name as displayName'])
    .where('u.cpas_id', '=', cpasId)
    .where('u.active', '=', true)
    .where('r.role', '=', 'social-worker')
    .orderBy('u.display_name')
    .orderBy('u.user_id')
    .execute();
}

/** A person's name, for the pages that manage their case without opening their file. */
export async function findPersonName(tx: Tx, cpasId: string, personId: string): Promise<{ familyName: string; givenNames: string } | null> {
  const row = await kyselyOf(tx)
    .selectFrom('person')
    .select(['family_name as familyName', 'given_names as givenNames'])
    .where('cpas_id', '=', cpasId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row ?? null;
}

// Case assignments in effect: who follows whose case, from when until when.
import type { Tx } from '../database.ts';

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

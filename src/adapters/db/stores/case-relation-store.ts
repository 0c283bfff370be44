// Computes, from the database and never from the request, how an actor stands to a person.
import type { CaseRelation } from '../../../domain/access-policy.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { Tx } from '../database.ts';

/** Returns null when the person does not exist in the actor's CPAS: other CPAS' persons are invisible. */
export async function loadCaseRelation(tx: Tx, actor: Actor, personId: string, today: string): Promise<CaseRelation | null> {
  const [row] = await tx.query<{ assigned: boolean; supervised: boolean; on_agenda: boolean; break_glass: boolean }>(
    `SELECT
       EXISTS (SELECT 1 FROM case_assignment a WHERE a.cpas_id = p.cpas_id AND a.person_id = p.person_id AND a.user_id = $3
               AND a.assigned_from <= $4::date AND (a.assigned_until IS NULL OR a.assigned_until >= $4::date)) AS assigned,
       EXISTS (SELECT 1 FROM case_assignment a WHERE a.cpas_id = p.cpas_id AND a.person_id = p.person_id
               AND a.assigned_from <= $4::date AND (a.assigned_until IS NULL OR a.assigned_until >= $4::date)) AS supervised,
       EXISTS (SELECT 1 FROM agenda_item g WHERE g.cpas_id = p.cpas_id AND g.person_id = p.person_id AND NOT g.closed) AS on_agenda,
       false AS break_glass
     FROM person p WHERE p.cpas_id = $1 AND p.person_id = $2`,
    [actor.cpasId, personId, actor.userId, today],
  );
  if (!row) return null;
  return { sameCpas: true, assigned: row.assigned, supervised: row.supervised, onAgenda: row.on_agenda, breakGlass: row.break_glass };
}

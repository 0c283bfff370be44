// Computes, from the database and never from the request, how an actor stands to a person.
import type { CaseRelation } from '../../../domain/access-policy.ts';
import { brusselsDateOf } from '../../../domain/calendar-date.ts';
import type { Purpose } from '../../../domain/purposes.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { Tx } from '../database.ts';

/**
 * Returns null when the person does not exist in the actor's CPAS: other CPAS' persons are invisible.
 * `at.now` is the application clock: assignments are compared by its Brussels calendar day (a
 * parameter, never the database's CURRENT_DATE, which is the server's zone), grants by its instant;
 * `at.purpose` is the purpose of the access being decided: a break-glass grant opens reads for the
 * purpose it was opened for, nothing else.
 */
export async function loadCaseRelation(tx: Tx, actor: Actor, personId: string, at: { now: Date; purpose: Purpose }): Promise<CaseRelation | null> {
  const [row] = await tx.query<{ assigned: boolean; supervised: boolean; on_agenda: boolean; break_glass: boolean }>(
    `SELECT
       EXISTS (SELECT 1 FROM case_assignment a WHERE a.cpas_id = p.cpas_id AND a.person_id = p.person_id AND a.user_id = $3
               AND a.assigned_from <= $4::date AND (a.assigned_until IS NULL OR a.assigned_until >= $4::date)) AS assigned,
       EXISTS (SELECT 1 FROM case_assignment a WHERE a.cpas_id = p.cpas_id AND a.person_id = p.person_id
               AND a.assigned_from <= $4::date AND (a.assigned_until IS NULL OR a.assigned_until >= $4::date)) AS supervised,
       EXISTS (SELECT 1 FROM agenda_item g WHERE g.cpas_id = p.cpas_id AND g.person_id = p.person_id AND NOT g.closed) AS on_agenda,
       -- A live grant: opened, not expired, for this purpose, and not judged unjustified (a review
       -- of "not justified" closes the glass at once instead of letting the hour run out).
       EXISTS (SELECT 1 FROM break_glass_grant b WHERE b.cpas_id = p.cpas_id AND b.person_id = p.person_id AND b.user_id = $3
               AND b.opened_at <= $5 AND b.expires_at > $5 AND b.purpose = $6
               AND (b.review_outcome IS NULL OR b.review_outcome = 'justified')) AS break_glass
     FROM person p WHERE p.cpas_id = $1 AND p.person_id = $2`,
    [actor.cpasId, personId, actor.userId, brusselsDateOf(at.now), at.now, at.purpose],
  );
  if (!row) return null;
  return { sameCpas: true, assigned: row.assigned, supervised: row.supervised, onAgenda: row.on_agenda, breakGlass: row.break_glass };
}

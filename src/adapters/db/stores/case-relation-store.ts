// Computes, from the database and never from the request, how an actor stands to a person.
import type { CaseRelation } from '../../../domain/access-policy.ts';
import { brusselsDateOf } from '../../../domain/calendar-date.ts';
import type { Purpose } from '../../../domain/purposes.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

/**
 * Returns null when the person does not exist in the actor's CPAS: other CPAS' persons are invisible.
 * `at.now` is the application clock: assignments are compared by its Brussels calendar day (a
 * parameter, never the database's CURRENT_DATE, which is the server's zone), grants by its instant;
 * `at.purpose` is the purpose of the access being decided: a break-glass grant opens reads for the
 * purpose it was opened for, nothing else. `at.agendaItemId`: the agenda item through which the
 * access is made; without one, nobody is on the agenda, so a council member reads nothing of the
 * file outside the page of the item put before them (R31).
 */
export async function loadCaseRelation(
  tx: Tx, actor: Actor, personId: string, at: { now: Date; purpose: Purpose; agendaItemId?: string | undefined },
): Promise<CaseRelation | null> {
  // The Brussels day, not the UTC one: an assignment ended yesterday closes at Brussels midnight.
  const today = brusselsDateOf(at.now);
  const agendaItemId = at.agendaItemId;
  const row = await kyselyOf(tx)
    .selectFrom('person as p')
    .select((eb) => {
      const liveAssignments = eb
        .selectFrom('case_assignment as a')
        .select('a.assignment_id')
        .whereRef('a.cpas_id', '=', 'p.cpas_id')
        .whereRef('a.person_id', '=', 'p.person_id')
        .where('a.assigned_from', '<=', today)
        .where((w) => w.or([w('a.assigned_until', 'is', null), w('a.assigned_until', '>=', today)]));
      return [
        eb.exists(liveAssignments.where('a.user_id', '=', actor.userId)).as('assigned'),
        eb.exists(liveAssignments).as('supervised'),
        agendaItemId === undefined ? eb.lit(false).as('on_agenda') : eb.exists(
          eb.selectFrom('agenda_item as g').select('g.item_id').whereRef('g.cpas_id', '=', 'p.cpas_id').whereRef('g.person_id', '=', 'p.person_id')
            .where('g.item_id', '=', agendaItemId)
            // NOT closed, as the partial index agenda_item_person says (a parameter could not use it).
            .where((w) => w.not(w.ref('g.closed'))),
        ).as('on_agenda'),
        // A live grant: opened, not expired, for this purpose, and not judged unjustified (a review
        // of "not justified" closes the glass at once instead of letting the hour run out).
        eb.exists(
          eb.selectFrom('break_glass_grant as b').select('b.grant_id').whereRef('b.cpas_id', '=', 'p.cpas_id').whereRef('b.person_id', '=', 'p.person_id')
            .where('b.user_id', '=', actor.userId)
            .where('b.opened_at', '<=', at.now)
            .where('b.expires_at', '>', at.now)
            .where('b.purpose', '=', at.purpose)
            .where((w) => w.or([w('b.review_outcome', 'is', null), w('b.review_outcome', '=', 'justified')])),
        ).as('break_glass'),
      ];
    })
    .where('p.cpas_id', '=', actor.cpasId)
    .where('p.person_id', '=', personId)
    .executeTakeFirst();
  if (!row) return null;
  // EXISTS is typed as SqlBool (0/1 on other engines); PostgreSQL answers a boolean. Anything but true denies.
  return {
    sameCpas: true, assigned: row.assigned === true, supervised: row.supervised === true, onAgenda: row.on_agenda === true,
    breakGlass: row.break_glass === true,
  };
}

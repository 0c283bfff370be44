// The sessions of the council and the committee and the items on their agendas. Whether an actor
// may see an item's person is decided by the gate (src/app/person-access.ts) before any of the
// person's columns is read here: the item loaders return keys only, the summaries read names and
// applications only for the items the gate opened.
import type { AgendaPlacementInput, CouncilBody, CouncilSessionInput } from '../../../domain/council.ts';
import type { ApplicationInput } from '../../../domain/schemas.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

type ApplicationKind = ApplicationInput['kind'];

export interface CouncilSessionRow {
  sessionId: string;
  body: CouncilBody;
  meetingDate: string;
  closedAt: Date | null;
  items: number;
  decided: number;
}

export async function insertCouncilSession(tx: Tx, cpasId: string, sessionId: string, createdBy: string, s: CouncilSessionInput): Promise<void> {
  await kyselyOf(tx).insertInto('council_session')
    .values({ cpas_id: cpasId, session_id: sessionId, body: s.body, meeting_date: s.meetingDate, created_by: createdBy })
    .execute();
}

/** Sessions with their number of items and of decided items: no person in them. Open ones, or one session by id. */
export async function loadCouncilSessions(tx: Tx, cpasId: string, only: { open: true } | { sessionId: string }): Promise<CouncilSessionRow[]> {
  let query = kyselyOf(tx).selectFrom('council_session as s')
    .select((eb) => [
      's.session_id as sessionId', 's.body', 's.meeting_date as meetingDate', 's.closed_at as closedAt',
      eb.selectFrom('agenda_item as g').select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('g.cpas_id', '=', 's.cpas_id').whereRef('g.session_id', '=', 's.session_id').as('items'),
      eb.selectFrom('agenda_item as g').select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('g.cpas_id', '=', 's.cpas_id').whereRef('g.session_id', '=', 's.session_id').where('g.decision_id', 'is not', null).as('decided'),
    ])
    .where('s.cpas_id', '=', cpasId);
  query = 'sessionId' in only ? query.where('s.session_id', '=', only.sessionId) : query.where('s.closed_at', 'is', null);
  const rows = await query.orderBy('s.meeting_date').orderBy('s.body').orderBy('s.session_id').execute();
  return rows.map((r) => ({ ...r, items: Number(r.items ?? 0), decided: Number(r.decided ?? 0) }));
}

export interface AgendaItemKey {
  itemId: string;
  personId: string;
  applicationId: string;
  sessionId: string;
  body: CouncilBody;
  meetingDate: string;
  closed: boolean;
  decisionId: string | null;
}

const itemKeys = (tx: Tx, cpasId: string) => kyselyOf(tx).selectFrom('agenda_item')
  .select([
    'item_id as itemId', 'person_id as personId', 'application_id as applicationId', 'session_id as sessionId', 'body', 'session_date as meetingDate',
    'closed', 'decision_id as decisionId',
  ])
  .where('cpas_id', '=', cpasId);

export const loadAgendaItemKey = async (tx: Tx, cpasId: string, itemId: string): Promise<AgendaItemKey | undefined> =>
  itemKeys(tx, cpasId).where('item_id', '=', itemId).executeTakeFirst();

export const loadSessionItemKeys = async (tx: Tx, cpasId: string, sessionId: string): Promise<AgendaItemKey[]> =>
  itemKeys(tx, cpasId).where('session_id', '=', sessionId).orderBy('placed_at').orderBy('item_id').execute();

export interface AgendaItemSummary {
  itemId: string;
  familyName: string;
  givenNames: string;
  applicationKind: ApplicationKind;
  submittedOn: string;
}

/** Name and application of the given items: call it with the items the gate opened (identity, application-data) only. */
export async function loadAgendaItemSummaries(tx: Tx, cpasId: string, itemIds: readonly string[]): Promise<AgendaItemSummary[]> {
  if (itemIds.length === 0) return [];
  return kyselyOf(tx).selectFrom('agenda_item as g')
    .innerJoin('person as p', (j) => j.onRef('p.cpas_id', '=', 'g.cpas_id').onRef('p.person_id', '=', 'g.person_id'))
    .innerJoin('application as a', (j) => j.onRef('a.cpas_id', '=', 'g.cpas_id').onRef('a.application_id', '=', 'g.application_id'))
    .select(['g.item_id as itemId', 'p.family_name as familyName', 'p.given_names as givenNames', 'a.kind as applicationKind', 'a.submitted_on as submittedOn'])
    .where('g.cpas_id', '=', cpasId)
    .where((eb) => eb('g.item_id', '=', eb.fn.any(eb.val([...itemIds]))))
    .orderBy('g.placed_at').orderBy('g.item_id')
    .execute();
}

export type PlacementProblem = 'session' | 'application' | 'already-placed';

/**
 * Puts an application on a session's agenda: the session must be open, the application the
 * person's and still awaiting a decision, and not on another open agenda already.
 */
export async function insertAgendaItem(
  tx: Tx, cpasId: string, personId: string, itemId: string, placedBy: string, p: AgendaPlacementInput,
): Promise<PlacementProblem | null> {
  const db = kyselyOf(tx);
  const session = await db.selectFrom('council_session').select(['body', 'meeting_date'])
    .where('cpas_id', '=', cpasId).where('session_id', '=', p.sessionId).where('closed_at', 'is', null).executeTakeFirst();
  if (!session) return 'session';
  const application = await db.selectFrom('application').select('application_id')
    .where('cpas_id', '=', cpasId).where('application_id', '=', p.applicationId).where('person_id', '=', personId)
    .where((eb) => eb('status', '=', eb.fn.any(eb.val(['received', 'under-inquiry'] as const))))
    .executeTakeFirst();
  if (!application) return 'application';
  const placed = await db.selectFrom('agenda_item').select('item_id')
    .where('cpas_id', '=', cpasId).where('application_id', '=', p.applicationId).where((w) => w.not(w.ref('closed'))).executeTakeFirst();
  if (placed) return 'already-placed';
  await db.insertInto('agenda_item').values({
    cpas_id: cpasId, item_id: itemId, person_id: personId, application_id: p.applicationId, session_id: p.sessionId, body: session.body,
    session_date: session.meeting_date, placed_by: placedBy,
  }).execute();
  return null;
}

/**
 * Locks an item still open and undecided until the transaction ends: false when it was decided or
 * closed meanwhile. Two members deciding at once: the second waits, then finds it decided.
 */
export async function lockUndecidedItem(tx: Tx, cpasId: string, itemId: string): Promise<boolean> {
  const row = await kyselyOf(tx).selectFrom('agenda_item').select('item_id')
    .where('cpas_id', '=', cpasId).where('item_id', '=', itemId).where('decision_id', 'is', null).where((w) => w.not(w.ref('closed')))
    .forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** Links the decision to its item (locked by lockUndecidedItem in the same transaction). */
export async function attachDecision(tx: Tx, cpasId: string, itemId: string, decisionId: string): Promise<void> {
  await kyselyOf(tx).updateTable('agenda_item').set({ decision_id: decisionId }).where('cpas_id', '=', cpasId).where('item_id', '=', itemId).execute();
}

/** Closes an open session and every item on it (which ends the members' access); false when not open. */
export async function closeCouncilSession(tx: Tx, cpasId: string, sessionId: string, closedBy: string, at: Date): Promise<boolean> {
  const db = kyselyOf(tx);
  const closed = await db.updateTable('council_session').set({ closed_by: closedBy, closed_at: at })
    .where('cpas_id', '=', cpasId).where('session_id', '=', sessionId).where('closed_at', 'is', null)
    .returning('session_id').executeTakeFirst();
  if (!closed) return false;
  await db.updateTable('agenda_item').set({ closed: true }).where('cpas_id', '=', cpasId).where('session_id', '=', sessionId).execute();
  return true;
}

/** The person's applications still awaiting a decision and on no open agenda: what can be placed. */
export async function loadPlaceableApplications(tx: Tx, cpasId: string, personId: string): Promise<{ applicationId: string; kind: ApplicationKind; submittedOn: string }[]> {
  return kyselyOf(tx).selectFrom('application as a')
    .select(['a.application_id as applicationId', 'a.kind', 'a.submitted_on as submittedOn'])
    .where('a.cpas_id', '=', cpasId).where('a.person_id', '=', personId)
    .where((eb) => eb('a.status', '=', eb.fn.any(eb.val(['received', 'under-inquiry'] as const))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('agenda_item as g').select('g.item_id')
      .whereRef('g.cpas_id', '=', 'a.cpas_id').whereRef('g.application_id', '=', 'a.application_id').where((w) => w.not(w.ref('g.closed'))))))
    .orderBy('a.submitted_on').orderBy('a.application_id')
    .execute();
}

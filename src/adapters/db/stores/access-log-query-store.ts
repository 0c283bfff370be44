// Queries of the access log for the DPO and for a person's own access view: newest first, by
// person, staff member or period, with keyset pagination on seq (no OFFSET over a growing log).
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export interface LoggedEntry {
  seq: number;
  userName: string | null;
  /** The canonical text as stored: the use case parses what it shows. */
  text: string;
}

export type LogFilter =
  | { kind: 'person'; personId: string }
  | { kind: 'staff'; userId: string }
  | { kind: 'period'; from: Date; to: Date };

export async function listLogEntries(tx: Tx, cpasId: string, filter: LogFilter, page: { before?: number | undefined; limit: number }): Promise<LoggedEntry[]> {
  let query = kyselyOf(tx)
    .selectFrom('access_log_entry as e')
    .leftJoin('staff_user as u', (join) => join.onRef('u.cpas_id', '=', 'e.cpas_id').onRef('u.user_id', '=', 'e.user_id'))
    .select(['e.seq', 'u.display_name as userName', 'e.entry_text as text'])
    .where('e.cpas_id', '=', cpasId);
  if (page.before !== undefined) query = query.where('e.seq', '<', page.before);
  if (filter.kind === 'person') {
    // A search names the persons it found in its details, not in person_id: "who found my file"
    // is part of who consulted it. The id is a validated UUID, so it holds no LIKE wildcard.
    query = query.where((eb) =>
      eb.or([
        eb('e.person_id', '=', filter.personId),
        eb.and([eb('e.person_id', 'is', null), eb('e.action', '=', 'search'), eb('e.entry_text', 'like', `%${filter.personId}%`)]),
      ]),
    );
  } else if (filter.kind === 'staff') {
    query = query.where('e.user_id', '=', filter.userId);
  } else {
    query = query.where('e.logged_at', '>=', filter.from).where('e.logged_at', '<', filter.to);
  }
  return query.orderBy('e.seq', 'desc').limit(page.limit).execute();
}

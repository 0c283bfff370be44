// Queries of the access log for the DPO and for a person's own access view: newest first, by
// person, staff member or period, with keyset pagination on seq (no OFFSET over a growing log).
import type { Tx } from '../database.ts';

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
  const params: (string | number | Date | null)[] = [cpasId, page.before ?? null, page.limit];
  let where: string;
  if (filter.kind === 'person') {
    params.push(filter.personId, `%${filter.personId}%`);
    // A search names the persons it found in its details, not in person_id: "who found my file"
    // is part of who consulted it. The id is a validated UUID, so it holds no LIKE wildcard.
    where = `(e.person_id = $4 OR (e.person_id IS NULL AND e.action = 'search' AND e.entry_text LIKE $5))`;
  } else if (filter.kind === 'staff') {
    params.push(filter.userId);
    where = 'e.user_id = $4';
  } else {
    params.push(filter.from, filter.to);
    where = 'e.logged_at >= $4 AND e.logged_at < $5';
  }
  return tx.query<LoggedEntry & Record<string, unknown>>(
    `SELECT e.seq, u.display_name AS "userName", e.entry_text AS "text"
     FROM access_log_entry e LEFT JOIN staff_user u ON u.cpas_id = e.cpas_id AND u.user_id = e.user_id
     WHERE e.cpas_id = $1 AND ($2::bigint IS NULL OR e.seq < $2) AND ${where}
     ORDER BY e.seq DESC LIMIT $3`,
    params,
  );
}

/** The entries one staff member wrote on one person's file within a period (a break-glass grant's reads). */
export async function listEntriesOnPerson(tx: Tx, cpasId: string, q: { userId: string; personId: string; from: Date; to: Date }): Promise<string[]> {
  const rows = await tx.query<{ text: string }>(
    `SELECT entry_text AS "text" FROM access_log_entry
     WHERE cpas_id = $1 AND user_id = $2 AND person_id = $3 AND logged_at >= $4 AND logged_at <= $5 ORDER BY seq`,
    [cpasId, q.userId, q.personId, q.from, q.to],
  );
  return rows.map((r) => r.text);
}

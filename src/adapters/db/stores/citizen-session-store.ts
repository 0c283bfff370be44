// Citizen sessions (migration 011): only the hash of the session secret is stored, and no national
// number. The person is found by national number within the portal's CPAS only.
import type { Tx } from '../database.ts';

export async function findCpasByCode(tx: Tx, code: string): Promise<{ cpasId: string; name: string } | null> {
  const [row] = await tx.query<{ cpas_id: string; name: string }>('SELECT cpas_id, name FROM cpas WHERE code = $1', [code]);
  return row ? { cpasId: row.cpas_id, name: row.name } : null;
}

export async function findPersonIdByNiss(tx: Tx, cpasId: string, niss: string): Promise<string | null> {
  const [row] = await tx.query<{ person_id: string }>('SELECT person_id FROM person WHERE cpas_id = $1 AND niss = $2', [cpasId, niss]);
  return row?.person_id ?? null;
}

export interface CitizenSessionRow {
  readonly cpasId: string;
  readonly sessionHash: string;
  readonly personId: string | null;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly idleUntil: Date;
}

export async function insertCitizenSession(tx: Tx, row: CitizenSessionRow): Promise<void> {
  await tx.query(
    'INSERT INTO citizen_session (cpas_id, session_hash, person_id, expires_at, idle_until, csrf_token) VALUES ($1, $2, $3, $4, $5, $6)',
    [row.cpasId, row.sessionHash, row.personId, row.expiresAt, row.idleUntil, row.csrfToken],
  );
}

/** Slides the idle limit of a live session and returns it; null when unknown, expired or idle too long. */
export async function resumeCitizenSessionRow(tx: Tx, cpasId: string, sessionHash: string, now: Date, idleUntil: Date): Promise<{ personId: string | null; csrfToken: string } | null> {
  const [row] = await tx.query<{ person_id: string | null; csrf_token: string }>(
    `UPDATE citizen_session SET idle_until = LEAST($4::timestamptz, expires_at)
     WHERE cpas_id = $1 AND session_hash = $2 AND expires_at > $3 AND idle_until > $3 RETURNING person_id, csrf_token`,
    [cpasId, sessionHash, now, idleUntil],
  );
  return row ? { personId: row.person_id, csrfToken: row.csrf_token } : null;
}

export async function deleteCitizenSession(tx: Tx, cpasId: string, sessionHash: string): Promise<void> {
  await tx.query('DELETE FROM citizen_session WHERE cpas_id = $1 AND session_hash = $2', [cpasId, sessionHash]);
}

// Sessions and API tokens. Only hashes of their secrets are stored.
import type { Tx } from '../database.ts';

export async function insertSession(
  tx: Tx,
  s: { cpasId: string; sessionHash: string; userId: string; expiresAt: Date; idleUntil: Date; csrfToken: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO staff_session (cpas_id, session_hash, user_id, expires_at, idle_until, csrf_token) VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.cpasId, s.sessionHash, s.userId, s.expiresAt, s.idleUntil, s.csrfToken],
  );
}

/** Slides the idle timeout of a live session and returns it; null when unknown or expired. */
export async function touchSession(
  tx: Tx,
  cpasId: string,
  sessionHash: string,
  now: Date,
  idleUntil: Date,
): Promise<{ userId: string; csrfToken: string; expiresAt: Date } | null> {
  const [row] = await tx.query<{ user_id: string; csrf_token: string; expires_at: Date }>(
    `UPDATE staff_session SET idle_until = $4 WHERE cpas_id = $1 AND session_hash = $2 AND expires_at > $3 AND idle_until > $3
     RETURNING user_id, csrf_token, expires_at`,
    [cpasId, sessionHash, now, idleUntil],
  );
  return row ? { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

export async function deleteSession(tx: Tx, cpasId: string, sessionHash: string): Promise<void> {
  await tx.query('DELETE FROM staff_session WHERE cpas_id = $1 AND session_hash = $2', [cpasId, sessionHash]);
}

export async function insertApiToken(
  tx: Tx,
  t: { cpasId: string; tokenId: string; userId: string; tokenHash: string; label: string; expiresAt: Date },
): Promise<void> {
  await tx.query('INSERT INTO api_token (cpas_id, token_id, user_id, token_hash, label, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    t.cpasId, t.tokenId, t.userId, t.tokenHash, t.label, t.expiresAt,
  ]);
}

export async function findLiveTokenUser(tx: Tx, cpasId: string, tokenId: string, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await tx.query<{ user_id: string }>(
    `SELECT user_id FROM api_token WHERE cpas_id = $1 AND token_id = $2 AND token_hash = $3 AND revoked_at IS NULL AND expires_at > $4`,
    [cpasId, tokenId, tokenHash, now],
  );
  return row?.user_id ?? null;
}

/**
 * Ends every session and API token of an account. Used when a secret-opening role takes effect:
 * whoever knew the account's previous password (its creator, say) keeps no way in.
 */
export async function endAllCredentials(tx: Tx, cpasId: string, userId: string, now: Date): Promise<void> {
  await tx.query('DELETE FROM staff_session WHERE cpas_id = $1 AND user_id = $2', [cpasId, userId]);
  await tx.query('UPDATE api_token SET revoked_at = $3 WHERE cpas_id = $1 AND user_id = $2 AND revoked_at IS NULL', [cpasId, userId, now]);
}

// Break-glass grants. The reason and the review comment are sealed here, before they reach the
// database, and opened only with an access grant the gate issued for that break-glass grant.
import { type AccessGrant, checkGrant } from '../../../domain/access-grant.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Tx } from '../database.ts';

const TABLE = 'break_glass_grant';
const place = (cpasId: string, column: string, grantId: string) => ({ cpasId, table: TABLE, column, recordId: grantId });

export interface GrantRow {
  grantId: string;
  personId: string;
  userId: string;
  userName: string | null;
  purpose: string;
  openedAt: Date;
  expiresAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewOutcome: string | null;
}

const SELECT_GRANT = `
  SELECT g.grant_id AS "grantId", g.person_id AS "personId", g.user_id AS "userId", u.display_name AS "userName", g.purpose,
         g.opened_at AS "openedAt", g.expires_at AS "expiresAt", g.reviewed_by AS "reviewedBy", g.reviewed_at AS "reviewedAt",
         g.review_outcome AS "reviewOutcome"
  FROM break_glass_grant g LEFT JOIN staff_user u ON u.cpas_id = g.cpas_id AND u.user_id = g.user_id`;

export async function insertGrant(
  tx: Tx,
  box: SecretBox,
  g: { cpasId: string; grantId: string; personId: string; userId: string; purpose: string; reason: string; openedAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO break_glass_grant (cpas_id, grant_id, person_id, user_id, purpose, reason_enc, opened_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [g.cpasId, g.grantId, g.personId, g.userId, g.purpose, await box.seal(tx, place(g.cpasId, 'reason_enc', g.grantId), g.reason), g.openedAt, g.expiresAt],
  );
}

export async function findGrant(tx: Tx, cpasId: string, grantId: string): Promise<GrantRow | null> {
  const [row] = await tx.query<GrantRow & Record<string, unknown>>(`${SELECT_GRANT} WHERE g.cpas_id = $1 AND g.grant_id = $2`, [cpasId, grantId]);
  return row ?? null;
}

/** The grants awaiting review (oldest first), or all of them: the structured part only, nothing decrypted. */
export async function listGrants(tx: Tx, cpasId: string, includeReviewed: boolean): Promise<GrantRow[]> {
  return tx.query<GrantRow & Record<string, unknown>>(
    `${SELECT_GRANT} WHERE g.cpas_id = $1 AND ($2 OR g.reviewed_at IS NULL) ORDER BY g.opened_at, g.grant_id`,
    [cpasId, includeReviewed],
  );
}

/** The reason and review comment of one grant, for a reader the gate allowed them (social notes of the person). */
export async function openGrantTexts(tx: Tx, box: SecretBox, access: AccessGrant, grantId: string): Promise<{ reason: string; reviewComment: string | null } | null> {
  const [row] = await tx.query<{ person_id: string; reason_enc: Buffer; review_comment_enc: Buffer | null }>(
    'SELECT person_id, reason_enc, review_comment_enc FROM break_glass_grant WHERE cpas_id = $1 AND grant_id = $2',
    [access.cpasId, grantId],
  );
  if (!row) return null;
  checkGrant(access, { cpasId: access.cpasId, personId: row.person_id, category: 'social-notes', scope: { kind: 'break-glass-texts', grantId } });
  return {
    reason: await box.openText(tx, place(access.cpasId, 'reason_enc', grantId), row.reason_enc),
    reviewComment: row.review_comment_enc ? await box.openText(tx, place(access.cpasId, 'review_comment_enc', grantId), row.review_comment_enc) : null,
  };
}

/** Records the review; false when someone reviewed it first (a review is final). */
export async function reviewGrant(
  tx: Tx,
  box: SecretBox,
  r: { cpasId: string; grantId: string; reviewedBy: string; at: Date; outcome: string; comment: string | null },
): Promise<boolean> {
  const comment = r.comment ? await box.seal(tx, place(r.cpasId, 'review_comment_enc', r.grantId), r.comment) : null;
  const rows = await tx.query(
    `UPDATE break_glass_grant SET reviewed_by = $3, reviewed_at = $4, review_outcome = $5, review_comment_enc = $6
     WHERE cpas_id = $1 AND grant_id = $2 AND reviewed_at IS NULL RETURNING grant_id`,
    [r.cpasId, r.grantId, r.reviewedBy, r.at, r.outcome, comment],
  );
  return rows.length > 0;
}

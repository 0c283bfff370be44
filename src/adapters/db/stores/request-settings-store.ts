// The register's settings (answer delay, the legal service's assessment configuration), one
// version per change, and the staff delegated into the register.
import { DEFAULT_ASSESSMENT_CONFIG, type AssessmentConfig } from '../../../domain/requests/assess.ts';
import { DEFAULT_ANSWER_DELAY_DAYS } from '../../../domain/requests/deadline.ts';
import type { Tx } from '../database.ts';

export interface RequestSettings {
  /** 0 while the CPAS has not set anything: the defaults apply. */
  version: number;
  answerDelayDays: number;
  config: AssessmentConfig;
  createdBy: string | null;
  createdAt: Date | null;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  version: 0,
  answerDelayDays: DEFAULT_ANSWER_DELAY_DAYS,
  config: DEFAULT_ASSESSMENT_CONFIG,
  createdBy: null,
  createdAt: null,
};

export async function loadRequestSettings(tx: Tx, cpasId: string): Promise<RequestSettings> {
  const [row] = await tx.query<{ version: number; answer_delay_days: number; config_json: string; created_by: string; created_at: Date }>(
    `SELECT version, answer_delay_days, config_json, created_by, created_at FROM request_settings
     WHERE cpas_id = $1 ORDER BY version DESC LIMIT 1`,
    [cpasId],
  );
  if (!row) return DEFAULT_REQUEST_SETTINGS;
  // The JSON was checked by parseAssessmentConfig before it was stored, and the table is insert-only.
  return {
    version: row.version,
    answerDelayDays: row.answer_delay_days,
    config: JSON.parse(row.config_json) as AssessmentConfig,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function insertRequestSettings(
  tx: Tx,
  cpasId: string,
  s: { answerDelayDays: number; config: AssessmentConfig; by: string; at: Date },
): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO request_settings (cpas_id, version, answer_delay_days, config_json, config_id, created_by, created_at)
     SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5, $6 FROM request_settings WHERE cpas_id = $1
     RETURNING version`,
    [cpasId, s.answerDelayDays, JSON.stringify(s.config), s.config.id, s.by, s.at],
  );
  return row!.version;
}

export async function isActiveDelegate(tx: Tx, cpasId: string, userId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM request_delegate WHERE cpas_id = $1 AND user_id = $2 AND revoked_at IS NULL', [cpasId, userId]);
  return rows.length > 0;
}

export async function grantDelegate(tx: Tx, cpasId: string, userId: string, by: string, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO request_delegate (cpas_id, user_id, granted_by, granted_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (cpas_id, user_id) DO UPDATE SET granted_by = $3, granted_at = $4, revoked_by = NULL, revoked_at = NULL`,
    [cpasId, userId, by, at],
  );
}

export async function revokeDelegate(tx: Tx, cpasId: string, userId: string, by: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE request_delegate SET revoked_by = $3, revoked_at = $4 WHERE cpas_id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING user_id',
    [cpasId, userId, by, at],
  );
  return rows.length > 0;
}

export function listDelegates(tx: Tx, cpasId: string) {
  return tx.query<{ userId: string; displayName: string; grantedBy: string; grantedAt: Date; revokedBy: string | null; revokedAt: Date | null }>(
    `SELECT d.user_id AS "userId", u.display_name AS "displayName", d.granted_by AS "grantedBy", d.granted_at AS "grantedAt",
            d.revoked_by AS "revokedBy", d.revoked_at AS "revokedAt"
     FROM request_delegate d JOIN staff_user u ON u.cpas_id = d.cpas_id AND u.user_id = d.user_id
     WHERE d.cpas_id = $1 ORDER BY u.display_name, d.user_id`,
    [cpasId],
  );
}

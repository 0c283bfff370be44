// The CPAS's configuration of the professional-secrecy guide, one version per change.
import { DEFAULT_GUIDE_CONFIG, type GuideConfig, type SwitchValue } from '../../../domain/guide/config.ts';
import type { Tx } from '../database.ts';

export interface GuideSettings {
  /** 0 while the CPAS has set nothing: the default configuration applies. */
  readonly version: number;
  readonly config: GuideConfig;
  readonly decisionRef: string | null;
  readonly createdAt: Date | null;
}

export const DEFAULT_GUIDE_SETTINGS: GuideSettings = { version: 0, config: DEFAULT_GUIDE_CONFIG, decisionRef: null, createdAt: null };

export async function loadGuideSettings(tx: Tx, cpasId: string): Promise<GuideSettings> {
  const [row] = await tx.query<{ version: number; config_id: string; external_shared_secrecy: SwitchValue; decision_ref: string; created_at: Date }>(
    `SELECT version, config_id, external_shared_secrecy, decision_ref, created_at FROM guide_settings
     WHERE cpas_id = $1 ORDER BY version DESC LIMIT 1`,
    [cpasId],
  );
  if (!row) return DEFAULT_GUIDE_SETTINGS;
  return {
    version: row.version,
    config: { id: row.config_id, externalSharedSecrecy: row.external_shared_secrecy },
    decisionRef: row.decision_ref,
    createdAt: row.created_at,
  };
}

/** @returns the new version, or null when the configuration id was used before (an id names one configuration). */
export async function insertGuideSettings(
  tx: Tx,
  cpasId: string,
  s: { config: GuideConfig; decisionRef: string; by: string; at: Date },
): Promise<number | null> {
  const taken = await tx.query('SELECT 1 FROM guide_settings WHERE cpas_id = $1 AND config_id = $2', [cpasId, s.config.id]);
  if (taken.length > 0) return null;
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO guide_settings (cpas_id, version, config_id, external_shared_secrecy, decision_ref, created_by, created_at)
     SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5, $6 FROM guide_settings WHERE cpas_id = $1
     RETURNING version`,
    [cpasId, s.config.id, s.config.externalSharedSecrecy, s.decisionRef, s.by, s.at],
  );
  return row!.version;
}

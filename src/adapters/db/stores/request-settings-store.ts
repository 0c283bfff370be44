// The register's settings (answer delay, the legal service's assessment configuration), one
// version per change, and the staff delegated into the register.
import { sql } from 'kysely';
import { DEFAULT_ASSESSMENT_CONFIG, type AssessmentConfig } from '../../../domain/requests/assess.ts';
import { DEFAULT_ANSWER_DELAY_DAYS } from '../../../domain/requests/deadline.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

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
  const row = await kyselyOf(tx)
    .selectFrom('request_settings')
    .select(['version', 'answer_delay_days', 'config_json', 'created_by', 'created_at'])
    .where('cpas_id', '=', cpasId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
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
  const db = kyselyOf(tx);
  // The next version is computed in the statement; two concurrent changes collide on the primary key.
  const row = await db
    .insertInto('request_settings')
    .columns(['cpas_id', 'version', 'answer_delay_days', 'config_json', 'config_id', 'created_by', 'created_at'])
    .expression(
      db
        .selectFrom('request_settings')
        .select((eb) => [
          eb.val(cpasId).as('cpas_id'),
          sql<number>`COALESCE(max(version), 0) + 1`.as('version'),
          eb.val(s.answerDelayDays).as('answer_delay_days'),
          eb.val(JSON.stringify(s.config)).as('config_json'),
          eb.val(s.config.id).as('config_id'),
          eb.val(s.by).as('created_by'),
          eb.val(s.at).as('created_at'),
        ])
        .where('cpas_id', '=', cpasId),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function isActiveDelegate(tx: Tx, cpasId: string, userId: string): Promise<boolean> {
  const row = await kyselyOf(tx)
    .selectFrom('request_delegate')
    .select('user_id')
    .where('cpas_id', '=', cpasId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function grantDelegate(tx: Tx, cpasId: string, userId: string, by: string, at: Date): Promise<void> {
  await kyselyOf(tx)
    .insertInto('request_delegate')
    .values({ cpas_id: cpasId, user_id: userId, granted_by: by, granted_at: at })
    .onConflict((oc) => oc.columns(['cpas_id', 'user_id']).doUpdateSet({ granted_by: by, granted_at: at, revoked_by: null, revoked_at: null }))
    .execute();
}

export async function revokeDelegate(tx: Tx, cpasId: string, userId: string, by: string, at: Date): Promise<boolean> {
  const row = await kyselyOf(tx)
    .updateTable('request_delegate')
    .set({ revoked_by: by, revoked_at: at })
    .where('cpas_id', '=', cpasId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export function listDelegates(tx: Tx, cpasId: string) {
  return kyselyOf(tx)
    .selectFrom('request_delegate as d')
    .innerJoin('staff_user as u', (join) => join.onRef('u.cpas_id', '=', 'd.cpas_id').onRef('u.user_id', '=', 'd.user_id'))
    .select([
      'd.user_id as userId', 'u.display_name as displayName', 'd.granted_by as grantedBy', 'd.granted_at as grantedAt',
      'd.revoked_by as revokedBy', 'd.revoked_at as revokedAt',
    ])
    .where('d.cpas_id', '=', cpasId)
    .orderBy('u.display_name')
    .orderBy('d.user_id')
    .execute();
}

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
  s: { answerDelayDays: number; config: AssessmentConfig; by: string; at: Date; decisionRef: string; proposedBy: string },
): Promise<number> {
  const db = kyselyOf(tx);
  // The next version is computed in the statement; two concurrent changes collide on the primary key.
  const row = await db
    .insertInto('request_settings')
    .columns(['cpas_id', 'version', 'answer_delay_days', 'config_json', 'config_id', 'created_by', 'created_at', 'decision_ref', 'proposed_by'])
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
          eb.val(s.decisionRef).as('decision_ref'),
          eb.val(s.proposedBy).as('proposed_by'),
        ])
        .where('cpas_id', '=', cpasId),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Whether the user holds a delegation that is not revoked and has not ended before `today` (Brussels). */
export async function isActiveDelegate(tx: Tx, cpasId: string, userId: string, today: string): Promise<boolean> {
  const row = await kyselyOf(tx)
    .selectFrom('request_delegate')
    .select('user_id')
    .where('cpas_id', '=', cpasId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
    .executeTakeFirst();
  return row !== undefined;
}

export async function grantDelegate(tx: Tx, cpasId: string, userId: string, by: string, at: Date, validUntil: string): Promise<void> {
  await kyselyOf(tx)
    .insertInto('request_delegate')
    .values({ cpas_id: cpasId, user_id: userId, granted_by: by, granted_at: at, valid_until: validUntil })
    .onConflict((oc) => oc.columns(['cpas_id', 'user_id']).doUpdateSet({ granted_by: by, granted_at: at, revoked_by: null, revoked_at: null, valid_until: validUntil }))
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
      'd.revoked_by as revokedBy', 'd.revoked_at as revokedAt', 'd.valid_until as validUntil',
    ])
    .where('d.cpas_id', '=', cpasId)
    .orderBy('u.display_name')
    .orderBy('d.user_id')
    .execute();
}

export interface SettingsProposal {
  proposalId: string;
  answerDelayDays: number;
  config: AssessmentConfig;
  decisionRef: string;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  outcome: 'confirmed' | 'rejected' | null;
  version: number | null;
}

export async function insertSettingsProposal(
  tx: Tx,
  cpasId: string,
  p: { proposalId: string; answerDelayDays: number; config: AssessmentConfig; decisionRef: string; by: string; at: Date },
): Promise<void> {
  await kyselyOf(tx)
    .insertInto('request_settings_proposal')
    .values({
      cpas_id: cpasId, proposal_id: p.proposalId, answer_delay_days: p.answerDelayDays, config_json: JSON.stringify(p.config),
      config_id: p.config.id, decision_ref: p.decisionRef, proposed_by: p.by, proposed_at: p.at,
    })
    .execute();
}

const proposalColumns = [
  'proposal_id', 'answer_delay_days', 'config_json', 'decision_ref', 'proposed_by', 'proposed_at', 'decided_by', 'decided_at', 'outcome', 'version',
] as const;

type ProposalRow = {
  proposal_id: string; answer_delay_days: number; config_json: string; decision_ref: string; proposed_by: string; proposed_at: Date;
  decided_by: string | null; decided_at: Date | null; outcome: 'confirmed' | 'rejected' | null; version: number | null;
};

const proposalOf = (r: ProposalRow): SettingsProposal => ({
  proposalId: r.proposal_id, answerDelayDays: r.answer_delay_days, config: JSON.parse(r.config_json) as AssessmentConfig,
  decisionRef: r.decision_ref, proposedBy: r.proposed_by, proposedAt: r.proposed_at, decidedBy: r.decided_by, decidedAt: r.decided_at,
  outcome: r.outcome, version: r.version,
});

/** One proposal, locked for the decision so that two confirmations cannot both make a version. */
export async function lockSettingsProposal(tx: Tx, cpasId: string, proposalId: string): Promise<SettingsProposal | null> {
  const row = await kyselyOf(tx)
    .selectFrom('request_settings_proposal')
    .select(proposalColumns)
    .where('cpas_id', '=', cpasId)
    .where('proposal_id', '=', proposalId)
    .forUpdate()
    .executeTakeFirst();
  return row ? proposalOf(row) : null;
}

export async function decideSettingsProposal(
  tx: Tx,
  cpasId: string,
  proposalId: string,
  d: { by: string; at: Date; outcome: 'confirmed' | 'rejected'; version: number | null },
): Promise<void> {
  await kyselyOf(tx)
    .updateTable('request_settings_proposal')
    .set({ decided_by: d.by, decided_at: d.at, outcome: d.outcome, version: d.version })
    .where('cpas_id', '=', cpasId)
    .where('proposal_id', '=', proposalId)
    .where('outcome', 'is', null)
    .execute();
}

/** The proposals, pending first, then the decided ones newest first. */
export async function listSettingsProposals(tx: Tx, cpasId: string): Promise<SettingsProposal[]> {
  const rows = await kyselyOf(tx)
    .selectFrom('request_settings_proposal')
    .select(proposalColumns)
    .where('cpas_id', '=', cpasId)
    .orderBy(sql`outcome IS NOT NULL`)
    .orderBy('proposed_at', 'desc')
    .orderBy('proposal_id')
    .execute();
  return rows.map(proposalOf);
}

/** Every version of the settings, newest first, with who proposed and confirmed it and the decision's reference. */
export function listSettingsVersions(tx: Tx, cpasId: string) {
  return kyselyOf(tx)
    .selectFrom('request_settings')
    .select(['version', 'answer_delay_days as answerDelayDays', 'config_id as configId', 'decision_ref as decisionRef', 'proposed_by as proposedBy',
      'created_by as confirmedBy', 'created_at as confirmedAt'])
    .where('cpas_id', '=', cpasId)
    .orderBy('version', 'desc')
    .execute();
}

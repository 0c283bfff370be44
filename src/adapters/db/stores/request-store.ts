// The sealed register's requests, the persons they name and their state history. Only the use
// cases of src/app/requests/ call this file; no person-file loader, search or export does (a test
// checks that the register's tables are named nowhere else). The authority's reasons and its
// scanned letter are sealed with the CPAS data key.
import { createHash } from 'node:crypto';
import type { Assessment, AuthorRole, Channel } from '../../../domain/requests/assess.ts';
import type { ItemCategory } from '../../../domain/requests/items.ts';
import type { RegisterState, SubjectMatchState } from '../../../domain/requests/register-state.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Tx } from '../database.ts';

export interface RequestRecord {
  requestId: string;
  kind: 'request' | 'oral-attempt';
  channel: Channel;
  authorRole: AuthorRole;
  authorName: string | null;
  authorOffice: string | null;
  reference: string | null;
  dated: string;
  received: string;
  answerBy: string | null;
  dueOn: string;
  reasoned: boolean;
  offences: string[];
  items: ItemCategory[];
  state: RegisterState;
  assessment: Assessment | null;
  assessmentConfigId: string | null;
  assessmentSettingsVersion: number | null;
  assessedBy: string | null;
  assessedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  forwarded: boolean;
}

export interface SubjectRecord {
  position: number;
  givenName: string | null;
  givenNiss: string | null;
  givenBirthDate: string | null;
  matchState: SubjectMatchState;
  personId: string | null;
  matchedBy: string | null;
  matchedAt: Date | null;
}

const REQUEST_COLUMNS = `
  request_id AS "requestId", kind, channel, author_role AS "authorRole", author_name AS "authorName", author_office AS "authorOffice",
  reference, dated, received, answer_by AS "answerBy", due_on AS "dueOn", reasoned, offences, items, state,
  assessment_json AS "assessmentJson", assessment_config_id AS "assessmentConfigId", assessment_settings_version AS "assessmentSettingsVersion",
  assessed_by AS "assessedBy", assessed_at AS "assessedAt", created_by AS "createdBy", created_at AS "createdAt", forwarded`;

type RequestRow = Omit<RequestRecord, 'assessment'> & { assessmentJson: string | null };
const toRecord = ({ assessmentJson, ...row }: RequestRow): RequestRecord => ({
  ...row,
  assessment: assessmentJson === null ? null : (JSON.parse(assessmentJson) as Assessment),
});

const reasonsPlace = (cpasId: string, requestId: string) => ({ cpasId, table: 'authority_request', column: 'reasons_enc', recordId: requestId });
const letterPlace = (cpasId: string, attachmentId: string) => ({ cpasId, table: 'request_attachment', column: 'content_enc', recordId: attachmentId });

export type NewRequest = Omit<RequestRecord, 'state' | 'assessment' | 'assessmentConfigId' | 'assessmentSettingsVersion' | 'assessedBy' | 'assessedAt' | 'createdAt'> & {
  reasonsText: string | null;
};

export async function insertRequest(tx: Tx, box: SecretBox, cpasId: string, r: NewRequest, at: Date): Promise<void> {
  const reasons = r.reasonsText ? await box.seal(tx, reasonsPlace(cpasId, r.requestId), r.reasonsText) : null;
  await tx.query(
    `INSERT INTO authority_request (cpas_id, request_id, kind, channel, author_role, author_name, author_office, reference, dated, received,
       answer_by, due_on, reasoned, reasons_enc, offences, items, state, created_by, created_at, forwarded)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'received', $17, $18, $19)`,
    [cpasId, r.requestId, r.kind, r.channel, r.authorRole, r.authorName, r.authorOffice, r.reference, r.dated, r.received,
      r.answerBy, r.dueOn, r.reasoned, reasons, r.offences, r.items, r.createdBy, at, r.forwarded],
  );
}

/** `lock`: FOR UPDATE, so two people acting on one request at once are serialised. */
export async function loadRequest(tx: Tx, cpasId: string, requestId: string, lock = false): Promise<RequestRecord | null> {
  const [row] = await tx.query<RequestRow & Record<string, unknown>>(
    `SELECT ${REQUEST_COLUMNS} FROM authority_request WHERE cpas_id = $1 AND request_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [cpasId, requestId],
  );
  return row ? toRecord(row) : null;
}

export async function listRequests(tx: Tx, cpasId: string, filter: { openDueBefore?: string; receivedYear?: number } = {}): Promise<RequestRecord[]> {
  const where = ['cpas_id = $1'];
  const params: (string | number)[] = [cpasId];
  if (filter.openDueBefore) {
    where.push(`state NOT IN ('sent', 'refused', 'returned-for-completion') AND due_on < $${params.push(filter.openDueBefore)}::date`);
  }
  if (filter.receivedYear !== undefined) {
    where.push(`received >= make_date($${params.push(filter.receivedYear)}::int, 1, 1) AND received < make_date($${params.length}::int + 1, 1, 1)`);
  }
  const rows = await tx.query<RequestRow & Record<string, unknown>>(
    `SELECT ${REQUEST_COLUMNS} FROM authority_request WHERE ${where.join(' AND ')} ORDER BY due_on, received, request_id`,
    params,
  );
  return rows.map(toRecord);
}

export async function openReasons(tx: Tx, box: SecretBox, cpasId: string, requestId: string): Promise<string | null> {
  const [row] = await tx.query<{ reasons_enc: Buffer | null }>(
    'SELECT reasons_enc FROM authority_request WHERE cpas_id = $1 AND request_id = $2',
    [cpasId, requestId],
  );
  return row?.reasons_enc ? box.openText(tx, reasonsPlace(cpasId, requestId), row.reasons_enc) : null;
}

export async function storeAssessment(
  tx: Tx,
  cpasId: string,
  requestId: string,
  a: { assessment: Assessment; settingsVersion: number; by: string; at: Date },
): Promise<void> {
  await tx.query(
    `UPDATE authority_request SET assessment_json = $3, assessment_config_id = $4, assessment_settings_version = $5, assessed_by = $6, assessed_at = $7
     WHERE cpas_id = $1 AND request_id = $2`,
    [cpasId, requestId, JSON.stringify(a.assessment), a.assessment.configuration.id, a.settingsVersion, a.by, a.at],
  );
}

/** Moves the request and records who moved it; fails if another transaction moved it first. */
export async function recordStateChange(
  tx: Tx,
  cpasId: string,
  requestId: string,
  change: { from: RegisterState | null; to: RegisterState; by: string; at: Date; comment: string | null },
): Promise<void> {
  if (change.from !== null) {
    const moved = await tx.query(
      'UPDATE authority_request SET state = $4 WHERE cpas_id = $1 AND request_id = $2 AND state = $3 RETURNING request_id',
      [cpasId, requestId, change.from, change.to],
    );
    if (moved.length !== 1) throw new Error('the request changed state concurrently');
  }
  await tx.query(
    `INSERT INTO request_state_change (cpas_id, request_id, seq, from_state, to_state, changed_by, changed_at, comment)
     SELECT $1, $2, COALESCE(max(seq), 0) + 1, $3, $4, $5, $6, $7 FROM request_state_change WHERE cpas_id = $1 AND request_id = $2`,
    [cpasId, requestId, change.from, change.to, change.by, change.at, change.comment],
  );
}

export interface StateChangeRecord {
  seq: number;
  fromState: RegisterState | null;
  toState: RegisterState;
  changedBy: string;
  changedAt: Date;
  comment: string | null;
}

export function loadStateChanges(tx: Tx, cpasId: string, requestId: string): Promise<StateChangeRecord[]> {
  return tx.query<StateChangeRecord & Record<string, unknown>>(
    `SELECT seq, from_state AS "fromState", to_state AS "toState", changed_by AS "changedBy", changed_at AS "changedAt", comment
     FROM request_state_change WHERE cpas_id = $1 AND request_id = $2 ORDER BY seq`,
    [cpasId, requestId],
  );
}

export async function insertSubjects(
  tx: Tx,
  cpasId: string,
  requestId: string,
  subjects: readonly { name?: string | undefined; niss?: string | undefined; birthDate?: string | undefined }[],
): Promise<void> {
  for (const [i, s] of subjects.entries()) {
    await tx.query(
      `INSERT INTO request_subject (cpas_id, request_id, position, given_name, given_niss, given_birth_date, match_state)
       VALUES ($1, $2, $3, $4, $5, $6, 'unmatched')`,
      [cpasId, requestId, i + 1, s.name ?? null, s.niss ?? null, s.birthDate ?? null],
    );
  }
}

const SUBJECT_COLUMNS = `position, given_name AS "givenName", given_niss AS "givenNiss", given_birth_date AS "givenBirthDate",
  match_state AS "matchState", person_id AS "personId", matched_by AS "matchedBy", matched_at AS "matchedAt"`;

export function loadSubjects(tx: Tx, cpasId: string, requestId: string): Promise<SubjectRecord[]> {
  return tx.query<SubjectRecord & Record<string, unknown>>(
    `SELECT ${SUBJECT_COLUMNS} FROM request_subject WHERE cpas_id = $1 AND request_id = $2 ORDER BY position`,
    [cpasId, requestId],
  );
}

export async function recordMatch(
  tx: Tx,
  cpasId: string,
  requestId: string,
  position: number,
  m: { personId: string | null; by: string; at: Date },
): Promise<SubjectRecord | null> {
  const [row] = await tx.query<SubjectRecord & Record<string, unknown>>(
    `UPDATE request_subject SET match_state = $4, person_id = $5, matched_by = $6, matched_at = $7
     WHERE cpas_id = $1 AND request_id = $2 AND position = $3 RETURNING ${SUBJECT_COLUMNS}`,
    [cpasId, requestId, position, m.personId ? 'matched' : 'no-file', m.personId, m.by, m.at],
  );
  return row ?? null;
}

export interface RequestAttachmentMeta {
  attachmentId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export async function insertRequestAttachment(
  tx: Tx,
  box: SecretBox,
  cpasId: string,
  a: { requestId: string; attachmentId: string; fileName: string; mediaType: string; content: Buffer; uploadedBy: string; at: Date },
): Promise<void> {
  const sealed = await box.seal(tx, letterPlace(cpasId, a.attachmentId), a.content);
  await tx.query(
    `INSERT INTO request_attachment (cpas_id, request_id, attachment_id, file_name, media_type, size_bytes, sha256, content_enc, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [cpasId, a.requestId, a.attachmentId, a.fileName, a.mediaType, a.content.length, createHash('sha256').update(a.content).digest('hex'),
      sealed, a.uploadedBy, a.at],
  );
}

export function listRequestAttachments(tx: Tx, cpasId: string, requestId: string): Promise<RequestAttachmentMeta[]> {
  return tx.query<RequestAttachmentMeta & Record<string, unknown>>(
    `SELECT attachment_id AS "attachmentId", file_name AS "fileName", media_type AS "mediaType", size_bytes AS "sizeBytes", sha256,
            uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"
     FROM request_attachment WHERE cpas_id = $1 AND request_id = $2 ORDER BY uploaded_at, attachment_id`,
    [cpasId, requestId],
  );
}

export async function openRequestAttachment(tx: Tx, box: SecretBox, cpasId: string, requestId: string, attachmentId: string) {
  const [row] = await tx.query<{ file_name: string; media_type: string; content_enc: Buffer }>(
    'SELECT file_name, media_type, content_enc FROM request_attachment WHERE cpas_id = $1 AND request_id = $2 AND attachment_id = $3',
    [cpasId, requestId, attachmentId],
  );
  if (!row) return null;
  return { fileName: row.file_name, mediaType: row.media_type, content: await box.open(tx, letterPlace(cpasId, attachmentId), row.content_enc) };
}

/** How many persons each request of this CPAS names, by request id. */
export async function countSubjectsByRequest(tx: Tx, cpasId: string): Promise<Map<string, number>> {
  const rows = await tx.query<{ request_id: string; n: number }>(
    'SELECT request_id, count(*)::int AS n FROM request_subject WHERE cpas_id = $1 GROUP BY request_id', [cpasId]);
  return new Map(rows.map((r) => [r.request_id, r.n]));
}

// The sealed register's requests, the persons they name and their state history. Only the use
// cases of src/app/requests/ call this file; no person-file loader, search or export does (a test
// checks that the register's tables are named nowhere else). The authority's reasons and its
// scanned letter are sealed with the CPAS data key.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Assessment, AuthorRole, Channel } from '../../../domain/requests/assess.ts';
import type { ItemCategory } from '../../../domain/requests/items.ts';
import type { RegisterState, SubjectMatchState } from '../../../domain/requests/register-state.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

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

const REQUEST_COLUMNS = [
  'request_id as requestId', 'kind', 'channel', 'author_role as authorRole', 'author_name as authorName', 'author_office as authorOffice',
  'reference', 'dated', 'received', 'answer_by as answerBy', 'due_on as dueOn', 'reasoned', 'offences', 'items', 'state',
  'assessment_json as assessmentJson', 'assessment_config_id as assessmentConfigId', 'assessment_settings_version as assessmentSettingsVersion',
  'assessed_by as assessedBy', 'assessed_at as assessedAt', 'created_by as createdBy', 'created_at as createdAt', 'forwarded',
] as const;

type RequestRow = Omit<RequestRecord, 'assessment'> & { assessmentJson: string | null };
const toRecord = ({ assessmentJson, ...row }: RequestRow): RequestRecord => ({
  ...row,
  assessment: assessmentJson === null ? null : (JSON.parse(assessmentJson) as Assessment),
});

const selectRequests = (tx: Tx, cpasId: string) =>
  kyselyOf(tx).selectFrom('authority_request').select(REQUEST_COLUMNS).where('cpas_id', '=', cpasId);

const reasonsPlace = (cpasId: string, requestId: string) => ({ cpasId, table: 'authority_request', column: 'reasons_enc', recordId: requestId });
const letterPlace = (cpasId: string, attachmentId: string) => ({ cpasId, table: 'request_attachment', column: 'content_enc', recordId: attachmentId });

export type NewRequest = Omit<RequestRecord, 'state' | 'assessment' | 'assessmentConfigId' | 'assessmentSettingsVersion' | 'assessedBy' | 'assessedAt' | 'createdAt'> & {
  reasonsText: string | null;
};

export async function insertRequest(tx: Tx, box: SecretBox, cpasId: string, r: NewRequest, at: Date): Promise<void> {
  const reasons = r.reasonsText ? await box.seal(tx, reasonsPlace(cpasId, r.requestId), r.reasonsText) : null;
  await kyselyOf(tx)
    .insertInto('authority_request')
    .values({
      cpas_id: cpasId, request_id: r.requestId, kind: r.kind, channel: r.channel, author_role: r.authorRole, author_name: r.authorName,
      author_office: r.authorOffice, reference: r.reference, dated: r.dated, received: r.received, answer_by: r.answerBy, due_on: r.dueOn,
      reasoned: r.reasoned, reasons_enc: reasons, offences: r.offences, items: r.items, state: 'received', created_by: r.createdBy,
      created_at: at, forwarded: r.forwarded,
    })
    .execute();
}

/** `lock`: FOR UPDATE, so two people acting on one request at once are serialised. */
export async function loadRequest(tx: Tx, cpasId: string, requestId: string, lock = false): Promise<RequestRecord | null> {
  const row = await selectRequests(tx, cpasId)
    .where('request_id', '=', requestId)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listRequests(tx: Tx, cpasId: string, filter: { openDueBefore?: string; receivedYear?: number } = {}): Promise<RequestRecord[]> {
  let query = selectRequests(tx, cpasId);
  if (filter.openDueBefore) {
    query = query.where('state', 'not in', ['sent', 'refused', 'returned-for-completion']).where('due_on', '<', filter.openDueBefore);
  }
  if (filter.receivedYear !== undefined) {
    const year = filter.receivedYear;
    query = query
      .where('received', '>=', sql<string>`make_date(${year}::int, 1, 1)`)
      .where('received', '<', sql<string>`make_date(${year}::int + 1, 1, 1)`);
  }
  const rows = await query.orderBy('due_on').orderBy('received').orderBy('request_id').execute();
  return rows.map(toRecord);
}

export async function openReasons(tx: Tx, box: SecretBox, cpasId: string, requestId: string): Promise<string | null> {
  const row = await kyselyOf(tx)
    .selectFrom('authority_request')
    .select('reasons_enc')
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row?.reasons_enc ? box.openText(tx, reasonsPlace(cpasId, requestId), row.reasons_enc) : null;
}

export async function storeAssessment(
  tx: Tx,
  cpasId: string,
  requestId: string,
  a: { assessment: Assessment; settingsVersion: number; by: string; at: Date },
): Promise<void> {
  await kyselyOf(tx)
    .updateTable('authority_request')
    .set({
      assessment_json: JSON.stringify(a.assessment), assessment_config_id: a.assessment.configuration.id,
      assessment_settings_version: a.settingsVersion, assessed_by: a.by, assessed_at: a.at,
    })
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .execute();
}

/** Moves the request and records who moved it; fails if another transaction moved it first. */
export async function recordStateChange(
  tx: Tx,
  cpasId: string,
  requestId: string,
  change: { from: RegisterState | null; to: RegisterState; by: string; at: Date; comment: string | null },
): Promise<void> {
  const db = kyselyOf(tx);
  if (change.from !== null) {
    const moved = await db
      .updateTable('authority_request')
      .set({ state: change.to })
      .where('cpas_id', '=', cpasId)
      .where('request_id', '=', requestId)
      .where('state', '=', change.from)
      .returning('request_id')
      .execute();
    if (moved.length !== 1) throw new Error('the request changed state concurrently');
  }
  await db
    .insertInto('request_state_change')
    .columns(['cpas_id', 'request_id', 'seq', 'from_state', 'to_state', 'changed_by', 'changed_at', 'comment'])
    .expression(
      db
        .selectFrom('request_state_change')
        .select((eb) => [
          eb.val(cpasId).as('cpas_id'),
          eb.val(requestId).as('request_id'),
          sql<number>`COALESCE(max(seq), 0) + 1`.as('seq'),
          eb.val(change.from).as('from_state'),
          eb.val(change.to).as('to_state'),
          eb.val(change.by).as('changed_by'),
          eb.val(change.at).as('changed_at'),
          eb.val(change.comment).as('comment'),
        ])
        .where('cpas_id', '=', cpasId)
        .where('request_id', '=', requestId),
    )
    .execute();
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
  return kyselyOf(tx)
    .selectFrom('request_state_change')
    .select(['seq', 'from_state as fromState', 'to_state as toState', 'changed_by as changedBy', 'changed_at as changedAt', 'comment'])
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .orderBy('seq')
    .execute();
}

export async function insertSubjects(
  tx: Tx,
  cpasId: string,
  requestId: string,
  subjects: readonly { name?: string | undefined; niss?: string | undefined; birthDate?: string | undefined }[],
): Promise<void> {
  for (const [i, s] of subjects.entries()) {
    await kyselyOf(tx)
      .insertInto('request_subject')
      .values({
        cpas_id: cpasId, request_id: requestId, position: i + 1, given_name: s.name ?? null, given_niss: s.niss ?? null,
        given_birth_date: s.birthDate ?? null, match_state: 'unmatched',
      })
      .execute();
  }
}

const SUBJECT_COLUMNS = [
  'position', 'given_name as givenName', 'given_niss as givenNiss', 'given_birth_date as givenBirthDate', 'match_state as matchState',
  'person_id as personId', 'matched_by as matchedBy', 'matched_at as matchedAt',
] as const;

export function loadSubjects(tx: Tx, cpasId: string, requestId: string): Promise<SubjectRecord[]> {
  return kyselyOf(tx)
    .selectFrom('request_subject')
    .select(SUBJECT_COLUMNS)
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .orderBy('position')
    .execute();
}

export async function recordMatch(
  tx: Tx,
  cpasId: string,
  requestId: string,
  position: number,
  m: { personId: string | null; by: string; at: Date },
): Promise<SubjectRecord | null> {
  const row = await kyselyOf(tx)
    .updateTable('request_subject')
    .set({ match_state: m.personId ? 'matched' : 'no-file', person_id: m.personId, matched_by: m.by, matched_at: m.at })
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .where('position', '=', position)
    .returning(SUBJECT_COLUMNS)
    .executeTakeFirst();
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
  await kyselyOf(tx)
    .insertInto('request_attachment')
    .values({
      cpas_id: cpasId, request_id: a.requestId, attachment_id: a.attachmentId, file_name: a.fileName, media_type: a.mediaType,
      size_bytes: a.content.length, sha256: createHash('sha256').update(a.content).digest('hex'), content_enc: sealed,
      uploaded_by: a.uploadedBy, uploaded_at: a.at,
    })
    .execute();
}

export function listRequestAttachments(tx: Tx, cpasId: string, requestId: string): Promise<RequestAttachmentMeta[]> {
  return kyselyOf(tx)
    .selectFrom('request_attachment')
    .select([
      'attachment_id as attachmentId', 'file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes', 'sha256',
      'uploaded_by as uploadedBy', 'uploaded_at as uploadedAt',
    ])
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .orderBy('uploaded_at')
    .orderBy('attachment_id')
    .execute();
}

export async function openRequestAttachment(tx: Tx, box: SecretBox, cpasId: string, requestId: string, attachmentId: string) {
  const row = await kyselyOf(tx)
    .selectFrom('request_attachment')
    .select(['file_name', 'media_type', 'content_enc'])
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .where('attachment_id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) return null;
  return { fileName: row.file_name, mediaType: row.media_type, content: await box.open(tx, letterPlace(cpasId, attachmentId), row.content_enc) };
}

/** How many persons each request of this CPAS names, by request id. */
export async function countSubjectsByRequest(tx: Tx, cpasId: string): Promise<Map<string, number>> {
  const rows = await kyselyOf(tx)
    .selectFrom('request_subject')
    .select((eb) => ['request_id', eb.fn.countAll<number>().as('n')])
    .where('cpas_id', '=', cpasId)
    .groupBy('request_id')
    .execute();
  return new Map(rows.map((r) => [r.request_id, r.n]));
}

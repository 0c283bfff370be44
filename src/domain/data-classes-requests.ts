// The data classes of the sealed register of authority requests (migration 005). None of these
// columns belongs to a person's social file: they record what an authority asked, what the CPAS
// decided and what it sent, and only the register's readers see them (R16, R20). Classing them as
// 'authority-register' keeps them out of every category a person-file loader or export opens.
// Even a key of the register is classed so: request_subject.person_id is the fact that a file
// was the subject of a request, which the person must not learn while the secrecy applies.
import type { ColumnClass } from './data-classes.ts';

const REGISTER: ColumnClass = { kind: 'system', role: 'authority-register' };
const KEY: ColumnClass = { kind: 'system', role: 'key' };

const register = (columns: string[]): Record<string, ColumnClass> => ({
  cpas_id: KEY,
  ...Object.fromEntries(columns.map((c) => [c, REGISTER])),
});

export const REQUEST_CATALOGUE: Readonly<Record<string, Readonly<Record<string, ColumnClass>>>> = {
  request_settings: register(['version', 'answer_delay_days', 'config_json', 'config_id', 'created_by', 'created_at', 'decision_ref', 'proposed_by']),
  request_settings_proposal: register([
    'proposal_id', 'answer_delay_days', 'config_json', 'config_id', 'decision_ref', 'proposed_by', 'proposed_at',
    'decided_by', 'decided_at', 'outcome', 'version',
  ]),
  request_delegate: register(['user_id', 'granted_by', 'granted_at', 'revoked_by', 'revoked_at', 'valid_until']),
  authority_request: register([
    'request_id', 'kind', 'channel', 'author_role', 'author_name', 'author_office', 'reference', 'dated', 'received',
    'answer_by', 'due_on', 'reasoned', 'reasons_enc', 'offences', 'items', 'state', 'assessment_json',
    'assessment_config_id', 'assessment_settings_version', 'assessed_by', 'assessed_at', 'created_by', 'created_at', 'forwarded', 'version',
  ]),
  authority_request_version: register([
    'request_id', 'version', 'channel', 'author_role', 'author_name', 'author_office', 'reference', 'dated', 'received', 'answer_by',
    'reasoned', 'reasons_enc', 'offences', 'items', 'subjects_json', 'assessment_json', 'superseded_by', 'superseded_at',
  ]),
  request_subject: register([
    'request_id', 'position', 'given_name', 'given_niss', 'given_birth_date', 'match_state', 'person_id', 'matched_by', 'matched_at',
  ]),
  request_state_change: register(['request_id', 'seq', 'from_state', 'to_state', 'changed_by', 'changed_at', 'comment']),
  request_attachment: register([
    'request_id', 'attachment_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'content_enc', 'uploaded_by', 'uploaded_at',
  ]),
  request_disclosure: register([
    'request_id', 'letter_kind', 'language', 'content_text', 'content_sha256', 'prepared_by', 'prepared_at',
    'signed_by', 'signed_at', 'signatory_role', 'sent_by', 'sent_at',
  ]),
};

/** The register's tables: no person-file loader, export or search may name them. */
export const REGISTER_TABLES = Object.keys(REQUEST_CATALOGUE);

// The tables and columns of the migrated database, as one value that both the compiler and a test
// read. The Kysely `DB` type below is derived from it, so every query of a store is type-checked
// against these columns; schema.db.test.ts compares the same value with the migrated database
// (information_schema and the CHECK constraints), so the types cannot drift from the migrations:
// a column added by a migration and not here, or a type, nullability, default or list of allowed
// values that disagrees, fails that test.
//
// Select types are what database.ts returns on both engines: int8 and numeric as number, date as
// 'YYYY-MM-DD' text, timestamptz as Date, bytea as Buffer.
import { NOTIFICATION_KINDS } from '../../domain/notifications.ts';
import type { ColumnType } from 'kysely';
import { REVIEW_OUTCOMES } from '../../domain/break-glass.ts';
import { AUTHOR_ROLES, CHANNELS, SIGNATORIES } from '../../domain/requests/assess.ts';
import type { ItemCategory as RequestItem } from '../../domain/requests/items.ts';
import { LETTER_KINDS } from '../../domain/requests/letter-content.ts';
import { REGISTER_STATES, type RegisterState } from '../../domain/requests/register-state.ts';
import { LETTER_LANGUAGES } from '../../domain/requests/standard-reply.ts';
import { ROLES } from '../../domain/roles.ts';
import { ADDRESS_KINDS, APPLICATION_KINDS } from '../../domain/schemas.ts';

/** The SQL types in use, as information_schema.columns.udt_name spells them. */
export type SqlType = 'uuid' | 'text' | '_text' | 'date' | 'timestamptz' | 'bytea' | 'int4' | 'int8' | 'bool';

export interface ColumnSpec<S = unknown, N extends boolean = boolean, D extends boolean = boolean> {
  readonly type: SqlType;
  readonly nullable: N;
  readonly hasDefault: D;
  /** The values a single-column CHECK (column IN (...)) allows; the select type is their union. */
  readonly values: readonly string[] | null;
  /** Type only: the JavaScript value of a selected non-null cell. */
  readonly select?: S;
}

const column = <S>(type: SqlType, values: readonly string[] | null = null) =>
  ({ type, nullable: false, hasDefault: false, values }) as ColumnSpec<S, false, false>;

const uuid = () => column<string>('uuid');
const text = () => column<string>('text');
const date = () => column<string>('date');
const timestamptz = () => column<Date>('timestamptz');
const bytea = () => column<Buffer>('bytea');
const integer = () => column<number>('int4');
const bigint = () => column<number>('int8');
const boolean = () => column<boolean>('bool');
const textArray = () => column<string[]>('_text');
/**
 * Text (or text array) that no CHECK constrains but whose insert and update types accept only E:
 * every write goes through a store typed against this schema, so only E can be written.
 */
const typedText = <E extends string>() => column<E>('text');
const typedTextArray = <E extends string>() => column<E[]>('_text');
/** A text column with CHECK (column IN (...values)). */
const oneOf = <const V extends readonly string[]>(values: V) => column<V[number]>('text', values);
const nullable = <S, D extends boolean>(c: ColumnSpec<S, false, D>) => ({ ...c, nullable: true }) as ColumnSpec<S, true, D>;
/** A column with a DEFAULT: optional on insert. */
const defaulted = <S, N extends boolean>(c: ColumnSpec<S, N, false>) => ({ ...c, hasDefault: true }) as ColumnSpec<S, N, true>;

const LANGUAGES = ['fr', 'nl', 'de'] as const;
const BODIES = ['comite-special-service-social', 'conseil-action-sociale'] as const;

export const SCHEMA = {
  schema_migration: { name: text(), applied_at: defaulted(timestamptz()) },

  // 001_foundation.sql
  cpas: {
    cpas_id: uuid(), code: text(), name: text(), region: oneOf(['wallonie', 'bruxelles', 'vlaanderen', 'ostbelgien']),
    languages: textArray(), default_language: oneOf(LANGUAGES), street: text(), postal_code: text(), municipality: text(),
    phone: nullable(text()), email: nullable(text()), created_at: defaulted(timestamptz()),
    // 010_signatory_titles.sql
    director_title: nullable(text()), president_title: nullable(text()),
  },
  staff_user: {
    cpas_id: uuid(), user_id: uuid(), username: text(), display_name: text(), language: nullable(oneOf(LANGUAGES)),
    password_hash: nullable(text()), failed_logins: defaulted(integer()), locked_until: nullable(timestamptz()),
    active: defaulted(boolean()), created_at: defaulted(timestamptz()),
    // 006_separation_of_duties.sql
    created_by: nullable(uuid()),
    // 016_notifications.sql: where the register's notifications are e-mailed (none: in the application only).
    email: nullable(text()),
  },
  staff_role: { cpas_id: uuid(), user_id: uuid(), role: oneOf(ROLES) },
  // 006_separation_of_duties.sql
  staff_activation: { cpas_id: uuid(), user_id: uuid(), code_hash: text(), issued_at: timestamptz(), expires_at: timestamptz() },
  staff_role_grant: {
    cpas_id: uuid(), grant_id: uuid(), user_id: uuid(), role: oneOf(['social-worker', 'head-of-social-service'] as const),
    granted_by: nullable(uuid()), granted_at: timestamptz(), confirmed_by: nullable(uuid()), confirmed_at: nullable(timestamptz()),
    code_hash: nullable(text()), code_expires_at: nullable(timestamptz()),
  },
  case_assignment_proposal: {
    cpas_id: uuid(), proposal_id: uuid(), person_id: uuid(), user_id: uuid(), assigned_from: date(), assigned_until: nullable(date()),
    proposed_by: uuid(), proposed_at: timestamptz(),
  },
  staff_session: {
    cpas_id: uuid(), session_hash: text(), user_id: uuid(), created_at: defaulted(timestamptz()), expires_at: timestamptz(),
    idle_until: timestamptz(), csrf_token: text(),
  },
  api_token: {
    cpas_id: uuid(), token_id: uuid(), user_id: uuid(), token_hash: text(), label: text(), created_at: defaulted(timestamptz()),
    expires_at: timestamptz(), revoked_at: nullable(timestamptz()),
  },
  person: {
    cpas_id: uuid(), person_id: uuid(), family_name: text(), given_names: text(), search_name: text(), birth_date: nullable(date()),
    birth_place: nullable(text()), sex: nullable(oneOf(['F', 'M', 'X'])), nationality: nullable(text()), niss: nullable(text()),
    phone: nullable(text()), email: nullable(text()), iban: nullable(text()), created_at: defaulted(timestamptz()),
    updated_at: defaulted(timestamptz()),
  },
  person_address: {
    cpas_id: uuid(), address_id: uuid(), person_id: uuid(), kind: oneOf(ADDRESS_KINDS), street: text(), house_number: text(),
    box: nullable(text()), postal_code: text(), municipality: text(), country: defaulted(text()), valid_from: date(),
    valid_to: nullable(date()),
  },
  household_member: {
    cpas_id: uuid(), member_id: uuid(), person_id: uuid(), family_name: text(), given_names: text(), birth_date: nullable(date()),
    relationship: oneOf(['partner', 'child', 'parent', 'sibling', 'other-relative', 'cohabitant']), valid_from: date(),
    valid_to: nullable(date()),
  },
  application: {
    cpas_id: uuid(), application_id: uuid(), person_id: uuid(), kind: oneOf(APPLICATION_KINDS), submitted_on: date(),
    channel: oneOf(['desk', 'letter', 'cpas-online', 'other']), communicated: text(),
    status: oneOf(['received', 'under-inquiry', 'decided', 'withdrawn']), created_at: defaulted(timestamptz()),
  },
  decision: {
    cpas_id: uuid(), decision_id: uuid(), application_id: uuid(), person_id: uuid(), body: oneOf([...BODIES, 'delegation']),
    decided_on: date(), outcome: oneOf(['granted', 'refused', 'partial']), amount_cents: nullable(bigint()),
    period_from: nullable(date()), period_to: nullable(date()), motivation: text(),
  },
  agenda_item: {
    cpas_id: uuid(), item_id: uuid(), person_id: uuid(), application_id: uuid(), session_date: date(), body: oneOf(BODIES),
    closed: defaulted(boolean()),
    // 018_council_agenda.sql
    session_id: uuid(), placed_by: uuid(), placed_at: defaulted(timestamptz()), decision_id: nullable(uuid()),
  },
  council_session: {
    cpas_id: uuid(), session_id: uuid(), body: oneOf(BODIES), meeting_date: date(), created_by: uuid(), created_at: defaulted(timestamptz()),
    closed_by: nullable(uuid()), closed_at: nullable(timestamptz()),
  },
  case_assignment: {
    cpas_id: uuid(), assignment_id: uuid(), person_id: uuid(), user_id: uuid(), assigned_from: date(), assigned_until: nullable(date()),
  },
  bcss_record: { cpas_id: uuid(), record_id: uuid(), person_id: uuid(), source: text(), received_on: date(), content: text() },
  social_report: {
    cpas_id: uuid(), report_id: uuid(), person_id: uuid(), author_user_id: uuid(), written_on: date(), language: oneOf(LANGUAGES),
    situation_enc: bytea(), assessment_enc: nullable(bytea()), created_at: defaulted(timestamptz()),
  },
  case_note: {
    cpas_id: uuid(), note_id: uuid(), person_id: uuid(), author_user_id: uuid(), written_at: defaulted(timestamptz()), body_enc: bytea(),
  },
  medical_document: {
    cpas_id: uuid(), document_id: uuid(), person_id: uuid(), author_user_id: uuid(), issued_on: date(), description_enc: bytea(),
  },
  piis: {
    cpas_id: uuid(), piis_id: uuid(), person_id: uuid(), author_user_id: uuid(), signed_on: date(), objectives_enc: bytea(),
    evaluation_enc: nullable(bytea()),
  },
  attachment: {
    // 007_gate.sql: the file name is sealed (bytea) and the digest keyed (content_mac).
    cpas_id: uuid(), attachment_id: uuid(), person_id: uuid(), data_class: text(), file_name: nullable(bytea()), media_type: text(),
    size_bytes: integer(), content_mac: nullable(bytea()), content: bytea(), encrypted: boolean(), uploaded_by: uuid(), uploaded_at: defaulted(timestamptz()),
  },
  cpas_data_key: {
    cpas_id: uuid(), key_version: integer(), master_key_id: text(), wrapped_key: bytea(), created_at: defaulted(timestamptz()),
  },

  // 002_access_log.sql
  access_log_entry: {
    cpas_id: uuid(), seq: bigint(), logged_at: timestamptz(), user_id: nullable(uuid()), person_id: nullable(uuid()), action: text(),
    entry_text: text(), entry_hash: bytea(), chain_hash: bytea(),
  },
  access_log_head: { cpas_id: uuid(), seq: bigint(), chain_hash: bytea() },
  // 019_access_log_partitions.sql
  access_log_archive: {
    cpas_id: uuid(), month: date(), after_seq: bigint(), anchor_hash: bytea(), last_seq: bigint(), last_chain_hash: bytea(), note_text: text(),
    archived_at: timestamptz(), dropped_at: nullable(timestamptz()),
  },

  // 004_audit.sql
  access_log_checkpoint: {
    cpas_id: uuid(), tree_size: bigint(), root_hash: bytea(), note_text: text(), key_name: text(), created_at: defaulted(timestamptz()),
  },
  break_glass_grant: {
    cpas_id: uuid(), grant_id: uuid(), person_id: uuid(), user_id: uuid(), purpose: text(), reason_enc: bytea(), opened_at: timestamptz(),
    expires_at: timestamptz(), reviewed_by: nullable(uuid()), reviewed_at: nullable(timestamptz()),
    review_outcome: nullable(oneOf(REVIEW_OUTCOMES)), review_comment_enc: nullable(bytea()),
  },
  staff_notification: {
    cpas_id: uuid(), notification_id: uuid(), recipient_user_id: uuid(), kind: oneOf(NOTIFICATION_KINDS), reference_id: uuid(),
    created_at: timestamptz(), read_at: nullable(timestamptz()),
  },

  // 005_authority_requests.sql
  // 008_secrecy_guide.sql
  guide_settings: {
    cpas_id: uuid(), version: integer(), config_id: text(), external_shared_secrecy: oneOf(['on', 'off'] as const), decision_ref: text(),
    created_by: uuid(), created_at: defaulted(timestamptz()),
  },
  guide_disclosure: {
    cpas_id: uuid(), disclosure_id: uuid(), person_id: uuid(), author_user_id: uuid(), disclosed_on: date(),
    outcome_kind: oneOf(['disclosure', 'refusal'] as const),
    ground_kind: nullable(oneOf(['422bis', '458bis', 'necessity', '458ter-consultation', 'testimony', 'shared-secrecy'] as const)),
    recipient_enc: bytea(), shared_enc: bytea(),
  },
  // 009_http_hardening.sql: log-in attempts per client address (no CPAS: counted before it is known).
  login_attempt_window: { attempt_key: text(), window_start: timestamptz(), attempts: integer() },
  // 011_citizen_portal.sql
  citizen_session: {
    cpas_id: uuid(), session_hash: text(), person_id: nullable(uuid()), created_at: defaulted(timestamptz()), expires_at: timestamptz(),
    idle_until: timestamptz(), csrf_token: text(),
  },
  rights_request: {
    cpas_id: uuid(), request_id: uuid(), person_id: uuid(), kind: oneOf(['copy', 'correction', 'objection'] as const),
    channel: oneOf(['portal', 'desk'] as const), received_on: date(), due_on: date(), extended_due_on: nullable(date()),
    state: oneOf(['received', 'redacted', 'approved', 'released', 'answered'] as const), statement_enc: nullable(bytea()),
    extension_reason_enc: nullable(bytea()), recorded_by: nullable(uuid()), redacted_by: nullable(uuid()), redacted_at: nullable(timestamptz()),
    approved_by: nullable(uuid()), approved_at: nullable(timestamptz()), released_at: nullable(timestamptz()), copy_pdf_enc: nullable(bytea()),
    created_at: defaulted(timestamptz()),
  },
  request_settings: {
    cpas_id: uuid(), version: integer(), answer_delay_days: integer(), config_json: text(), config_id: text(), created_by: uuid(),
    created_at: defaulted(timestamptz()),
    // 015_settings_four_eyes.sql: created_by is the confirmer; proposed_by and the decision's reference.
    decision_ref: nullable(text()), proposed_by: nullable(uuid()),
  },
  request_settings_proposal: {
    cpas_id: uuid(), proposal_id: uuid(), answer_delay_days: integer(), config_json: text(), config_id: text(), decision_ref: text(),
    proposed_by: uuid(), proposed_at: timestamptz(), decided_by: nullable(uuid()), decided_at: nullable(timestamptz()),
    outcome: nullable(oneOf(['confirmed', 'rejected'] as const)), version: nullable(integer()),
  },
  request_delegate: {
    cpas_id: uuid(), user_id: uuid(), granted_by: uuid(), granted_at: timestamptz(), revoked_by: nullable(uuid()),
    revoked_at: nullable(timestamptz()),
    // 013_delegation_end.sql
    valid_until: nullable(date()),
  },
  authority_request: {
    cpas_id: uuid(), request_id: uuid(), kind: oneOf(['request', 'oral-attempt']), channel: oneOf(CHANNELS), author_role: oneOf(AUTHOR_ROLES),
    author_name: nullable(text()), author_office: nullable(text()), reference: nullable(text()), dated: date(), received: date(),
    answer_by: nullable(date()), due_on: date(), reasoned: boolean(), reasons_enc: nullable(bytea()), offences: textArray(),
    items: typedTextArray<RequestItem>(), state: oneOf(REGISTER_STATES), assessment_json: nullable(text()),
    assessment_config_id: nullable(text()), assessment_settings_version: nullable(integer()), assessed_by: nullable(uuid()),
    assessed_at: nullable(timestamptz()), created_by: uuid(), created_at: defaulted(timestamptz()), forwarded: boolean(),
    // 017_request_versions.sql
    version: defaulted(integer()),
  },
  authority_request_version: {
    cpas_id: uuid(), request_id: uuid(), version: integer(), channel: text(), author_role: text(), author_name: nullable(text()),
    author_office: nullable(text()), reference: nullable(text()), dated: date(), received: date(), answer_by: nullable(date()),
    reasoned: boolean(), reasons_enc: nullable(bytea()), offences: textArray(), items: textArray(), subjects_json: text(),
    assessment_json: nullable(text()), superseded_by: uuid(), superseded_at: timestamptz(),
  },
  request_subject: {
    cpas_id: uuid(), request_id: uuid(), position: integer(), given_name: nullable(text()), given_niss: nullable(text()),
    given_birth_date: nullable(date()), match_state: oneOf(['unmatched', 'matched', 'no-file']), person_id: nullable(uuid()),
    matched_by: nullable(uuid()), matched_at: nullable(timestamptz()),
  },
  request_state_change: {
    cpas_id: uuid(), request_id: uuid(), seq: integer(), from_state: nullable(typedText<RegisterState>()), to_state: typedText<RegisterState>(), changed_by: uuid(),
    changed_at: timestamptz(), comment: nullable(text()),
  },
  request_attachment: {
    cpas_id: uuid(), request_id: uuid(), attachment_id: uuid(), file_name: text(), media_type: text(), size_bytes: integer(),
    sha256: text(), content_enc: bytea(), uploaded_by: uuid(), uploaded_at: defaulted(timestamptz()),
  },
  request_disclosure: {
    cpas_id: uuid(), request_id: uuid(), letter_kind: oneOf(LETTER_KINDS), language: oneOf(LETTER_LANGUAGES), content_text: text(),
    content_sha256: text(), prepared_by: uuid(), prepared_at: timestamptz(), signed_by: nullable(uuid()), signed_at: nullable(timestamptz()),
    signatory_role: nullable(oneOf(SIGNATORIES)), sent_by: nullable(uuid()), sent_at: nullable(timestamptz()),
  },
} satisfies Record<string, Record<string, ColumnSpec>>;

/** A column as Kysely sees it: nullable adds null to every side, a default makes the insert optional. */
type KyselyColumn<C> =
  C extends ColumnSpec<infer S, infer N, infer D>
    ? ColumnType<N extends true ? S | null : S, (N extends true ? S | null : S) | (D extends true ? undefined : never), N extends true ? S | null : S>
    : never;

type Tables = typeof SCHEMA;

/** The Kysely database type: every table of the migrations with its columns. */
export type DB = { [T in keyof Tables]: { [C in keyof Tables[T]]: KyselyColumn<Tables[T][C]> } };

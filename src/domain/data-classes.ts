// The data-class catalogue: the one place that says, for every stored column, what it is.
// Personal data of the people the CPAS serves carries one item category of the 46bis/1
// assessment contract and, through it, a tier: administrative or secret. Everything else is
// named as system data (keys, staff accounts, security material, the access log).
// A database test fails when a column of the schema is not classified here, so a new column
// cannot reach production without someone deciding whether it is secret.
import { ITEM_CATEGORIES, type ItemCategory } from './requests/items.ts';
import { REQUEST_CATALOGUE } from './data-classes-requests.ts';
import { AUDIT_CATALOGUE } from './data-classes-audit.ts';
import { DUTIES_CATALOGUE } from './data-classes-duties.ts';
import { GUIDE_CATALOGUE } from './data-classes-guide.ts';
import { CITIZEN_CATALOGUE } from './data-classes-citizen.ts';

export type Tier = 'administrative' | 'secret';
export { ITEM_CATEGORIES, type ItemCategory };

/** Secret classes are the social worker's professional secret (art. 458 Code pénal): never administrative information. */
const SECRET_CATEGORIES: ReadonlySet<ItemCategory> = new Set<ItemCategory>([
  'social-report',
  'social-notes',
  'medical-data',
  'piis',
  'opinions',
]);

export function tierOf(category: ItemCategory): Tier {
  return SECRET_CATEGORIES.has(category) ? 'secret' : 'administrative';
}

export type SystemRole =
  | 'key' // identifiers and foreign keys: carry no content of their own
  | 'record-metadata' // when a record was created or changed
  | 'organisation' // the CPAS itself
  | 'staff' // staff accounts and roles
  | 'security' // password hashes, session and token hashes, wrapped keys
  | 'case-relation' // who is on a case
  | 'audit' // the access log
  | 'authority-register' // the sealed register of authority requests (data-classes-requests.ts)
  | 'schema'; // migration bookkeeping

export type ColumnClass =
  | { kind: 'personal'; category: ItemCategory }
  /** The category depends on the row: e.g. an address is the domicile or another known address. */
  | { kind: 'personal-by-row'; column: string; categories: Readonly<Record<string, ItemCategory>> }
  | { kind: 'system'; role: SystemRole };

const personal = (category: ItemCategory): ColumnClass => ({ kind: 'personal', category });
const system = (role: SystemRole): ColumnClass => ({ kind: 'system', role });
const KEY = system('key');
const META = system('record-metadata');

const ADDRESS_BY_KIND: ColumnClass = {
  kind: 'personal-by-row',
  column: 'kind',
  categories: { domicile: 'domicile-address', residence: 'known-addresses', reference: 'known-addresses', earlier: 'known-addresses' },
};
/** An attachment's content has the class written in its own data_class column. */
const ATTACHMENT_BY_CLASS: ColumnClass = {
  kind: 'personal-by-row',
  column: 'data_class',
  categories: Object.fromEntries(ITEM_CATEGORIES.map((c) => [c, c])),
};

const allOf = (columns: string[], cls: ColumnClass) => Object.fromEntries(columns.map((c) => [c, cls]));

export const CATALOGUE: Readonly<Record<string, Readonly<Record<string, ColumnClass>>>> = {
  schema_migration: allOf(['name', 'applied_at'], system('schema')),
  // Log-in attempts per client address (a digest of it) and window: no CPAS yet, nobody's data.
  login_attempt_window: allOf(['attempt_key', 'window_start', 'attempts'], system('security')),
  cpas: {
    cpas_id: KEY,
    ...allOf(['code', 'name', 'region', 'languages', 'default_language', 'street', 'postal_code', 'municipality', 'phone', 'email', 'director_title', 'president_title'], system('organisation')),
    created_at: META,
  },
  staff_user: {
    cpas_id: KEY,
    user_id: KEY,
    ...allOf(['username', 'display_name', 'language', 'active', 'email'], system('staff')),
    ...allOf(['password_hash', 'failed_logins', 'locked_until'], system('security')),
    created_by: KEY,
    created_at: META,
  },
  staff_role: { cpas_id: KEY, user_id: KEY, role: system('staff') },
  staff_session: {
    cpas_id: KEY,
    user_id: KEY,
    ...allOf(['session_hash', 'expires_at', 'idle_until', 'csrf_token'], system('security')),
    created_at: META,
  },
  api_token: {
    cpas_id: KEY,
    token_id: KEY,
    user_id: KEY,
    ...allOf(['token_hash', 'expires_at', 'revoked_at'], system('security')),
    label: system('staff'),
    created_at: META,
  },
  person: {
    cpas_id: KEY,
    person_id: KEY,
    ...allOf(['family_name', 'given_names', 'search_name', 'birth_date', 'birth_place', 'sex', 'nationality', 'niss'], personal('identity')),
    phone: personal('contact-details'),
    email: personal('contact-details'),
    iban: personal('payment-account'),
    created_at: META,
    updated_at: META,
  },
  person_address: {
    cpas_id: KEY,
    address_id: KEY,
    person_id: KEY,
    ...allOf(['kind', 'street', 'house_number', 'box', 'postal_code', 'municipality', 'country', 'valid_from', 'valid_to'], ADDRESS_BY_KIND),
  },
  household_member: {
    cpas_id: KEY,
    member_id: KEY,
    person_id: KEY,
    ...allOf(['family_name', 'given_names', 'birth_date', 'relationship', 'valid_from', 'valid_to'], personal('household-composition')),
  },
  application: {
    cpas_id: KEY,
    application_id: KEY,
    person_id: KEY,
    ...allOf(['kind', 'submitted_on', 'channel', 'communicated', 'status'], personal('application-data')),
    created_at: META,
  },
  decision: {
    cpas_id: KEY,
    decision_id: KEY,
    application_id: KEY,
    person_id: KEY,
    ...allOf(['body', 'decided_on', 'outcome', 'amount_cents', 'period_from', 'period_to'], personal('aid-decisions')),
    motivation: personal('decision-motivation'),
  },
  agenda_item: {
    cpas_id: KEY,
    item_id: KEY,
    person_id: KEY,
    application_id: KEY,
    ...allOf(['session_date', 'body', 'closed'], personal('aid-decisions')),
    session_id: KEY,
    placed_by: KEY,
    decision_id: KEY,
    placed_at: META,
  },
  // A session of the council or committee: a body and a date, no person (their items name them).
  council_session: {
    cpas_id: KEY,
    session_id: KEY,
    created_by: KEY,
    closed_by: KEY,
    ...allOf(['body', 'meeting_date'], system('organisation')),
    ...allOf(['created_at', 'closed_at'], META),
  },
  case_assignment: {
    cpas_id: KEY,
    assignment_id: KEY,
    person_id: KEY,
    user_id: KEY,
    ...allOf(['assigned_from', 'assigned_until'], system('case-relation')),
  },
  bcss_record: {
    cpas_id: KEY,
    record_id: KEY,
    person_id: KEY,
    ...allOf(['source', 'received_on', 'content'], personal('bcss-data')),
  },
  social_report: {
    cpas_id: KEY,
    report_id: KEY,
    person_id: KEY,
    author_user_id: KEY,
    // When and in which language a report was written is record metadata, not what it says.
    ...allOf(['written_on', 'language'], META),
    situation_enc: personal('social-report'),
    // The worker's professional evaluation of the person: an opinion, never administrative.
    assessment_enc: personal('opinions'),
    created_at: META,
  },
  case_note: {
    cpas_id: KEY,
    note_id: KEY,
    person_id: KEY,
    author_user_id: KEY,
    written_at: META,
    body_enc: personal('social-notes'),
  },
  medical_document: {
    cpas_id: KEY,
    document_id: KEY,
    person_id: KEY,
    author_user_id: KEY,
    issued_on: META,
    description_enc: personal('medical-data'),
  },
  piis: {
    cpas_id: KEY,
    piis_id: KEY,
    person_id: KEY,
    author_user_id: KEY,
    signed_on: META,
    ...allOf(['objectives_enc', 'evaluation_enc'], personal('piis')),
  },
  attachment: {
    cpas_id: KEY,
    attachment_id: KEY,
    person_id: KEY,
    uploaded_by: KEY,
    // The name says what the file is ("certificat-psychiatrique.pdf"): content of its class, sealed like the file.
    ...allOf(['file_name', 'content'], ATTACHMENT_BY_CLASS),
    // The class, the format, the size and whether it is sealed describe the record, not the person.
    ...allOf(['data_class', 'media_type', 'size_bytes', 'encrypted'], META),
    // A keyed digest (HMAC under the CPAS data key): confirms nothing to someone holding only the database.
    content_mac: system('security'),
    uploaded_at: META,
  },
  cpas_data_key: {
    cpas_id: KEY,
    ...allOf(['key_version', 'master_key_id', 'wrapped_key'], system('security')),
    created_at: META,
  },
  access_log_entry: {
    cpas_id: KEY,
    ...allOf(['seq', 'logged_at', 'user_id', 'person_id', 'action', 'entry_text', 'entry_hash', 'chain_hash'], system('audit')),
  },
  access_log_head: { cpas_id: KEY, ...allOf(['seq', 'chain_hash'], system('audit')) },
  ...REQUEST_CATALOGUE,
  ...AUDIT_CATALOGUE,
  ...DUTIES_CATALOGUE,
  ...GUIDE_CATALOGUE,
  ...CITIZEN_CATALOGUE,
};

/** The categories a column can hold (one, or one per row kind); none for system columns. */
export function categoriesOfColumn(table: string, column: string): ItemCategory[] {
  const cls = CATALOGUE[table]?.[column];
  if (!cls) throw new Error(`unclassified column ${table}.${column}`);
  if (cls.kind === 'personal') return [cls.category];
  if (cls.kind === 'personal-by-row') return [...new Set(Object.values(cls.categories))];
  return [];
}

/** Whether a column can ever hold secret content: such a column must be stored encrypted. */
export function mayHoldSecret(table: string, column: string): boolean {
  return categoriesOfColumn(table, column).some((c) => tierOf(c) === 'secret');
}

// The kinds of secret record and where each field lives. Each sealed field names its own data
// class: a social report's situation is `social-report`, the worker's evaluation is `opinions`.
// Identifiers here are constants; generic SQL is built from them, never from input.
import type { ItemCategory } from './data-classes.ts';

export interface SecretRecordKind {
  readonly table: string;
  readonly idColumn: string;
  /** The record's date column and its name in the API. */
  readonly dateColumn: string;
  readonly dateField: string;
  /** A calendar day (defaults to today in Brussels) or an instant (defaults to now). */
  readonly dateKind: 'day' | 'instant';
  /** Plain (unsealed) columns of the record besides its date, by API name. */
  readonly plainFields: Readonly<Record<string, string>>;
  /** Sealed fields, by API name: the column and the data class of its content. */
  readonly sealedFields: Readonly<Record<string, { column: string; category: ItemCategory; required: boolean }>>;
}

export const SECRET_RECORD_KINDS = {
  'social-report': {
    table: 'social_report',
    idColumn: 'report_id',
    dateColumn: 'written_on',
    dateField: 'writtenOn',
    dateKind: 'day',
    plainFields: { language: 'language' },
    sealedFields: {
      situation: { column: 'situation_enc', category: 'social-report', required: true },
      assessment: { column: 'assessment_enc', category: 'opinions', required: false },
    },
  },
  'case-note': {
    table: 'case_note',
    idColumn: 'note_id',
    dateColumn: 'written_at',
    dateField: 'writtenAt',
    dateKind: 'instant',
    plainFields: {},
    sealedFields: { body: { column: 'body_enc', category: 'social-notes', required: true } },
  },
  'medical-document': {
    table: 'medical_document',
    idColumn: 'document_id',
    dateColumn: 'issued_on',
    dateField: 'issuedOn',
    dateKind: 'day',
    plainFields: {},
    sealedFields: { description: { column: 'description_enc', category: 'medical-data', required: true } },
  },
  piis: {
    table: 'piis',
    idColumn: 'piis_id',
    dateColumn: 'signed_on',
    dateField: 'signedOn',
    dateKind: 'day',
    plainFields: {},
    sealedFields: {
      objectives: { column: 'objectives_enc', category: 'piis', required: true },
      evaluation: { column: 'evaluation_enc', category: 'piis', required: false },
    },
  },
} as const satisfies Record<string, SecretRecordKind>;

export type SecretRecordKindName = keyof typeof SECRET_RECORD_KINDS;
export const SECRET_RECORD_KIND_NAMES = Object.keys(SECRET_RECORD_KINDS) as SecretRecordKindName[];

export const categoriesOfKind = (kind: SecretRecordKindName): ItemCategory[] =>
  Object.values(SECRET_RECORD_KINDS[kind].sealedFields as SecretRecordKind['sealedFields']).map((f) => f.category);

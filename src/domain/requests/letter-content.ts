// What a letter of the CPAS to an authority says, as data: the answer (the disclosure), a refusal,
// or a return for completion. The content is frozen as canonical JSON text when it is prepared,
// and signing records its SHA-256: the signatory signs exactly these bytes, and the PDF is only a
// rendering of them. Pure: no database, no clock.
import { createHash } from 'node:crypto';
import { PROBLEMS, type Assessment, type AuthorRole, type Channel, type ItemAssessment, type ProblemCode } from './assess.ts';
import type { ItemCategory } from './items.ts';
import type { LetterLanguage } from './standard-reply.ts';

export const LETTER_KINDS = ['answer', 'refusal', 'return-for-completion'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export type FieldValue = string | number | boolean | null;
/** The rows of one category for one person, each a map from catalogue column to value. */
export type ProjectedRows = readonly Readonly<Record<string, FieldValue>>[];
/** Per table, the rows the projection read for one category. */
export type CategoryData = Readonly<Record<string, ProjectedRows>>;

export interface LetterCpas {
  readonly name: string;
  readonly street: string;
  readonly postalCode: string;
  readonly municipality: string;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface LetterRequest {
  readonly reference: string | null;
  readonly dated: string;
  readonly received: string;
  readonly channel: Channel;
  readonly author: { readonly role: AuthorRole; readonly name: string | null; readonly office: string | null };
}

export interface SubjectAsGiven {
  readonly name: string | null;
  readonly niss: string | null;
  readonly birthDate: string | null;
}

export interface SubjectDisclosure {
  readonly position: number;
  readonly asGiven: SubjectAsGiven;
  /** 'none': the CPAS confirmed it holds no file on this person; nothing else is said about them. */
  readonly file: 'found' | 'none';
  /** Only categories the assessment decided `disclose`, read by the disclosure role. */
  readonly data: Readonly<Partial<Record<ItemCategory, CategoryData>>>;
}

interface LetterBase {
  readonly v: 1;
  readonly language: LetterLanguage;
  readonly cpas: LetterCpas;
  readonly request: LetterRequest;
}

export interface AnswerContent extends LetterBase {
  readonly kind: 'answer';
  /** Every item requested, in the request's order, each with its decision, reason and source. */
  readonly items: readonly ItemAssessment[];
  readonly subjects: readonly SubjectDisclosure[];
  /** The configuration that decided, and the version of the CPAS settings it came from (0: defaults). */
  readonly configuration: Assessment['configuration'] & { readonly settingsVersion: number | null };
}

/** Why a request is refused or returned: the assessment's problem codes, or the legal service's decision. */
export type ClosingGround = ProblemCode | 'legal-service-decision';

export interface ClosingContent extends LetterBase {
  readonly kind: 'refusal' | 'return-for-completion';
  readonly grounds: readonly ClosingGround[];
}

export type LetterContent = AnswerContent | ClosingContent;

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The grounds of a closing letter: the problems that decide the outcome the letter closes with. */
export function closingGrounds(assessment: Assessment | null, kind: ClosingContent['kind'], byLegalService: boolean): ClosingGround[] {
  if (byLegalService || !assessment) return ['legal-service-decision'];
  const outcome = kind === 'refusal' ? 'refuse' : 'return-for-completion';
  return assessment.problems.map((p) => p.code).filter((code) => PROBLEMS[code].outcome === outcome);
}


// Reading urlencoded form bodies and turning schema failures into GOV.UK error messages. The
// domain's zod schemas do the validation (one definition for API and pages); this file only says,
// in the page's language, which field is at fault. Values are never echoed into messages.
import type { ZodError } from 'zod';
import type { DateParts, FieldError } from './components.ts';
import type { TextKey, Translator } from './i18n/index.ts';

export type FormBody = Readonly<Record<string, unknown>>;

export const asForm = (body: unknown): FormBody => (body && typeof body === 'object' ? (body as FormBody) : {});

/** One text value (the first if the field was repeated); '' when absent. */
export function formText(body: FormBody, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Every value of a repeated field (checkboxes). */
export function formList(body: FormBody, name: string): string[] {
  const value = body[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((v): v is string => typeof v === 'string');
}

/** Empty strings become undefined, so optional schema fields see "not given". */
export const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

export const dateParts = (body: FormBody, name: string): DateParts => ({
  day: formText(body, `${name}-day`).trim(),
  month: formText(body, `${name}-month`).trim(),
  year: formText(body, `${name}-year`).trim(),
});

/** 'YYYY-MM-DD' from the three boxes, undefined when all are empty; a wrong date fails the schema. */
export function isoFromParts(parts: DateParts): string | undefined {
  if (!parts.day && !parts.month && !parts.year) return undefined;
  if (![parts.day, parts.month, parts.year].every((p) => /^\d+$/.test(p)) || parts.year.length !== 4) return 'invalid';
  return `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
}

export const partsFromIso = (iso: string): DateParts => ({ year: iso.slice(0, 4), month: String(Number(iso.slice(5, 7))), day: String(Number(iso.slice(8, 10))) });

export interface FieldSpec {
  readonly id: string;
  readonly label: string;
  readonly kind?: 'text' | 'date' | 'choice';
  /** Field-specific messages, e.g. "Enter at least 2 characters of the name". */
  readonly messages?: Partial<Record<'required' | 'tooShort' | 'invalid', string>>;
}

/** The first issue of each field, as a message tied to the field's element id. */
export function fieldErrors(error: ZodError, fields: Readonly<Record<string, FieldSpec>>, t: Translator): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    const spec = fields[name];
    if (!spec || errors[name]) continue;
    const message = (key: TextKey) => t.t(key, { field: spec.label });
    let text: string;
    const emptyString = issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1;
    if (issue.code === 'invalid_type' || emptyString) {
      text = spec.messages?.required ?? (spec.kind === 'choice' ? message('error.choose') : message('error.required'));
    } else if (issue.code === 'too_big') {
      text = message('error.tooLong');
    } else if (issue.code === 'too_small') {
      text = spec.messages?.tooShort ?? message('error.invalid');
    } else if (spec.kind === 'date') {
      text = message('error.date');
    } else if (spec.kind === 'choice' || issue.code === 'invalid_value') {
      text = spec.messages?.required ?? message('error.choose');
    } else {
      text = spec.messages?.invalid ?? message('error.invalid');
    }
    errors[name] = { id: spec.id, message: text };
  }
  return errors;
}

/** A file sent with a multipart form; absent when the file input was left empty. */
export interface UploadedFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/** One scanned letter per request, as the API allows (10 MB). */
export const MULTIPART_LIMITS = { fileSize: 10 * 1024 * 1024, files: 1, fields: 100, parts: 101 } as const;

interface MultipartField {
  readonly type?: string;
  readonly value?: unknown;
  readonly filename?: string;
  readonly mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
}

/**
 * A multipart body as @fastify/multipart attaches it (one object per part) turned into what the
 * urlencoded parser gives: text values, repeated names as arrays, files as UploadedFile. An empty
 * file input (no file chosen) is dropped.
 */
export async function normaliseMultipart(body: unknown): Promise<FormBody> {
  const out: Record<string, unknown> = {};
  for (const [name, parts] of Object.entries(asForm(body))) {
    const values: unknown[] = [];
    for (const part of (Array.isArray(parts) ? parts : [parts]) as MultipartField[]) {
      if (part.type === 'file') {
        const content = await part.toBuffer!();
        if (part.filename && content.length > 0) values.push({ fileName: part.filename, mediaType: part.mimetype ?? 'application/octet-stream', content } satisfies UploadedFile);
      } else if (typeof part.value === 'string') {
        values.push(part.value);
      }
    }
    if (values.length > 0) out[name] = values.length === 1 ? values[0] : values;
  }
  return out;
}

export function formFile(body: FormBody, name: string): UploadedFile | null {
  const value = body[name];
  return value && typeof value === 'object' && Buffer.isBuffer((value as UploadedFile).content) ? (value as UploadedFile) : null;
}

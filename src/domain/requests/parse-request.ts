// Reads untrusted JSON into an assessment request (or an assessment configuration) exactly as the
// contract describes it, or throws an error whose one-line message names the field at fault.
// Nothing is assessed from a guess: unknown fields are rejected (a misspelt "reasoned" must not
// read as an unreasoned request, nor "item" as a request that names no data).
// Error messages end up in terminals and logs, so they show at most the offending value, cut
// short, and never the content of free text or of anything that identifies a person.
import { checkNiss } from '../niss.ts';
import {
  AUTHOR_ROLES,
  CHANNELS,
  type AssessmentInput,
  type AuthorRole,
  type Channel,
  type RequestSubject,
} from './assess.ts';
import { checkAssessmentConfig, type AssessmentConfig, type ItemOverride } from './assessment-config.ts';
import { calendarDateDefect } from '../calendar-date.ts';
import { ITEM_CATEGORIES, type ItemCategory } from './items.ts';
import {
  DEFAULT_OFFENCE_CATALOGUE_SETTINGS,
  formatOffenceReference,
  InvalidArticleError,
  normaliseArticle,
  OFFENCE_CODES,
  parseOffenceReference,
  type ConfirmedNewBookII,
  type OffenceCatalogueSettings,
  type OffenceCode,
  type OffenceReference,
} from './offences.ts';

export class RequestInputError extends Error {
  readonly code = 'invalid-input';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestInputError';
  }
}

/** Reads one JSON value found at `field` (a path such as "subjects[0].niss"). */
type Reader<T> = (value: unknown, field: string) => T;

const fail = (field: string, problem: string): never => {
  throw new RequestInputError(field, `${field}: ${problem}`);
};

/** What a value is, without its content. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/**
 * The offending value as a message may show it: by its kind only. A value typed into the wrong
 * field can be a national number or a name, and messages reach answers, screens and logs.
 */
const shown = (value: unknown): string => (typeof value === 'string' ? 'the text' : kindOf(value));

/** A key that does not look like a field name (it may be data) is not repeated: its object is named. */
function fieldPath(parent: string, key: string): string {
  if (!/^[A-Za-z_][\w-]{0,39}$/.test(key)) return parent === '' ? 'request' : parent;
  return parent === '' ? key : `${parent}.${key}`;
}

/** The fields of one JSON object whose keys were checked, each read and named by its path. */
interface Fields {
  required<T>(key: string, expected: string, read: Reader<T>): T;
  optional<T>(key: string, read: Reader<T>): T | undefined;
}

function readObject(value: unknown, field: string, keys: readonly string[], expected: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(field || 'request', `${kindOf(value)} is not an object (expected ${expected})`);
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(fieldPath(field, key), `unknown field (expected one of ${keys.join(', ')})`);
  }
  const object = value as Readonly<Record<string, unknown>>;
  return {
    required: (key, expected, read) =>
      object[key] === undefined ? fail(fieldPath(field, key), `missing (expected ${expected})`) : read(object[key], fieldPath(field, key)),
    optional: (key, read) => (object[key] === undefined ? undefined : read(object[key], fieldPath(field, key))),
  };
}

const listOf =
  <T>(expected: string, readElement: Reader<T>): Reader<T[]> =>
  (value, field) => {
    if (!Array.isArray(value)) return fail(field, `${shown(value)} is not a list (expected ${expected})`);
    return value.map((element, i) => readElement(element, `${field}[${i}]`));
  };

const choice =
  <T extends string>(choices: readonly T[], noun: string): Reader<T> =>
  (value, field) => {
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      fail(field, `${shown(value)} is not ${noun} (expected one of ${choices.join(', ')})`);
    }
    return value as T;
  };

const readBoolean: Reader<boolean> = (value, field) =>
  typeof value === 'boolean' ? value : fail(field, `${shown(value)} is not true or false`);

/** `personal`: the date identifies someone (a birth date), so the message does not show it. */
const dateReader =
  (personal: boolean): Reader<string> =>
  (value, field) => {
    const it = personal ? 'the value' : shown(value);
    if (typeof value !== 'string') return fail(field, `${personal ? kindOf(value) : it} is not a date (expected YYYY-MM-DD)`);
    const defect = calendarDateDefect(value);
    if (defect === 'format') fail(field, `${it} is not a date in the form YYYY-MM-DD`);
    if (defect === 'calendar') fail(field, `${it} is not a real calendar date (expected YYYY-MM-DD)`);
    return value;
  };
const readDate = dateReader(false);

/** Free text is never shown back: it may name people or quote the file. */
const readText: Reader<string> = (value, field) =>
  typeof value === 'string' && value.trim() !== ''
    ? value
    : fail(field, `expected non-empty text (leave the field out when unknown), got ${kindOf(value)}`);

/** Reads one article (a bare number) or one offence reference with its edition, by `read`. */
const articleReader =
  <T>(read: (text: string) => T): Reader<T> =>
  (value, field) => {
    if (typeof value === 'number') fail(field, 'is a number (write the article as text, such as "140")');
    if (typeof value !== 'string') return fail(field, `${shown(value)} is not an article number (expected text such as "140bis")`);
    try {
      return read(value);
    } catch (error) {
      if (error instanceof InvalidArticleError) fail(field, `${shown(value)} is ${error.message}`);
      throw error;
    }
  };
const readArticle: Reader<string> = articleReader(normaliseArticle);
const readReference: Reader<OffenceReference> = articleReader(parseOffenceReference);

/**
 * The offences in their canonical form ("140bis", "140 (1867)"): a reference that names no edition
 * takes the request's offenceCode. A reference naming the other edition contradicts the request:
 * which article the prosecutor means cannot be known, so it is rejected rather than guessed.
 */
function canonicalOffences(references: readonly OffenceReference[], offenceCode: OffenceCode | undefined): string[] {
  return references.map((reference, i) => {
    if (offenceCode && reference.code && reference.code !== offenceCode) {
      fail(`offences[${i}]`, `cites the Code pénal of ${reference.code} while offenceCode is ${offenceCode}`);
    }
    return formatOffenceReference({ article: reference.article, code: reference.code ?? offenceCode ?? null });
  });
}

// A mistyped national number would designate someone else: the check digits catch it before anyone searches.
const readNiss: Reader<string> = (value, field) => {
  const check = typeof value === 'string' ? checkNiss(value) : { ok: false as const, reason: `got ${kindOf(value)}` };
  return check.ok ? check.niss : fail(field, `not a valid national number (${check.reason}; expected 11 digits)`);
};

/** Builds an object without the optional fields that are absent, so the JSON shows no empty keys. */
function present<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

const readSubject: Reader<RequestSubject> = (value, field) => {
  const subject = readObject(value, field, ['niss', 'name', 'birthDate'], 'a person: { niss, name, birthDate }');
  const niss = subject.optional('niss', readNiss);
  const name = subject.optional('name', readText);
  const birthDate = subject.optional('birthDate', dateReader(true));
  if (niss === undefined && name === undefined) fail(field, 'names nobody (expected a niss or a name)');
  return present({ niss, name, birthDate });
};

const readAuthor: Reader<AssessmentInput['author']> = (value, field) => {
  const author = readObject(value, field, ['role', 'name', 'office'], '{ role, name, office }');
  return present({
    role: author.required('role', 'the role of the author', choice<AuthorRole>(AUTHOR_ROLES, 'an author role')),
    name: author.optional('name', readText),
    office: author.optional('office', readText),
  });
};

const REQUEST_FIELDS = ['dated', 'received', 'channel', 'author', 'reasoned', 'offenceCode', 'offences', 'subjects', 'items'] as const;

function offencesOf(request: Fields): Pick<AssessmentInput, 'offenceCode' | 'offences'> {
  const offenceCode = request.optional('offenceCode', choice<OffenceCode>(OFFENCE_CODES, 'an edition of the Code pénal'));
  const references = request.required(
    'offences',
    'the offences named, such as "140" or "art. 140 Sw. 1867"; [] when none',
    listOf('a list of article numbers', readReference),
  );
  return { offenceCode, offences: canonicalOffences(references, offenceCode) };
}

/** Reads a request as the contract's field table describes it. @throws RequestInputError */
export function parseAssessmentInput(json: unknown): AssessmentInput {
  const request = readObject(json, '', REQUEST_FIELDS, 'a request object');
  return present({
    dated: request.required('dated', 'the date of the request, YYYY-MM-DD', readDate),
    received: request.optional('received', readDate),
    channel: request.required('channel', 'how the request came', choice<Channel>(CHANNELS, 'a channel')),
    author: request.required('author', '{ role, name, office }', readAuthor),
    reasoned: request.required('reasoned', 'true or false: does the request say why it needs the data', readBoolean),
    ...offencesOf(request),
    subjects: request.optional('subjects', listOf('a list of persons', readSubject)),
    items: request.required(
      'items',
      'the categories of data requested, [] when none',
      listOf('a list of item categories', choice<ItemCategory>(ITEM_CATEGORIES, 'an item category')),
    ),
  });
}

const readOverride: Reader<ItemOverride> = (value, field) => {
  const override = readObject(value, field, ['decision', 'reason', 'ref'], '{ decision, reason, ref }');
  return {
    decision: override.required('decision', '"disclose" or "withhold"', choice(['disclose', 'withhold'] as const, 'a decision')),
    reason: override.required('reason', 'the reason, in French', readText),
    ref: override.required('ref', "the legal service's decision", readText),
  };
};

const readConfirmedNewBookII: Reader<ConfirmedNewBookII | null> = (value, field) => {
  if (value === null) return null;
  const confirmed = readObject(value, field, ['id', 'articles', 'source'], '{ id, articles, source } or null');
  return {
    id: confirmed.required('id', 'an identifier', readText),
    articles: confirmed.required('articles', 'the confirmed article numbers', listOf('a list of article numbers', readArticle)),
    source: confirmed.required('source', "the legal service's decision", readText),
  };
};

const readCatalogueSettings: Reader<OffenceCatalogueSettings> = (value, field) => {
  const settings = readObject(value, field, ['newBookIIFrom', 'newBookII'], '{ newBookIIFrom, newBookII }');
  return {
    newBookIIFrom: settings.required('newBookIIFrom', 'YYYY-MM-DD', readDate),
    newBookII: settings.optional('newBookII', readConfirmedNewBookII) ?? null,
  };
};

const readOverrides: Reader<AssessmentConfig['itemOverrides']> = (value, field) => {
  const overrides = readObject(value, field, ITEM_CATEGORIES, 'an object keyed by item category');
  return Object.fromEntries(ITEM_CATEGORIES.flatMap((item) => {
    const override = overrides.optional(item, readOverride);
    return override ? [[item, override]] : [];
  }));
};

/**
 * Reads a CPAS assessment configuration; absent parts keep the default.
 * @throws RequestInputError when the JSON does not have the configuration's shape.
 * @throws AssessmentConfigError when it would reopen professional secrecy.
 */
export function parseAssessmentConfig(json: unknown): AssessmentConfig {
  const config = readObject(json, '', ['id', 'itemOverrides', 'offenceCatalogue'], 'a configuration object');
  const parsed: AssessmentConfig = {
    id: config.required('id', 'the identifier of this configuration', readText),
    itemOverrides: config.optional('itemOverrides', readOverrides) ?? {},
    offenceCatalogue: config.optional('offenceCatalogue', readCatalogueSettings) ?? DEFAULT_OFFENCE_CATALOGUE_SETTINGS,
  };
  checkAssessmentConfig(parsed);
  return parsed;
}

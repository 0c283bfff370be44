// Picks a dictionary and formats dates, amounts and plurals with Intl for Belgian locales.
import { brusselsDateOf, withFrenchFirstOfMonth } from '../../domain/calendar-date.ts';
import { type CpasForm, cpasInSentence } from './cpas-name.ts';
import { de } from './de.ts';
import type { Dictionary, PluralKey, TextKey } from './dictionary.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

export const LANGS = ['fr', 'nl', 'de'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** Each language's own name, as a language switcher shows it. */
export const AUTONYMS: Record<Lang, string> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch' };

const DICTIONARIES: Record<Lang, Dictionary> = { fr, nl, de };
const LOCALES: Record<Lang, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' };

export type Params = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly lang: Lang;
  readonly locale: string;
  t(key: TextKey, params?: Params): string;
  /** Whether the dictionary has a text under this key (labels looked up from stored values). */
  has(key: string): boolean;
  plural(key: PluralKey, count: number, params?: Params): string;
  /** A calendar date ('YYYY-MM-DD' or a Date), e.g. "28 novembre 2026"; '' for null. */
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date): string;
  /** An amount in euro cents, e.g. "1 263,17 €". */
  money(cents: number): string;
  number(value: number): string;
  /** A CPAS's name in a sentence, with its article: "du CPAS de Namur", "van het OCMW Gent". */
  cpas(name: string, form: CpasForm): string;
  /** A country's name from its ISO 3166 code, e.g. "Belgique" for BE. */
  country(code: string | null | undefined): string;
}

/**
 * An inclusive role name stays on one line: « Assistant·e social·e » or „Sozialarbeiter/in“ would
 * otherwise break at a space, after the dot or the slash, and read as two words on two lines.
 */
export const keepTogether = (label: string): string =>
  /[·/]/.test(label) ? label.replace(/ /g, '\u00a0').replace(/([·/])/g, '\u2060$1\u2060') : label;

/**
 * Inclusive forms inside any other text stay whole too: no break at the dot of « Connecté·e », nor
 * between the two words of « assistant·e social·e », nor at the slash of „Mitarbeiter/in“.
 */
const glueInclusive = (text: string): string => text
  .replace(/(?<=\p{L})·(?=\p{L})/gu, '\u2060·\u2060')
  .replace(/(·\u2060\p{L}+) (?=\p{L}+\u2060·)/gu, '$1\u00a0')
  .replace(/(?<=\p{L})\/(?=(?:in|innen|r|n|e)(?!\p{L}))/gu, '\u2060/\u2060');

const fill = (template: string, params: Params | undefined) =>
  params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;

const cache = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  const cached = cache.get(lang);
  if (cached) return cached;
  const dictionary = DICTIONARIES[lang];
  const locale = LOCALES[lang];
  const plurals = new Intl.PluralRules(locale);
  // Dates without a time are formatted in UTC so that 2026-03-01 never becomes 28 February.
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const numberFormat = new Intl.NumberFormat(locale);
  const countries = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
  const made: Translator = {
    lang,
    locale,
    t: (key, params) => (key.startsWith('role.') ? keepTogether(dictionary[key]) : fill(glueInclusive(dictionary[key]), params)),
    has: (key) => Object.hasOwn(dictionary, key) && typeof (dictionary as Record<string, unknown>)[key] === 'string',
    plural: (key, count, params) => {
      const message = dictionary[key];
      const category = plurals.select(count);
      const form = category === 'one' ? message.one : category === 'many' ? (message.many ?? message.other) : message.other;
      return fill(glueInclusive(form), { count: numberFormat.format(count), ...params });
    },
    date: (value) => {
      if (value === null || value === undefined || value === '') return '';
      // An instant is shown on its Brussels day (its UTC date is yesterday's just after Brussels midnight).
      const instant = value instanceof Date ? value : value.length > 10 ? new Date(value) : null;
      if (instant && Number.isNaN(instant.getTime())) return '';
      const when = new Date(`${instant ? brusselsDateOf(instant) : value}T00:00:00Z`);
      return Number.isNaN(when.getTime()) ? '' : withFrenchFirstOfMonth(locale, dateFormat.format(when));
    },
    dateTime: (value) => withFrenchFirstOfMonth(locale, dateTimeFormat.format(value instanceof Date ? value : new Date(value))),
    money: (cents) => moneyFormat.format(cents / 100),
    number: (value) => numberFormat.format(value),
    cpas: (name, form) => cpasInSentence(lang, name, form),
    country: (code) => (code && /^[A-Z]{2}$/.test(code) ? (countries.of(code) ?? code) : (code ?? '')),
  };
  cache.set(lang, made);
  return made;
}

/** The first supported language of an Accept-Language header, if any. */
export function langFromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { lang: tag!.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLang) ?? null;
}

export type { Dictionary, PluralKey, TextKey } from './dictionary.ts';

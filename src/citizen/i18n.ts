// The citizen portal's languages: French, Dutch, German and English (the staff pages have no
// English; a person who reads none of the national languages still has a right to understand
// what the CPAS holds). Texts come from the typed *-citizen dictionaries; the labels of domain
// values (roles, purposes, application kinds, ...) from the staff dictionaries, or in English
// from en-citizen.ts.
import { brusselsDateOf, withFrenchFirstOfMonth } from '../domain/calendar-date.ts';
import { deCitizen } from '../ui/i18n/de-citizen.ts';
import type { DictionaryPart } from '../ui/i18n/dictionary.ts';
import { enCitizen, enCitizenDomain } from '../ui/i18n/en-citizen.ts';
import { frCitizen } from '../ui/i18n/fr-citizen.ts';
import { translator as staffTranslator, type TextKey } from '../ui/i18n/index.ts';
import { nlCitizen } from '../ui/i18n/nl-citizen.ts';
import type { Plural } from '../ui/i18n/types.ts';

export const CITIZEN_LANGS = ['fr', 'nl', 'de', 'en'] as const;
export type CitizenLang = (typeof CITIZEN_LANGS)[number];
export const isCitizenLang = (value: unknown): value is CitizenLang => typeof value === 'string' && (CITIZEN_LANGS as readonly string[]).includes(value);
export const CITIZEN_AUTONYMS: Record<CitizenLang, string> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' };

type Dict = DictionaryPart<typeof frCitizen>;
export type CitizenTextKey = { [K in keyof Dict]: Dict[K] extends string ? K : never }[keyof Dict];
export type CitizenPluralKey = Exclude<keyof Dict, CitizenTextKey>;
export type CitizenDomainKey = keyof typeof enCitizenDomain & TextKey;

const DICTIONARIES: Record<CitizenLang, Dict> = { fr: frCitizen, nl: nlCitizen, de: deCitizen, en: enCitizen };
const LOCALES: Record<CitizenLang, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-BE' };

export interface CitizenTranslator {
  readonly lang: CitizenLang;
  t(key: CitizenTextKey, params?: Readonly<Record<string, string | number>>): string;
  plural(key: CitizenPluralKey, count: number): string;
  /** The label of a domain value, e.g. 'role.social-worker'. */
  d(key: CitizenDomainKey): string;
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date): string;
  money(cents: number): string;
  country(code: string | null | undefined): string;
}

const fill = (template: string, params?: Readonly<Record<string, string | number>>) =>
  params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;

const cache = new Map<CitizenLang, CitizenTranslator>();

export function citizenTranslator(lang: CitizenLang): CitizenTranslator {
  const cached = cache.get(lang);
  if (cached) return cached;
  const dict = DICTIONARIES[lang];
  const locale = LOCALES[lang];
  const plurals = new Intl.PluralRules(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const countries = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
  const made: CitizenTranslator = {
    lang,
    t: (key, params) => fill(dict[key], params),
    plural: (key, count) => {
      const message: Plural = dict[key];
      return fill(plurals.select(count) === 'one' ? message.one : message.other, { count });
    },
    d: (key) => (lang === 'en' ? enCitizenDomain[key] : staffTranslator(lang).t(key)),
    date: (value) => {
      if (value === null || value === undefined || value === '') return '';
      // An instant is shown on its Brussels day, as on the staff pages.
      if (value instanceof Date && Number.isNaN(value.getTime())) return '';
      const day = value instanceof Date ? brusselsDateOf(value) : String(value).slice(0, 10);
      const when = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(when.getTime()) ? '' : withFrenchFirstOfMonth(locale, dateFormat.format(when));
    },
    dateTime: (value) => withFrenchFirstOfMonth(locale, dateTimeFormat.format(value instanceof Date ? value : new Date(value))),
    money: (cents) => moneyFormat.format(cents / 100),
    country: (code) => (code && /^[A-Z]{2}$/.test(code) ? (countries.of(code) ?? code) : (code ?? '')),
  };
  cache.set(lang, made);
  return made;
}

/** The first portal language of an Accept-Language header, French otherwise. */
export function citizenLangFromHeader(header: string | undefined): CitizenLang {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isCitizenLang(tag)) return tag;
  }
  return 'fr';
}

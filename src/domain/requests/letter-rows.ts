// How one row of disclosed data reads in a letter to a prosecutor: an address as a Belgian postal
// address, a person in natural order ("Marie DUPONT") with sex and nationality in words, the
// national number as the Register prints it (85.07.30-033.28), a decision as a sentence. The
// signed content keeps the raw row (canonical JSON); this is only how the paper shows it, so the
// order and words here can change without touching what was signed.
import { withFrenchFirstOfMonth } from '../calendar-date.ts';
import type { FieldValue } from './letter-content.ts';
import type { LetterTexts } from './letter-texts.ts';

type Row = Readonly<Record<string, FieldValue>>;

const present = (value: FieldValue | undefined): value is string | number | boolean => value !== null && value !== undefined && value !== '';
const text = (row: Row, column: string): string | null => (present(row[column]) ? String(row[column]) : null);

export function formatLetterDate(texts: LetterTexts, date: string | Date): string {
  const d = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date;
  const formatted = new Intl.DateTimeFormat(texts.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(d);
  return withFrenchFirstOfMonth(texts.locale, formatted);
}

/** 85073003328 -> 85.07.30-033.28, as the National Register and the eID print it. */
export function formatNiss(niss: string): string {
  const digits = niss.replace(/\D/g, '');
  if (digits.length !== 11) return niss;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

const countryName = (texts: LetterTexts, code: string): string => {
  try {
    return new Intl.DisplayNames([texts.locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
};

const coded = (texts: LetterTexts, value: string | null): string | null => (value === null ? null : (texts.values[value] ?? value));

function formatPerson(texts: LetterTexts, row: Row): string {
  const family = text(row, 'family_name');
  const name = [text(row, 'given_names'), family?.toLocaleUpperCase(texts.locale)].filter(Boolean).join(' ');
  const sex = text(row, 'sex');
  const born = text(row, 'birth_date');
  const place = text(row, 'birth_place');
  const nationality = text(row, 'nationality');
  const niss = text(row, 'niss');
  const parts = [
    name || null,
    sex ? (texts.sexes[sex] ?? sex) : null,
    born ? `${texts.bornOn[sex ?? 'X'] ?? texts.bornOn.X} ${formatLetterDate(texts, born)}${place ? ` ${texts.bornAt} ${place}` : ''}` : place ? `${texts.bornAt} ${place}` : null,
    nationality ? `${texts.columns.nationality}${texts.colon} ${countryName(texts, nationality)}` : null,
    niss ? `${texts.columns.niss}${texts.colon} ${formatNiss(niss)}` : null,
  ];
  const contact = [text(row, 'phone'), text(row, 'email'), text(row, 'iban')].filter(Boolean);
  return [...parts, ...contact].filter(Boolean).join(', ');
}

/** A Belgian postal address: « Rue de Fer 51B bte 5, 5000 Namur », the country only when it is not Belgium. */
function formatAddress(texts: LetterTexts, row: Row): string {
  const box = text(row, 'box');
  const streetLine = [text(row, 'street'), text(row, 'house_number'), box ? `${texts.box} ${box}` : null].filter(Boolean).join(' ');
  const town = [text(row, 'postal_code'), text(row, 'municipality')].filter(Boolean).join(' ');
  const country = text(row, 'country');
  const address = [streetLine, town, country && country.toUpperCase() !== 'BE' ? countryName(texts, country) : null].filter(Boolean).join(', ');
  const kind = coded(texts, text(row, 'kind'));
  return `${kind ? `${capitalise(kind)}${texts.colon} ` : ''}${address}${period(texts, row, 'valid_from', 'valid_to')}`;
}

function formatHouseholdMember(texts: LetterTexts, row: Row): string {
  const person = formatPerson(texts, row);
  const relationship = coded(texts, text(row, 'relationship'));
  return `${relationship ? `${capitalise(relationship)}${texts.colon} ` : ''}${person}${period(texts, row, 'valid_from', 'valid_to')}`;
}

function period(texts: LetterTexts, row: Row, fromColumn: string, toColumn: string): string {
  const from = text(row, fromColumn);
  const to = text(row, toColumn);
  if (!from && !to) return '';
  const parts = [from ? `${texts.since} ${formatLetterDate(texts, from)}` : null, to ? `${texts.until} ${formatLetterDate(texts, to)}` : null];
  return ` (${parts.filter(Boolean).join(' ')})`;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The other tables: each field with its label, in the order a reader expects (the texts' column order). */
function formatFields(texts: LetterTexts, table: string, row: Row): string {
  const order = Object.keys(texts.columns);
  const rank = (column: string) => {
    const i = order.findIndex((key) => key === `${table}.${column}` || key === column);
    return i < 0 ? order.length : i;
  };
  return Object.entries(row)
    .filter(([, value]) => present(value))
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([column, value]) => `${texts.columns[`${table}.${column}`] ?? texts.columns[column] ?? column}${texts.colon} ${fieldValue(texts, column, value)}`)
    .join(' · ');
}

function fieldValue(texts: LetterTexts, column: string, value: FieldValue): string {
  if (column === 'amount_cents' && typeof value === 'number') {
    return new Intl.NumberFormat(texts.locale, { style: 'currency', currency: 'EUR' }).format(value / 100);
  }
  if (typeof value === 'boolean') return value ? texts.yes : texts.no;
  const raw = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return formatLetterDate(texts, raw);
  if (column === 'communicated') return communicatedText(texts, raw);
  return texts.values[raw] ?? raw;
}

/** What the person declared in an application, stored as JSON, each field with its label. */
function communicatedText(texts: LetterTexts, json: string): string {
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const line = Object.entries(parsed)
      .map(([key, v]) => `${texts.declarations[key] ?? key}${texts.colon} ${v === null ? '—' : typeof v === 'boolean' ? (v ? texts.yes : texts.no) : String(v)}`)
      .join('; ');
    return line || '—';
  } catch {
    return json;
  }
}

/** One row of disclosed data as a line of the letter. */
export function formatLetterRow(texts: LetterTexts, table: string, row: Row): string {
  switch (table) {
    case 'person':
      return formatPerson(texts, row);
    case 'person_address':
      return formatAddress(texts, row);
    case 'household_member':
      return formatHouseholdMember(texts, row);
    default:
      return formatFields(texts, table, row);
  }
}

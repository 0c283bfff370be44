// Calendar dates: YYYY-MM-DD, no time, no zone, on the calendar of the CPAS, which is Belgian
// (Europe/Brussels). "Today" is always the Brussels day of an instant given by the caller's
// clock, never the UTC date: between midnight and 01:00 (02:00 in summer) Brussels time the UTC
// date is still yesterday's, and an assignment that ended yesterday would still open the file.
// Dates in this form compare correctly as strings; that only holds for dates checked here.
import { Temporal } from 'temporal-polyfill';

export const CPAS_TIME_ZONE = 'Europe/Brussels';

declare const checked: unique symbol;
/** A valid YYYY-MM-DD date on the Brussels calendar. Made only by the functions of this module. */
export type CalendarDate = string & { readonly [checked]: true };

/** The application clock: use cases get "now" from their context, never from `new Date()`. */
export type Clock = () => Date;

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a text is not a calendar date, or null when it is one. */
export function calendarDateDefect(text: string): 'format' | 'calendar' | null {
  const match = FORMAT.exec(text);
  if (!match) return 'format';
  try {
    Temporal.PlainDate.from({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { overflow: 'reject' });
    return null;
  } catch {
    return 'calendar';
  }
}

export const isCalendarDate = (text: string): text is CalendarDate => calendarDateDefect(text) === null;

/** The checked date, or an error naming no value (callers validate input first; this guards the rest). */
export function calendarDate(text: string): CalendarDate {
  if (!isCalendarDate(text)) throw new RangeError('not a calendar date (YYYY-MM-DD)');
  return text;
}

const of = (date: Temporal.PlainDate) => date.toString() as CalendarDate;

/** The Brussels calendar day at an instant. */
export function brusselsDateOf(instant: Date): CalendarDate {
  return of(Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(CPAS_TIME_ZONE).toPlainDate());
}

/** Today in Brussels, by the given clock. */
export const todayIn = (clock: Clock): CalendarDate => brusselsDateOf(clock());

export function addDays(date: string, days: number): CalendarDate {
  return of(Temporal.PlainDate.from(calendarDate(date)).add({ days }));
}

/** The instant a Brussels day starts (23:00 or 22:00 UTC the day before, by the season). */
export function startOfBrusselsDay(date: string): Date {
  return new Date(Temporal.PlainDate.from(calendarDate(date)).toZonedDateTime({ timeZone: CPAS_TIME_ZONE }).epochMilliseconds);
}

/**
 * French writes the first day of a month as an ordinal (« 1er janvier 2026 », « le 1er mars à
 * 10:00 »); Intl prints « 1 janvier ». Applied to a date Intl formatted in the given locale.
 */
export const withFrenchFirstOfMonth = (locale: string, formatted: string): string =>
  locale.startsWith('fr') ? formatted.replace(/^1(?= [a-zéû])/, '1er') : formatted;

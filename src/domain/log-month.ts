// The months of the access log: the unit of its partitions, archives and retention. A month is a
// Brussels calendar month ("2026-10" runs from 1 October 00:00 to 1 November 00:00 in
// Europe/Brussels), the same months as the partitions' bounds (migration 019), so that an archive
// of "2026-10" and the partition dropped after it hold the same entries.
import { Temporal } from 'temporal-polyfill';
import { CPAS_TIME_ZONE } from './calendar-date.ts';
import { invalidInput } from './errors.ts';

declare const checked: unique symbol;
/** 'YYYY-MM', checked. */
export type LogMonth = string & { readonly [checked]: true };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month named by an option (e.g. --month); the error names the field, never the value. */
export function logMonth(text: string, field = '--month'): LogMonth {
  if (!MONTH.test(text)) throw invalidInput(field, 'expected a month as YYYY-MM');
  return text as LogMonth;
}

const plain = (month: LogMonth) => Temporal.PlainYearMonth.from(month);
const of = (m: Temporal.PlainYearMonth) => m.toString() as LogMonth;

/** The first day of the month, 'YYYY-MM-01' (how the database stores it). */
export const firstDayOf = (month: LogMonth): string => `${month}-01`;

/** The month of a stored first day ('YYYY-MM-DD'). */
export const monthOfDay = (day: string): LogMonth => logMonth(day.slice(0, 7));

export const addMonths = (month: LogMonth, n: number): LogMonth => of(plain(month).add({ months: n }));

/** The instants the month starts and ends (exclusive), in Brussels. */
export function monthBounds(month: LogMonth): { start: Date; end: Date } {
  const start = plain(month).toPlainDate({ day: 1 });
  const at = (d: Temporal.PlainDate) => new Date(d.toZonedDateTime({ timeZone: CPAS_TIME_ZONE }).epochMilliseconds);
  return { start: at(start), end: at(start.add({ months: 1 })) };
}

/** The Brussels month of an instant. */
export const monthOf = (instant: Date): LogMonth =>
  of(Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(CPAS_TIME_ZONE).toPlainDate().toPlainYearMonth());

/**
 * How long a month stays "open" after its end: an entry is stamped when its use case starts and
 * appended when its transaction reaches the log, so a read started at 23:59:59 on the last day
 * can be appended a moment after midnight. An hour is far beyond any transaction's life.
 */
export const MONTH_CLOSE_MARGIN_MS = 60 * 60 * 1000;

/** A month can be archived once it ended, plus the margin. */
export const isClosed = (month: LogMonth, now: Date): boolean => monthBounds(month).end.getTime() + MONTH_CLOSE_MARGIN_MS <= now.getTime();

/**
 * Retention: with N months, the month in progress and the N full months before it are kept; an
 * older month may be dropped (once archived). Null (no retention configured): nothing is dropped.
 */
export const isPastRetention = (month: LogMonth, now: Date, retentionMonths: number | null): boolean =>
  retentionMonths !== null && month <= addMonths(monthOf(now), -(retentionMonths + 1));

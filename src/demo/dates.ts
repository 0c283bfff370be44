// Calendar arithmetic on day numbers (days since 1970-01-01, UTC). The generator adds and
// compares many dates per person; integers are cheap and have no time-zone surprises.

/** Day number of a (proleptic Gregorian) date; Howard Hinnant's days_from_civil. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of an ISO date; throws on anything that is not a real calendar date. */
export function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const day = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  if (isoDate(day) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return day;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// isoDate runs dozens of times per generated person; days from 1850 to 2100 are memoised.
const CACHE_FROM = daysFromCivil(1850, 1, 1);
const CACHE_TO = daysFromCivil(2100, 12, 31);
const cache: (string | undefined)[] = new Array(CACHE_TO - CACHE_FROM + 1);

/** ISO date of a day number. */
export function isoDate(day: number): string {
  if (day < CACHE_FROM || day > CACHE_TO) return civilFromDays(day);
  return (cache[day - CACHE_FROM] ??= civilFromDays(day));
}

/** Howard Hinnant's civil_from_days: no Date object, no time zone. */
function civilFromDays(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Whole years as days: close enough for ranges of plausible dates, and cheap. */
export const yearsInDays = (years: number): number => Math.round(years * 365.2425);

/** Completed years between two ISO dates. */
export function ageOn(birthIso: string, onIso: string): number {
  const years = Number(onIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return onIso.slice(5) < birthIso.slice(5) ? years - 1 : years;
}


/** A UTC timestamp on a day at office hours given in minutes after midnight. */
export const timestamp = (day: number, minutes: number): string =>
  `${isoDate(day)}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00.000Z`;

/** Day number `years` calendar years later (or earlier); 29 February becomes the 28th. */
export function addYears(day: number, years: number): number {
  const iso = isoDate(day);
  const month = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return daysFromCivil(Number(iso.slice(0, 4)) + years, month, month === 2 && d === 29 ? 28 : d);
}

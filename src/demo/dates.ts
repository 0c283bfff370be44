// Calendar arithmetic on day numbers (days since 1970-01-01, UTC). The generator adds and
// compares many dates per person; integers are cheap and have no time-zone surprises.

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date; throws on anything that is not a real calendar date. */
export function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
  if (isoDate(day) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return day;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO date of a day number (Howard Hinnant's civil_from_days; no Date object in the hot loop). */
export function isoDate(day: number): string {
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

/** Completed years between two ISO dates. */
export function ageOn(birthIso: string, onIso: string): number {
  const years = Number(onIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return onIso.slice(5) < birthIso.slice(5) ? years - 1 : years;
}


/** A UTC timestamp on a day at office hours given in minutes after midnight. */
export const timestamp = (day: number, minutes: number): string =>
  `${isoDate(day)}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00.000Z`;

/** Day number `years` calendar years later (or earlier), clamped to the 28th for 29 February. */
export function addYears(day: number, years: number): number {
  const iso = isoDate(day);
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return dayNumber(`${y}-${md}`);
}

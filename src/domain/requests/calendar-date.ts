// Calendar dates as the assessment contract writes them: YYYY-MM-DD, no time, no zone.
// Dates in this form compare correctly as strings, which is how the assessment compares them;
// that only holds if every date was checked here first.

/** Why a text is not a calendar date, or null when it is one. */
export function calendarDateDefect(text: string): 'format' | 'calendar' | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return 'format';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'calendar';
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// The Brussels calendar around midnight and both daylight-saving switches, written from the
// legal clock times (CET = UTC+1 in winter, CEST = UTC+2 from the last Sunday of March at 01:00
// UTC to the last Sunday of October at 01:00 UTC), not from the implementation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, brusselsDateOf, calendarDateDefect, startOfBrusselsDay, todayIn } from './calendar-date.ts';

test('the Brussels day of an instant, across midnight and the DST switches', () => {
  const cases: [string, string][] = [
    ['2026-03-28T22:59:59Z', '2026-03-28'], // 23:59:59 CET
    ['2026-03-28T23:00:00Z', '2026-03-29'], // 00:00 CET, the night summer time starts
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-03-29T00:59:59Z', '2026-03-29'], // 01:59:59 CET, then clocks jump to 03:00 CEST
    ['2026-03-29T21:59:59Z', '2026-03-29'], // 23:59:59 CEST
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    ['2026-10-24T21:59:59Z', '2026-10-24'], // 23:59:59 CEST
    ['2026-10-24T22:00:00Z', '2026-10-25'], // 00:00 CEST, the night winter time starts
    ['2026-10-24T22:30:00Z', '2026-10-25'],
    ['2026-10-25T00:30:00Z', '2026-10-25'], // 02:30 CEST, the first time
    ['2026-10-25T01:30:00Z', '2026-10-25'], // 02:30 CET, the second time
    ['2026-10-25T22:59:59Z', '2026-10-25'], // 23:59:59 CET
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    ['2026-12-31T23:00:00Z', '2027-01-01'], // a new year starts in Brussels first
  ];
  for (const [instant, day] of cases) {
    assert.equal(brusselsDateOf(new Date(instant)), day, instant);
    assert.equal(todayIn(() => new Date(instant)), day, `clock at ${instant}`);
  }
});

test('a Brussels day starts at 23:00 UTC in winter and 22:00 UTC in summer', () => {
  assert.equal(startOfBrusselsDay('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal(startOfBrusselsDay('2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z');
  assert.equal(startOfBrusselsDay('2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z');
  assert.equal(startOfBrusselsDay('2026-10-26').toISOString(), '2026-10-25T23:00:00.000Z');
});

test('every instant falls on the Brussels day whose start precedes it by less than 25 hours', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
      const instant = new Date(ms);
      const day = brusselsDateOf(instant);
      const start = startOfBrusselsDay(day).getTime();
      return start <= ms && ms < startOfBrusselsDay(addDays(day, 1)).getTime() && ms - start < 25 * 3_600_000;
    }),
    { numRuns: 2000 },
  );
});

test('calendar dates: format and calendar defects, and day arithmetic', () => {
  assert.equal(calendarDateDefect('2028-02-29'), null);
  assert.equal(calendarDateDefect('2026-02-29'), 'calendar');
  assert.equal(calendarDateDefect('2026-13-01'), 'calendar');
  assert.equal(calendarDateDefect('2026-04-31'), 'calendar');
  assert.equal(calendarDateDefect('2026-4-1'), 'format');
  assert.equal(calendarDateDefect('2026-04-01T00:00'), 'format');
  assert.equal(addDays('2026-12-25', 10), '2027-01-04');
  assert.equal(addDays('2028-02-20', 10), '2028-03-01');
  assert.equal(addDays('2026-03-28', 1), '2026-03-29');
});

// The months of the access log: Brussels months (bounds at local midnight, summer and winter
// time), the hour's margin before a month counts as closed, and the retention's cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DomainError } from './errors.ts';
import { addMonths, isClosed, isPastRetention, logMonth, monthBounds, monthOf } from './log-month.ts';

test('a month runs from Brussels midnight to Brussels midnight, in winter and summer time', () => {
  assert.deepEqual(monthBounds(logMonth('2026-10')), { start: new Date('2026-09-30T22:00:00Z'), end: new Date('2026-10-31T23:00:00Z') });
  assert.deepEqual(monthBounds(logMonth('2026-12')), { start: new Date('2026-11-30T23:00:00Z'), end: new Date('2026-12-31T23:00:00Z') });
  assert.equal(monthOf(new Date('2026-10-31T22:59:59.999Z')), '2026-10');
  assert.equal(monthOf(new Date('2026-10-31T23:00:00Z')), '2026-11');
});

test('every instant lies inside the bounds of its own month', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (at) => {
      const { start, end } = monthBounds(monthOf(at));
      return start <= at && at < end && monthOf(new Date(end.getTime() - 1)) === monthOf(at) && monthOf(end) === addMonths(monthOf(at), 1);
    }),
  );
});

test('a month is closed an hour after its end', () => {
  const { end } = monthBounds(logMonth('2026-10'));
  assert.equal(isClosed(logMonth('2026-10'), new Date(end.getTime() + 59 * 60_000)), false);
  assert.equal(isClosed(logMonth('2026-10'), new Date(end.getTime() + 60 * 60_000)), true);
});

test('retention keeps the month in progress and N full months; none configured keeps everything', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  assert.equal(isPastRetention(logMonth('2025-11'), now, 12), false);
  assert.equal(isPastRetention(logMonth('2025-10'), now, 12), true);
  assert.equal(isPastRetention(logMonth('2000-01'), now, null), false);
});

test('a month option must be YYYY-MM; the error names the field, not the value', () => {
  for (const bad of ['2026-13', '2026-1', '26-10', '2026-10-01', '']) {
    assert.throws(() => logMonth(bad), (e: unknown) => e instanceof DomainError && e.field === '--month' && !e.message.includes(bad || '\u0000'));
  }
});

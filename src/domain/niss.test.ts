import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { birthDateFromNiss, checkNiss, makeNiss } from './niss.ts';

test('accepts the contract example and separators', () => {
  assert.deepEqual(checkNiss('85073003328'), { ok: true, niss: '85073003328' });
  assert.deepEqual(checkNiss('85.07.30-033.28'), { ok: true, niss: '85073003328' });
});

test('rejects a wrong check digit and says why', () => {
  assert.deepEqual(checkNiss('85073003329'), { ok: false, reason: 'check digits do not match' });
  assert.deepEqual(checkNiss('8507300332'), { ok: false, reason: 'must have 11 digits' });
});

test('births from 2000 use the prefixed modulo', () => {
  const niss = makeNiss('2003-05-17', 123);
  assert.equal(checkNiss(niss).ok, true);
  assert.equal(birthDateFromNiss(niss), '2003-05-17');
  // The same digits with the pre-2000 check would be a different check value.
  const nine = niss.slice(0, 9);
  const old = String(97 - Number(BigInt(nine) % 97n)).padStart(2, '0');
  assert.notEqual(old, niss.slice(9));
});

// A one-digit change can never pass the check of the same century (97 divides no d x 10^k); by a
// 1-in-97 coincidence it may pass the other century's check, which the scheme cannot prevent.
test('any made NISS checks, and any single-digit change breaks it for its century', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
      fc.integer({ min: 1, max: 998 }),
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 1, max: 9 }),
      (date, serial, position, delta) => {
        const birth = date.toISOString().slice(0, 10);
        const niss = makeNiss(birth, serial);
        assert.equal(checkNiss(niss).ok, true);
        assert.equal(birthDateFromNiss(niss), birth);
        const digit = (Number(niss[position]) + delta) % 10;
        const broken = niss.slice(0, position) + digit + niss.slice(position + 1);
        const stillValid = checkNiss(broken).ok;
        assert.ok(!stillValid || birthDateFromNiss(broken)?.slice(0, 2) !== birth.slice(0, 2));
      },
    ),
  );
});

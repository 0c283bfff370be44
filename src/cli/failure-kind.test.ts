// The background jobs' failure lines: the kind and its code, never the message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureKind, isLockNotGranted } from './failure-kind.ts';

test('a failure is named by its kind and code, never by its message', () => {
  const database = Object.assign(new Error('duplicate key value (niss)=(85073003328)'), { name: 'error', code: '23505' });
  assert.equal(failureKind(database), 'error (code 23505)');
  assert.equal(failureKind(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })), 'Error (code ECONNREFUSED)');
  assert.equal(failureKind(new TypeError('Dupont Marie')), 'TypeError');
  // A code that is not a constant (free text) is left out like the message.
  assert.equal(failureKind(Object.assign(new Error('x'), { code: 'for Dupont Marie' })), 'Error');
  assert.equal(failureKind('Dupont Marie'), 'string');
});

test('only a lock not granted in time (55P03) is a retry; other failures, and no code, are not', () => {
  const timeout = Object.assign(new Error('canceling statement due to lock timeout'), { name: 'error', code: '55P03' });
  assert.equal(isLockNotGranted(timeout), true);
  assert.equal(isLockNotGranted(Object.assign(new Error('deadlock detected'), { code: '40P01' })), false);
  assert.equal(isLockNotGranted(new Error('55P03')), false);
  assert.equal(isLockNotGranted(null), false);
});

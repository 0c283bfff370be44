import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, dueOnOf, extendedDueOnOf, mayRecordDeskRequest, mayTakeStep } from './rights-requests.ts';
import { ROLES } from './roles.ts';

test('one month from receipt, ending on the last day of a shorter month', () => {
  assert.equal(dueOnOf('2026-01-15'), '2026-02-15');
  assert.equal(dueOnOf('2026-01-31'), '2026-02-28');
  assert.equal(dueOnOf('2028-01-31'), '2028-02-29');
  assert.equal(dueOnOf('2026-12-20'), '2027-01-20');
  assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
});

test('an extension adds two months to the first due date', () => {
  assert.equal(extendedDueOnOf(dueOnOf('2026-01-31')), '2026-04-28');
  assert.equal(extendedDueOnOf('2026-11-30'), '2027-01-30');
});

test('a copy is redacted, approved, then released; a correction or objection is answered', () => {
  assert.ok(mayTakeStep('redact', 'copy', 'received'));
  assert.ok(!mayTakeStep('approve', 'copy', 'received'), 'nothing to approve before a redaction');
  assert.ok(!mayTakeStep('release', 'copy', 'redacted'), 'no release before approval');
  assert.ok(mayTakeStep('release', 'copy', 'approved'));
  assert.ok(!mayTakeStep('redact', 'copy', 'approved'), 'what was approved is what leaves');
  assert.ok(!mayTakeStep('redact', 'correction', 'received'));
  assert.ok(mayTakeStep('answer', 'objection', 'received'));
  assert.ok(!mayTakeStep('answer', 'copy', 'received'));
});

test('the desk form is offered to the desk and the social service only, whatever other role is held beside', () => {
  const offered = ROLES.filter((role) => mayRecordDeskRequest([role]));
  assert.deepEqual(offered.sort(), ['administrative-agent', 'head-of-social-service', 'social-worker']);
  for (const role of ROLES) {
    assert.equal(mayRecordDeskRequest(['dpo', role]), mayRecordDeskRequest([role]), `the DPO role adds nothing to ${role}`);
  }
});

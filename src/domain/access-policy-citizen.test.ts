// The citizen rule of the access policy, over every data class: the person reads the
// administrative classes listed, never a secret class, and nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CITIZEN_CATEGORIES, decideCitizenAccess } from './access-policy.ts';
import { ITEM_CATEGORIES, tierOf } from './data-classes.ts';

test('no secret class, ever, whatever the class', () => {
  for (const category of ITEM_CATEGORIES) {
    const decision = decideCitizenAccess(category);
    if (tierOf(category) === 'secret') assert.deepEqual(decision, { allowed: false, rule: 'default-deny' }, category);
  }
});

test('exactly the listed administrative classes, under the rule own-file', () => {
  const allowed = ITEM_CATEGORIES.filter((c) => decideCitizenAccess(c).allowed);
  assert.deepEqual([...allowed].sort(), [...CITIZEN_CATEGORIES].sort());
  assert.ok(allowed.every((c) => tierOf(c) === 'administrative' && decideCitizenAccess(c).rule === 'own-file'));
  for (const left of ['decision-motivation', 'bcss-data'] as const) assert.equal(decideCitizenAccess(left).allowed, false, left);
});

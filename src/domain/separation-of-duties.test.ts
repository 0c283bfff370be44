import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideAccess } from './access-policy.ts';
import { ITEM_CATEGORIES, tierOf } from './data-classes.ts';
import { ROLES } from './roles.ts';
import { SECRET_OPENING_ROLES } from './separation-of-duties.ts';

test('the secret-opening roles are exactly those the policy lets read or write a secret class in some relation', () => {
  const everything = { sameCpas: true, assigned: true, supervised: true, onAgenda: true, breakGlass: true };
  const opening = ROLES.filter((r) => ITEM_CATEGORIES.some((c) => tierOf(c) === 'secret' && (['read', 'write'] as const).some((a) => decideAccess([r], a, c, everything).allowed)));
  assert.deepEqual([...opening].sort(), [...SECRET_OPENING_ROLES].sort());
});

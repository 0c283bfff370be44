// Exhaustive test of the access policy over roles x data classes x relations x actions.
// The expected answer is written a second time below, as the rules read in the issue and in
// docs/legal-model.md, independently of the implementation's structure. Any widened rule
// (one more role, one more class, one relation ignored) makes some combination disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type AccessAction, type CaseRelation, decideAccess } from './access-policy.ts';
import { ITEM_CATEGORIES, type ItemCategory } from './data-classes.ts';
import { ROLES, type Role } from './roles.ts';

const SECRET = ['social-report', 'social-notes', 'medical-data', 'piis', 'opinions'];
const COUNCIL_SEES = ['identity', 'domicile-address', 'household-composition', 'application-data', 'aid-decisions', 'decision-motivation'];

function expected(role: Role, action: AccessAction, category: ItemCategory, r: CaseRelation): boolean {
  if (!r.sameCpas) return false;
  const secret = SECRET.includes(category);
  switch (role) {
    case 'dpo':
    case 'it-admin':
      return false;
    case 'social-worker':
      return secret ? r.assigned || (action === 'read' && r.breakGlass) : true;
    case 'head-of-social-service':
      return secret ? r.supervised || (action === 'read' && r.breakGlass) : true;
    case 'administrative-agent':
      return !secret;
    case 'directeur-general':
      return !secret && action === 'read';
    case 'president':
    case 'council-member':
      return action === 'read' && r.onAgenda && COUNCIL_SEES.includes(category);
  }
}

const BOOLS = [false, true];
const RELATIONS: CaseRelation[] = BOOLS.flatMap((sameCpas) =>
  BOOLS.flatMap((assigned) =>
    BOOLS.flatMap((supervised) =>
      BOOLS.flatMap((onAgenda) => BOOLS.map((breakGlass) => ({ sameCpas, assigned, supervised, onAgenda, breakGlass }))),
    ),
  ),
);
const ACTIONS: AccessAction[] = ['read', 'write'];

test('every single role x class x relation x action matches the written rules', () => {
  let checked = 0;
  for (const role of ROLES) {
    for (const category of ITEM_CATEGORIES) {
      for (const relation of RELATIONS) {
        for (const action of ACTIONS) {
          const decision = decideAccess([role], action, category, relation);
          assert.equal(
            decision.allowed,
            expected(role, action, category, relation),
            `${role} ${action} ${category} ${JSON.stringify(relation)} -> ${decision.rule}`,
          );
          checked += 1;
        }
      }
    }
  }
  assert.equal(checked, ROLES.length * ITEM_CATEGORIES.length * RELATIONS.length * ACTIONS.length);
});

test('every pair of roles is the union of its roles, and never crosses CPAS', () => {
  for (const a of ROLES) {
    for (const b of ROLES) {
      for (const category of ITEM_CATEGORIES) {
        for (const relation of RELATIONS) {
          for (const action of ACTIONS) {
            const union = expected(a, action, category, relation) || expected(b, action, category, relation);
            assert.equal(decideAccess([a, b], action, category, relation).allowed, union, `${a}+${b} ${action} ${category}`);
          }
        }
      }
    }
  }
});

test('no roles, no access; refusals name their rule', () => {
  const open: CaseRelation = { sameCpas: true, assigned: true, supervised: true, onAgenda: true, breakGlass: true };
  assert.deepEqual(decideAccess([], 'read', 'identity', open), { allowed: false, rule: 'default-deny' });
  assert.deepEqual(decideAccess(['social-worker'], 'read', 'identity', { ...open, sameCpas: false }), { allowed: false, rule: 'cross-cpas' });
  assert.deepEqual(decideAccess(['dpo'], 'read', 'identity', open), { allowed: false, rule: 'no-content-role' });
  assert.deepEqual(decideAccess(['social-worker'], 'read', 'social-report', open), { allowed: true, rule: 'assigned-worker' });
  assert.deepEqual(
    decideAccess(['social-worker'], 'read', 'social-report', { ...open, assigned: false }),
    { allowed: true, rule: 'break-glass' },
  );
});

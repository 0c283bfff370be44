// Exhaustive test of the whole access policy: every role and every pair of roles, against rules
// written a second time below (an oracle), as the issue and docs/legal-model.md state them and
// independently of the implementation's structure. It covers decideAccess (allowed and the rule
// the log names), decidePersonAccess (classes, purpose, refusals), the operations, break-glass and
// its texts, and the register. Any widened rule (one more role, one more class, one relation or
// purpose ignored, another precedence) makes some combination disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type AccessAction, type AccessRule, type CaseRelation, decideAccess, decideAgendaPlacement, decideBreakGlassTexts, decidePersonAccess, mayActOnRegister, mayBeDelegate,
  mayPerform, type Operation, OPERATIONS, REGISTER_ACTIONS, type RegisterAction,
} from './access-policy.ts';
import { ITEM_CATEGORIES, type ItemCategory } from './data-classes.ts';
import { PURPOSE_IDS, type Purpose } from './purposes.ts';
import { ROLES, type Role } from './roles.ts';

// ---- The oracle ----
const SECRET: readonly string[] = ['social-report', 'social-notes', 'medical-data', 'piis', 'opinions'];
const COUNCIL_SEES: readonly string[] = ['identity', 'domicile-address', 'household-composition', 'application-data', 'aid-decisions', 'decision-motivation'];
const COUNCIL_WRITES: readonly string[] = ['aid-decisions', 'decision-motivation'];
const CASE_WORK: readonly Purpose[] = ['case-follow-up', 'committee-preparation', 'supervision'];
/** The closest relation names the access: on the case, supervising it, an emergency, the agenda, the staff role. */
const CLOSEST_FIRST: readonly AccessRule[] = ['assigned-worker', 'head-of-social-service', 'break-glass', 'council-agenda', 'administrative-staff'];

/** The rule by which one role opens one class, or null. */
function openedBy(role: Role, action: AccessAction, category: ItemCategory, r: CaseRelation): AccessRule | null {
  if (!r.sameCpas) return null;
  const secret = SECRET.includes(category);
  const emergency = action === 'read' && r.breakGlass ? 'break-glass' : null;
  switch (role) {
    case 'dpo':
    case 'it-admin':
      return null;
    case 'social-worker':
      return secret ? (r.assigned ? 'assigned-worker' : emergency) : 'administrative-staff';
    case 'head-of-social-service':
      return secret ? (r.supervised ? 'head-of-social-service' : emergency) : 'administrative-staff';
    case 'administrative-agent':
      return secret ? null : 'administrative-staff';
    case 'directeur-general':
      return !secret && action === 'read' ? 'administrative-staff' : null;
    case 'president':
    case 'council-member':
      return r.onAgenda && (action === 'read' ? COUNCIL_SEES : COUNCIL_WRITES).includes(category) ? 'council-agenda' : null;
  }
}

function expectedDecision(roles: readonly Role[], action: AccessAction, category: ItemCategory, r: CaseRelation): { allowed: boolean; rule: AccessRule } {
  if (!r.sameCpas) return { allowed: false, rule: 'cross-cpas' };
  const rules = roles.map((role) => openedBy(role, action, category, r)).filter((x): x is AccessRule => x !== null);
  const first = CLOSEST_FIRST.find((rule) => rules.includes(rule));
  if (first) return { allowed: true, rule: first };
  const noContent = roles.length > 0 && roles.every((role) => role === 'dpo' || role === 'it-admin');
  return { allowed: false, rule: noContent ? 'no-content-role' : 'default-deny' };
}

/** Each operation's roles, written role by role (the transpose of OPERATIONS). */
const OPERATIONS_OF_ROLE: Readonly<Record<Role, readonly Operation[]>> = {
  'social-worker': ['place-on-agenda', 'create-person', 'search-persons', 'break-glass', 'record-authority-request'],
  'head-of-social-service': ['manage-assignments', 'manage-agenda', 'place-on-agenda', 'create-person', 'import-persons', 'search-persons', 'break-glass', 'review-break-glass', 'record-authority-request', 'confirm-role-grant', 'confirm-assignment', 'read-disclosure-statistics'],
  'administrative-agent': ['manage-agenda', 'create-person', 'import-persons', 'search-persons', 'record-authority-request'],
  'directeur-general': [
    'manage-users', 'manage-assignments', 'manage-agenda', 'close-agenda', 'search-persons', 'record-authority-request', 'read-register', 'manage-register',
    'sign-disclosure', 'delegate-register', 'configure-requests', 'read-request-statistics', 'configure-guide',
  ],
  president: ['read-agenda', 'close-agenda', 'record-authority-request', 'read-register', 'manage-register', 'sign-disclosure', 'delegate-register', 'configure-requests', 'read-request-statistics'],
  'council-member': ['read-agenda', 'record-authority-request'],
  dpo: ['read-access-log', 'review-break-glass', 'record-authority-request', 'read-register', 'read-request-statistics', 'read-disclosure-statistics'],
  'it-admin': ['manage-users', 'record-authority-request'],
};

/** One role's register rights without delegation (R14-R16). */
function registerAllows(role: Role, action: RegisterAction): boolean {
  const answersForCpas = role === 'directeur-general' || role === 'president';
  switch (action) {
    case 'record':
      return true; // anyone may receive a letter and must pass it on (R15)
    case 'read':
    case 'statistics':
      return answersForCpas || role === 'dpo';
    case 'manage':
    case 'sign':
    case 'delegate':
    case 'configure':
      return answersForCpas; // R14: never a delegate, never a social worker
  }
}
/** A delegation (read, manage) counts only for an account that holds nothing but the administrative-agent role. */
const expectedRegister = (roles: readonly Role[], delegate: boolean, action: RegisterAction) =>
  roles.some((role) => registerAllows(role, action))
  || (delegate && (action === 'read' || action === 'manage') && roles.length > 0 && roles.every((role) => role === 'administrative-agent'));

// ---- The space ----
const BOOLS = [false, true];
const RELATIONS: CaseRelation[] = BOOLS.flatMap((sameCpas) =>
  BOOLS.flatMap((assigned) =>
    BOOLS.flatMap((supervised) => BOOLS.flatMap((onAgenda) => BOOLS.map((breakGlass) => ({ sameCpas, assigned, supervised, onAgenda, breakGlass })))),
  ),
);
const ACTIONS: AccessAction[] = ['read', 'write'];
/** No role, every single role, every pair of distinct roles. */
const ROLE_SETS: Role[][] = [[], ...ROLES.map((r) => [r]), ...ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b]))];

test('decideAccess: every role set x class x relation x action, allowed and the logged rule', () => {
  let checked = 0;
  for (const roles of ROLE_SETS) {
    for (const category of ITEM_CATEGORIES) {
      for (const relation of RELATIONS) {
        for (const action of ACTIONS) {
          assert.deepEqual(decideAccess(roles, action, category, relation), expectedDecision(roles, action, category, relation), `${roles} ${action} ${category} ${JSON.stringify(relation)}`);
          checked += 1;
        }
      }
    }
  }
  assert.equal(checked, (1 + 8 + 28) * ITEM_CATEGORIES.length * 32 * 2);
});

test('decidePersonAccess: purpose, partial reads, refusals and the one logged rule, over every role set and relation', () => {
  const sets: ItemCategory[][] = [[...ITEM_CATEGORIES], ...ITEM_CATEGORIES.map((c) => [c]), ['identity', 'social-notes']];
  for (const roles of ROLE_SETS) {
    for (const relation of RELATIONS) {
      for (const action of ACTIONS) {
        const perClass = new Map(ITEM_CATEGORIES.map((c) => [c, expectedDecision(roles, action, c, relation)]));
        for (const purpose of PURPOSE_IDS) {
          for (const categories of sets) {
            for (const partial of BOOLS) {
              const opened = categories.filter((c) => perClass.get(c)!.allowed && (!SECRET.includes(c) || CASE_WORK.includes(purpose)));
              const closed = categories.filter((c) => !opened.includes(c));
              const refused = opened.length === 0 || (!partial && closed.length > 0);
              const policyRefusal = closed.map((c) => perClass.get(c)!).find((d) => !d.allowed)?.rule;
              const rule = refused ? (policyRefusal ?? 'default-deny') : CLOSEST_FIRST.find((r) => opened.some((c) => perClass.get(c)!.rule === r))!;
              const got = decidePersonAccess(roles, action, categories, relation, purpose, partial);
              const what = `${roles} ${action} ${purpose} partial=${partial} [${categories.length}] ${JSON.stringify(relation)}`;
              assert.equal(got.refused, refused, what);
              assert.deepEqual(got.allowed, refused ? [] : opened, what);
              assert.deepEqual(got.withheld.map((w) => w.category), closed, what);
              assert.equal(got.rule, rule, what);
              for (const w of got.withheld) assert.equal(w.reason, perClass.get(w.category)!.allowed ? 'purpose' : perClass.get(w.category)!.rule, what);
            }
          }
        }
      }
    }
  }
});

test('a file opened under break-glass is logged as break-glass, though its administrative part needed none', () => {
  const emergency: CaseRelation = { sameCpas: true, assigned: false, supervised: false, onAgenda: false, breakGlass: true };
  assert.equal(decidePersonAccess(['social-worker'], 'read', ITEM_CATEGORIES, emergency, 'case-follow-up', true).rule, 'break-glass');
  assert.equal(decidePersonAccess(['social-worker'], 'read', ITEM_CATEGORIES, emergency, 'administrative-processing', true).rule, 'administrative-staff');
  // Within one class too, the same order: an assigned worker with a stale grant reads as assigned.
  assert.equal(decideAccess(['social-worker'], 'read', 'social-notes', { ...emergency, assigned: true }).rule, 'assigned-worker');
});

test('operations: every operation x role set matches the table written role by role', () => {
  assert.deepEqual(Object.keys(OPERATIONS).sort(), [...new Set(Object.values(OPERATIONS_OF_ROLE).flat())].sort(), 'every operation is in the oracle');
  for (const operation of Object.keys(OPERATIONS) as Operation[]) {
    for (const roles of ROLE_SETS) {
      assert.equal(mayPerform(roles, operation), roles.some((role) => OPERATIONS_OF_ROLE[role].includes(operation)), `${roles} ${operation}`);
    }
  }
});

test('break-glass: who opens, who reviews, and who reads the reason, for every role set', () => {
  for (const roles of ROLE_SETS) {
    const social = roles.includes('social-worker') || roles.includes('head-of-social-service');
    assert.equal(mayPerform(roles, 'break-glass'), social, `${roles} break-glass`);
    assert.equal(mayPerform(roles, 'review-break-glass'), roles.includes('head-of-social-service') || roles.includes('dpo'), `${roles} review`);
    // The reason is a social note: the head of social service reads it; the DPO reviews without it.
    const noContent = roles.length > 0 && roles.every((role) => role === 'dpo' || role === 'it-admin');
    assert.deepEqual(decideBreakGlassTexts(roles), roles.includes('head-of-social-service')
      ? { allowed: true, rule: 'head-of-social-service' }
      : { allowed: false, rule: noContent ? 'no-content-role' : 'default-deny' }, `${roles} texts`);
  }
});

test('the register: every role set x delegation x action; delegates are administrative agents only', () => {
  for (const roles of ROLE_SETS) {
    assert.equal(mayBeDelegate(roles), roles.length > 0 && roles.every((role) => role === 'administrative-agent'), `${roles} delegate`);
    for (const delegate of BOOLS) {
      for (const action of REGISTER_ACTIONS) {
        assert.equal(mayActOnRegister(roles, delegate, action), expectedRegister(roles, delegate, action), `${roles} delegate=${delegate} ${action}`);
      }
    }
  }
  // The cases the issue names: a delegate never signs; a social worker only records, even delegated.
  for (const action of REGISTER_ACTIONS) {
    assert.equal(mayActOnRegister(['social-worker', 'administrative-agent'], true, action), action === 'record', action);
  }
  assert.equal(mayActOnRegister(['administrative-agent'], true, 'sign'), false);
});

test('agenda placement: the worker on the case or the head of social service, for every role set and relation', () => {
  for (const roles of ROLE_SETS) {
    for (const relation of RELATIONS) {
      const expected = !relation.sameCpas ? { allowed: false, rule: 'cross-cpas' }
        : roles.includes('social-worker') && relation.assigned ? { allowed: true, rule: 'assigned-worker' }
          : roles.includes('head-of-social-service') ? { allowed: true, rule: 'head-of-social-service' } : { allowed: false, rule: 'default-deny' };
      assert.deepEqual(decideAgendaPlacement(roles, relation), expected, `${roles} ${JSON.stringify(relation)}`);
    }
  }
  // The council decides what is placed before it, never what it places: no council role places.
  for (const relation of RELATIONS) assert.equal(decideAgendaPlacement(['council-member', 'president'], relation).allowed, false);
});

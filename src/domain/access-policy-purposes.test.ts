// The purposes offered to each role (purposesOfRole) against what the policy opens under them, for
// no role, every role and every pair of roles, over every relation and data class: every purpose
// offered leads to some access the policy permits and that fits the purpose, so none that can never
// open anything is offered; and the lists are written once more below, role by role, so a purpose
// slipped to one more role (case follow-up to the desk, the DPO's audit to anyone) fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type AccessAction, type CaseRelation, decidePersonAccess, mayPerform, purposesOfRole } from './access-policy.ts';
import { ITEM_CATEGORIES, tierOf } from './data-classes.ts';
import { PURPOSE_IDS, type Purpose } from './purposes.ts';
import { ROLES, type Role } from './roles.ts';

const BOOLS = [false, true];
const RELATIONS: CaseRelation[] = BOOLS.flatMap((assigned) =>
  BOOLS.flatMap((supervised) => BOOLS.flatMap((onAgenda) => BOOLS.map((breakGlass) => ({ sameCpas: true, assigned, supervised, onAgenda, breakGlass })))),
);
const ROLE_SETS: Role[][] = [[], ...ROLES.map((r) => [r]), ...ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b]))];

/** Whether, in some relation, the policy opens one class to these roles for this purpose, and the access fits the purpose. */
function opensSomething(roles: readonly Role[], purpose: Purpose): boolean {
  const opened = (action: AccessAction, fits: (category: (typeof ITEM_CATEGORIES)[number], rule: string) => boolean) =>
    RELATIONS.some((relation) => ITEM_CATEGORIES.some((category) => {
      const decision = decidePersonAccess(roles, action, [category], relation, purpose, true);
      return !decision.refused && fits(category, decision.rule);
    }));
  switch (purpose) {
    // Case work: the purpose is worth choosing only if it opens the secret part of some case.
    case 'case-follow-up':
    case 'committee-preparation':
    case 'supervision':
      return opened('read', (category) => tierOf(category) === 'secret');
    case 'administrative-processing':
    case 'data-subject-access':
      return opened('read', (_category, rule) => rule === 'administrative-staff');
    case 'intake':
      return opened('write', (category) => tierOf(category) === 'administrative');
    case 'council-decision':
      return opened('read', (_category, rule) => rule === 'council-agenda');
    case 'authority-request':
      return mayPerform(roles, 'manage-register') && opened('read', (_category, rule) => rule === 'administrative-staff');
    // Set by their own use cases (the import, the DPO's audit of the log), never chosen to open a file.
    case 'bulk-import':
    case 'data-protection-audit':
      return false;
  }
}

test('every purpose offered to every role set opens something the policy permits and that fits it', () => {
  let offered = 0;
  for (const roles of ROLE_SETS) {
    for (const purpose of purposesOfRole(roles)) {
      assert.ok(opensSomething(roles, purpose), `${roles.join('+') || 'no role'} is offered ${purpose}, which opens nothing for it`);
      offered += 1;
    }
  }
  assert.ok(offered > 37, 'the walk covered the offered purposes');
});

test('no purpose that can never open anything is offered, and the lists are those written role by role', () => {
  const expected: Readonly<Record<Role, readonly Purpose[]>> = {
    'social-worker': ['case-follow-up', 'committee-preparation', 'administrative-processing', 'intake'],
    'head-of-social-service': ['committee-preparation', 'supervision', 'administrative-processing', 'intake'],
    'administrative-agent': ['administrative-processing', 'intake', 'data-subject-access'],
    'directeur-general': ['administrative-processing', 'authority-request'],
    president: ['council-decision'],
    'council-member': ['council-decision'],
    dpo: [],
    'it-admin': [],
  };
  for (const roles of ROLE_SETS) {
    const offered = purposesOfRole(roles);
    const union = PURPOSE_IDS.filter((p) => roles.some((role) => expected[role].includes(p)));
    assert.deepEqual([...offered], union, roles.join('+'));
    for (const purpose of PURPOSE_IDS) {
      if (!opensSomething(roles, purpose)) assert.ok(!offered.includes(purpose), `${roles.join('+')} offered ${purpose}`);
    }
  }
  assert.ok(!purposesOfRole(['administrative-agent']).includes('case-follow-up'));
  assert.ok(!purposesOfRole(['administrative-agent']).includes('data-protection-audit'));
  assert.deepEqual(purposesOfRole([]), []);
});

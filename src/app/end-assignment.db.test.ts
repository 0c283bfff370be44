// Ending and listing case assignments, and the DPO's person finder, through the real use cases:
// for every role, only those the policy allows act, and every refusal is itself in the access
// log; nobody assigns a case to themself; an end date is a Brussels calendar date that only
// shortens; the DPO finds a person without their national number coming back; the break-glass
// queue names the person to its reviewers, whom the policy lets a list name persons to.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from './context.ts';
import { openBreakGlass } from './break-glass.ts';
import { createPerson } from './create-person.ts';
import { endAssignment } from './end-assignment.ts';
import { findPersonForAudit } from './find-person-for-audit.ts';
import { listAssignments } from './list-assignments.ts';
import { listBreakGlassQueue } from './list-break-glass-queue.ts';
import { assignCase, confirmAssignment, listCaseload } from './manage-staff.ts';
import { mayNamePersons, mayPerform } from '../domain/access-policy.ts';
import { DomainError } from '../domain/errors.ts';
import { ROLES } from '../domain/roles.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let t: TestDatabase;
let ctx: AppContext;
let namur: TestCpas;
let liege: TestCpas;
let personId = '';
const NISS = '86032721262';

before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db);
  namur = await addTestCpas(t.db, 'namur');
  liege = await addTestCpas(t.db, 'liege');
  ({ personId } = await createPerson(ctx, namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Lemaire', givenNames: 'Alice', birthDate: '1986-03-27', niss: NISS } }));
});
after(async () => t.drop());

const code = (c: string) => (e: unknown) => e instanceof DomainError && e.code === c;
const entries = async (operationOrView: string) => (await t.db.ownerTransaction((tx) => tx.query<{ text: string }>(
  'SELECT entry_text AS text FROM access_log_entry WHERE entry_text LIKE $1 ORDER BY seq', [`%${operationOrView}%`],
))).map((r) => JSON.parse(r.text) as { user: string; person: string | null; outcome: string; purpose: string; action: string; classes: string[]; details: Record<string, unknown> });
const worker = () => namur.actors['social-worker'];
const head = () => namur.actors['head-of-social-service'];

describe('ending an assignment', () => {
  test('only a head of social service ends one, for every role; each refusal is logged', async () => {
    const { assignmentId } = await assignCase(ctx, head(), { personId, userId: worker().userId, assignedFrom: '2026-11-01' }) as { assignmentId: string };
    for (const role of ROLES) {
      const actor = namur.actors[role];
      const attempt = endAssignment(ctx, actor, { assignmentId, endsOn: '2026-12-31' });
      if (mayPerform([role], 'end-assignment')) {
        assert.equal(role, 'head-of-social-service');
        assert.deepEqual(await attempt, { assignmentId, personId, assignedUntil: '2026-12-31' });
      } else {
        await assert.rejects(attempt, code('forbidden'), role);
        assert.ok((await entries('"operation":"end-assignment"')).some((e) => e.user === actor.userId && e.outcome === 'denied'), `${role}: refusal logged`);
      }
    }
    const allowed = (await entries('"operation":"end-assignment"')).filter((e) => e.outcome === 'allowed');
    assert.equal(allowed.length, 1);
    assert.deepEqual([allowed[0]!.user, allowed[0]!.person, allowed[0]!.details.assignee], [head().userId, personId, worker().userId]);
  });

  test('the end date only shortens, is not before the start, is a real date; another CPAS’s assignment is not found', async () => {
    const [current] = (await listAssignments(ctx, head(), { personId })).assignments;
    assert.equal(current!.assignedUntil, '2026-12-31');
    const id = current!.assignmentId;
    await assert.rejects(endAssignment(ctx, head(), { assignmentId: id, endsOn: '2027-01-01' }), code('invalid-input'), 'later than the current end');
    await assert.rejects(endAssignment(ctx, head(), { assignmentId: id, endsOn: '2026-10-31' }), code('invalid-input'), 'before the start');
    await assert.rejects(endAssignment(ctx, head(), { assignmentId: id, endsOn: '2026-02-30' }), code('invalid-input'), 'not a calendar date');
    await assert.rejects(endAssignment(ctx, liege.actors['head-of-social-service'], { assignmentId: id, endsOn: '2026-11-30' }), code('not-found'));
    await endAssignment(ctx, head(), { assignmentId: id, endsOn: '2026-11-28' });
    // 28 November is the last day in Brussels: at 23:30 UTC it is already the 29th there.
    assert.ok((await listCaseload(testContext(t.db, () => new Date('2026-11-28T22:30:00Z')), worker())).some((p) => p.personId === personId));
    assert.ok(!(await listCaseload(testContext(t.db, () => new Date('2026-11-28T23:30:00Z')), worker())).some((p) => p.personId === personId));
  });

  test('nobody assigns a case to themself, whatever their roles; the refusal is logged and nothing is assigned', async () => {
    for (const role of ROLES) {
      const actor = namur.actors[role];
      const before = (await listAssignments(ctx, head(), { personId })).assignments.length;
      await assert.rejects(assignCase(ctx, actor, { personId, userId: actor.userId, assignedFrom: '2026-12-01' }), code('forbidden'), role);
      assert.equal((await listAssignments(ctx, head(), { personId })).assignments.length, before, role);
      assert.ok((await entries('"operation":')).some((e) => e.user === actor.userId && e.outcome === 'denied' && e.person === personId), `${role}: logged`);
    }
  });

  test('the same worker twice on overlapping days is a conflict', async () => {
    const other = namur.actors['other-social-worker'];
    await assignCase(ctx, head(), { personId, userId: other.userId, assignedFrom: '2026-12-01', assignedUntil: '2026-12-31' });
    await assert.rejects(assignCase(ctx, head(), { personId, userId: other.userId, assignedFrom: '2026-12-31' }), code('conflict'));
    await assignCase(ctx, head(), { personId, userId: other.userId, assignedFrom: '2027-01-01' });
    // A proposal made, then overtaken by a direct assignment of the same worker, is not confirmed twice over.
    const proposed = await assignCase(ctx, namur.actors['directeur-general'], { personId, userId: worker().userId, assignedFrom: '2027-02-01' });
    assert.equal(proposed.state, 'pending-confirmation');
    await assignCase(ctx, head(), { personId, userId: worker().userId, assignedFrom: '2027-01-15' });
    await assert.rejects(confirmAssignment(ctx, head(), { proposalId: (proposed as { proposalId: string }).proposalId }), code('conflict'));
  });
});

describe('listing assignments', () => {
  test('only those who manage assignments list them, for every role; the listing is logged with the persons it named', async () => {
    for (const role of ROLES) {
      const actor = namur.actors[role];
      if (mayPerform([role], 'manage-assignments')) {
        const view = await listAssignments(ctx, actor, { personId: null });
        assert.ok(view.assignments.some((a) => a.personId === personId && a.familyName === 'Lemaire'), role);
        assert.equal(view.mayEnd, role === 'head-of-social-service');
        assert.ok(view.workers.every((w) => w.userId === worker().userId || w.userId === namur.actors['other-social-worker'].userId), 'social workers only');
      } else {
        await assert.rejects(listAssignments(ctx, actor, { personId }), code('forbidden'), role);
      }
    }
    const logged = await entries('"view":"assignments"');
    assert.ok(logged.some((e) => e.outcome === 'allowed' && e.action === 'search' && (e.details.persons as string[]).includes(personId) && e.classes.includes('identity')));
    assert.ok(logged.some((e) => e.outcome === 'denied' && e.user === namur.actors.dpo.userId));
    await assert.rejects(listAssignments(ctx, liege.actors['head-of-social-service'], { personId }), code('not-found'), 'another CPAS’s person');
  });
});

describe('the DPO finds a person', () => {
  test('by name, birth date or national number; name and birth date come back, never the national number; logged like any search', async () => {
    const dpo = namur.actors.dpo;
    for (const query of [{ name: 'lemaire' }, { birthDate: '1986-03-27' }, { niss: NISS }]) {
      const found = await findPersonForAudit(ctx, dpo, { ...query, limit: 10 });
      assert.deepEqual(found, [{ personId, familyName: 'Lemaire', givenNames: 'Alice', birthDate: '1986-03-27' }], JSON.stringify(query));
    }
    assert.deepEqual(await findPersonForAudit(ctx, liege.actors.dpo, { name: 'lemaire', limit: 10 }), [], 'never another CPAS');
    const logged = (await entries('"view":"audit-person-finder"')).filter((e) => e.user === dpo.userId);
    assert.equal(logged.length, 3);
    for (const e of logged) {
      assert.deepEqual([e.action, e.purpose, e.outcome, e.details.persons], ['search', 'data-protection-audit', 'allowed', [personId]]);
      assert.ok(!JSON.stringify(e).includes('lemaire') && !JSON.stringify(e).includes(NISS), 'never the terms');
    }
    for (const role of ROLES.filter((r) => r !== 'dpo')) {
      await assert.rejects(findPersonForAudit(ctx, namur.actors[role], { name: 'lemaire', limit: 10 }), code('forbidden'), role);
    }
    assert.equal((await entries('"view":"audit-person-finder"')).filter((e) => e.outcome === 'denied').length, ROLES.length - 1);
  });

  test('the break-glass queue names the person to the reviewers the policy lets a list name them to', async () => {
    await openBreakGlass(ctx, namur.actors['other-social-worker'], { personId, purpose: 'case-follow-up', reason: 'La personne appelle en détresse, son assistante est absente.' });
    for (const role of ['head-of-social-service', 'dpo'] as const) {
      const queue = await listBreakGlassQueue(ctx, namur.actors[role], { includeReviewed: true });
      const grant = queue.find((g) => g.personId === personId);
      assert.ok(grant, role);
      assert.deepEqual(grant!.personName, mayNamePersons([role]) ? { familyName: 'Lemaire', givenNames: 'Alice' } : null, role);
    }
  });
});

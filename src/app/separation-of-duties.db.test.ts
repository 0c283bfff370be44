// Separation of duties (issue 8, hole 1), through the real use cases. An attacker starts from one
// account of any role and controls every account it creates and opens; it performs any sequence
// of the operations (create user, grant, confirm, assign, confirm assignment, activate), helped by
// an honest head of social service who confirms every grant and every proposed assignment of the
// attacker's accounts (and keeps the confirmation code from the attacker, as the procedure says).
// A person has a canary in every secret field and no worker on their case at the time of attack:
// no account the attacker can log into may ever open a canary.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addAttachment } from './attachments.ts';
import { activateAccount } from './activate-account.ts';
import { logIn } from './authenticate.ts';
import type { AppContext } from './context.ts';
import { createPerson } from './create-person.ts';
import { assignCase, confirmAssignment, listAssignmentProposals } from './manage-staff.ts';
import { openPersonFile } from './open-person-file.ts';
import { readAccessLog } from './read-access-log.ts';
import { confirmRoleGrant, grantRole, listRoleGrants } from './role-grants.ts';
import { addStaffUser } from './staff-accounts.ts';
import { writeSecretRecord } from './write-secret-record.ts';
import { DomainError } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import { ROLES, type Actor, type Role } from '../domain/roles.ts';
import { SECRET_OPENING_ROLES } from '../domain/separation-of-duties.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { grantConfirmed } from '../testing/staff.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const CANARY = 'CANARY-duties';
const PASSWORD = 'attacker-password-2026';
const PURPOSES: readonly Purpose[] = ['case-follow-up', 'supervision', 'administrative-processing', 'committee-preparation'];

let t: TestDatabase;
let ctx: AppContext;
let namur: TestCpas;
let canaryPerson = '';
let serial = 0;

/** Writes a canary into every secret field while an honest worker is on the case (in March), then the assignment ends. */
async function plantCanaries(): Promise<string> {
  const march = testContext(t.db, () => new Date('2026-03-01T10:00:00Z'));
  const worker = namur.actors['social-worker'];
  const { personId } = await createPerson(march, namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Canary', givenNames: 'Duties' } });
  await assignCase(march, namur.actors['head-of-social-service'], { personId, userId: worker.userId, assignedFrom: '2026-02-01', assignedUntil: '2026-03-31' });
  const w = (input: Parameters<typeof writeSecretRecord>[2]) => writeSecretRecord(march, worker, input);
  const c = (field: string) => `${CANARY}-${field}`;
  await w({ personId, purpose: 'case-follow-up', kind: 'social-report', date: '2026-03-01', plain: { language: 'fr' }, sealed: { situation: c('situation'), assessment: c('assessment') } });
  await w({ personId, purpose: 'case-follow-up', kind: 'case-note', sealed: { body: c('note') } });
  await w({ personId, purpose: 'case-follow-up', kind: 'medical-document', date: '2026-03-01', sealed: { description: c('medical') } });
  await w({ personId, purpose: 'case-follow-up', kind: 'piis', date: '2026-03-01', sealed: { objectives: c('objectives'), evaluation: c('evaluation') } });
  for (const dataClass of ['social-report', 'medical-data', 'opinions'] as const) {
    await addAttachment(march, worker, { personId, purpose: 'case-follow-up', dataClass, fileName: `${c(dataClass)}.txt`, mediaType: 'text/plain', content: Buffer.from(c(`${dataClass}-content`)) });
  }
  // Positive control: on the case, in March, the worker does read the canaries.
  const file = await openPersonFile(march, worker, { personId, purpose: 'case-follow-up' });
  assert.ok(JSON.stringify(file).includes(CANARY), 'the canaries are readable to the worker on the case (the check can fail)');
  return personId;
}

before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db);
  namur = await addTestCpas(t.db, 'namur');
  canaryPerson = await plantCanaries();
});
after(async () => t.drop());

/** An account the attacker controls: its login, and the codes the attacker has seen for it. */
interface Held {
  userId: string;
  login: string;
  activationCode: string | null;
  knowsPassword: boolean;
  confirmationCodes: string[];
}

type Op =
  | { kind: 'create'; by: number; roles: Role[] }
  | { kind: 'grant'; by: number; target: number; role: Role }
  | { kind: 'confirm'; by: number; target: number }
  | { kind: 'honest-confirm'; target: number }
  | { kind: 'assign'; by: number; target: number }
  | { kind: 'confirm-assignment'; by: number }
  | { kind: 'honest-confirm-assignment' }
  | { kind: 'activate'; target: number; withConfirmation: boolean };

const index = fc.nat({ max: 5 });
const role = fc.constantFrom(...ROLES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), by: index, roles: fc.uniqueArray(role, { minLength: 1, maxLength: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('grant' as const), by: index, target: index, role: fc.constantFrom(...SECRET_OPENING_ROLES, ...ROLES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('confirm' as const), by: index, target: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('honest-confirm' as const), target: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('assign' as const), by: index, target: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('confirm-assignment' as const), by: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('honest-confirm-assignment' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('activate' as const), target: index, withConfirmation: fc.boolean() }) },
);

/** Refusals are expected; anything else (a 5xx in the making) fails the test. */
async function attempt(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

/** A fresh starting account of the role, made through the honest path, its password known to the attacker. */
async function freshRoot(rootRole: Role): Promise<Held> {
  const username = `root-${rootRole}-${++serial}`;
  const made = await addStaffUser(ctx, namur.actors['directeur-general'], { username, displayName: username, roles: [rootRole] });
  const login = `${username}@namur`;
  await activateAccount(ctx, { login, code: made.activationCode, newPassword: PASSWORD });
  for (const { grantId } of (await listRoleGrants(ctx, namur.actors['head-of-social-service'])).filter((g) => g.userId === made.userId)) {
    const { confirmationCode } = await confirmRoleGrant(ctx, namur.actors['head-of-social-service'], { grantId });
    await activateAccount(ctx, { login, code: PASSWORD, newPassword: PASSWORD, confirmationCode });
  }
  return { userId: made.userId, login, activationCode: null, knowsPassword: true, confirmationCodes: [] };
}

/** Acting as a held account means logging in with the password the attacker set: the roles are the real ones. */
async function actAs(held: Held): Promise<Actor | null> {
  if (!held.knowsPassword) return null;
  try {
    return (await logIn(ctx, held.login, PASSWORD)).actor;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

async function openGrantsOf(userId: string) {
  return (await listRoleGrants(ctx, namur.actors['head-of-social-service'])).filter((g) => g.userId === userId);
}

async function run(held: Held[], op: Op): Promise<void> {
  const pick = (i: number) => held[i % held.length]!;
  const as = async (i: number, work: (actor: Actor) => Promise<unknown>) => {
    const actor = await actAs(pick(i));
    if (actor) await attempt(() => work(actor));
  };
  switch (op.kind) {
    case 'create':
      return as(op.by, async (actor) => {
        const username = `held-${++serial}`;
        const made = await addStaffUser(ctx, actor, { username, displayName: username, roles: op.roles });
        held.push({ userId: made.userId, login: `${username}@namur`, activationCode: made.activationCode, knowsPassword: false, confirmationCodes: [] });
      });
    case 'grant':
      return as(op.by, (actor) => grantRole(ctx, actor, { userId: pick(op.target).userId, role: op.role }));
    case 'confirm':
      return as(op.by, async (actor) => {
        const target = pick(op.target);
        for (const g of await openGrantsOf(target.userId)) {
          await attempt(async () => target.confirmationCodes.push((await confirmRoleGrant(ctx, actor, { grantId: g.grantId })).confirmationCode));
        }
      });
    case 'honest-confirm':
      // The honest head confirms, and hands the code to the real holder: never to the attacker.
      for (const g of await openGrantsOf(pick(op.target).userId)) await attempt(() => confirmRoleGrant(ctx, namur.actors['head-of-social-service'], { grantId: g.grantId }));
      return;
    case 'assign':
      return as(op.by, (actor) => assignCase(ctx, actor, { personId: canaryPerson, userId: pick(op.target).userId, assignedFrom: '2026-11-01' }));
    case 'confirm-assignment':
    case 'honest-confirm-assignment': {
      const ours = new Set(held.map((h) => h.userId));
      const proposals = (await listAssignmentProposals(ctx, namur.actors['head-of-social-service'])).filter((p) => p.personId === canaryPerson && ours.has(p.userId));
      for (const p of proposals) {
        if (op.kind === 'honest-confirm-assignment') await attempt(() => confirmAssignment(ctx, namur.actors['head-of-social-service'], { proposalId: p.proposalId }));
        else await as(op.by, (actor) => confirmAssignment(ctx, actor, { proposalId: p.proposalId }));
      }
      return;
    }
    case 'activate': {
      const target = pick(op.target);
      const code = target.activationCode ?? (target.knowsPassword ? PASSWORD : null);
      if (!code) return;
      const codes = op.withConfirmation && target.confirmationCodes.length > 0 ? target.confirmationCodes : [null];
      for (const confirmationCode of codes) {
        await attempt(async () => {
          await activateAccount(ctx, { login: target.login, code: target.activationCode ?? PASSWORD, newPassword: PASSWORD, confirmationCode });
          target.activationCode = null;
          target.knowsPassword = true;
        });
      }
    }
  }
}

async function leakedCanary(held: readonly Held[]): Promise<string | null> {
  for (const h of held) {
    const actor = await actAs(h);
    if (!actor) continue;
    for (const purpose of PURPOSES) {
      try {
        const file = await openPersonFile(ctx, actor, { personId: canaryPerson, purpose });
        if (JSON.stringify(file).includes(CANARY)) return `${h.login} (${actor.roles.join(', ')}) read a canary for ${purpose}`;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
  }
  return null;
}

/** The attack a newcomer would try first, and its variants, always among the cases checked. */
const KNOWN_ATTACKS: readonly Op[][] = [
  // Create a worker, open it with the code one was shown, have it confirmed and assigned by the honest head, try every code.
  [{ kind: 'create', by: 0, roles: ['social-worker'] }, { kind: 'activate', target: 1, withConfirmation: false }, { kind: 'honest-confirm', target: 1 },
    { kind: 'activate', target: 1, withConfirmation: true }, { kind: 'assign', by: 0, target: 1 }, { kind: 'honest-confirm-assignment' }],
  // Create a head of social service, open it, have it confirmed, then have it confirm a second account's role.
  [{ kind: 'create', by: 0, roles: ['head-of-social-service'] }, { kind: 'activate', target: 1, withConfirmation: false }, { kind: 'honest-confirm', target: 1 },
    { kind: 'create', by: 0, roles: ['social-worker'] }, { kind: 'confirm', by: 1, target: 2 }, { kind: 'activate', target: 2, withConfirmation: true },
    { kind: 'assign', by: 1, target: 2 }],
  // A deputy with the manager's rights grants the root a secret role.
  [{ kind: 'create', by: 0, roles: ['it-admin'] }, { kind: 'activate', target: 1, withConfirmation: false }, { kind: 'grant', by: 1, target: 0, role: 'head-of-social-service' },
    { kind: 'honest-confirm', target: 0 }, { kind: 'activate', target: 0, withConfirmation: true }],
];

describe('no single account, nor one with the accounts it creates, reaches a secret class', () => {
  for (const rootRole of ROLES) {
    test(`starting from ${rootRole}`, async () => {
      const runs = Number(process.env.DUTIES_RUNS ?? 6);
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
          const held = [await freshRoot(rootRole)];
          for (const op of ops) await run(held, op);
          const leak = await leakedCanary(held);
          assert.equal(leak, null, leak ?? '');
        }),
        { numRuns: runs, examples: KNOWN_ATTACKS.map((ops) => [ops]), endOnFailure: true },
      );
    });
  }
});

describe('two distinct persons open a case to a new worker', () => {
  test('grant by the directeur général, confirmation by the head of social service, activation by the holder, assignment: the worker reads', async () => {
    const director = namur.actors['directeur-general'];
    const head = namur.actors['head-of-social-service'];
    const made = await addStaffUser(ctx, director, { username: 'new-worker', displayName: 'New Worker', roles: ['administrative-agent'] });
    await activateAccount(ctx, { login: 'new-worker@namur', code: made.activationCode, newPassword: 'holder-password-2026' });
    await grantConfirmed(ctx, { grantor: director, confirmer: head, userId: made.userId, role: 'social-worker', login: 'new-worker@namur', password: 'holder-password-2026' });
    const proposed = await assignCase(ctx, director, { personId: canaryPerson, userId: made.userId, assignedFrom: '2026-11-01' });
    assert.equal(proposed.state, 'pending-confirmation', 'the directeur général only proposes');
    const before = (await logIn(ctx, 'new-worker@namur', 'holder-password-2026')).actor;
    const early = await openPersonFile(ctx, before, { personId: canaryPerson, purpose: 'case-follow-up' }).catch((error: unknown) => {
      if (error instanceof DomainError) return null;
      throw error;
    });
    assert.ok(!JSON.stringify(early ?? {}).includes(CANARY), 'nothing secret before the head of social service confirms the assignment');
    if (proposed.state !== 'pending-confirmation') return;
    await confirmAssignment(ctx, head, { proposalId: proposed.proposalId });
    const worker = (await logIn(ctx, 'new-worker@namur', 'holder-password-2026')).actor;
    assert.deepEqual([...worker.roles].sort(), ['administrative-agent', 'social-worker']);
    const file = await openPersonFile(ctx, worker, { personId: canaryPerson, purpose: 'case-follow-up' });
    assert.ok(JSON.stringify(file).includes(`${CANARY}-situation`), 'the worker reads the social report');

    // The DPO sees every step in the access log.
    const log = await readAccessLog(ctx, namur.actors.dpo, { filter: { kind: 'period', from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') }, limit: 500 });
    const steps = log.entries.filter((e) => [e.user, e.details.grantee, e.details.assignee, e.details.user].includes(made.userId)).map((e) => `${String(e.details.operation)}:${e.outcome}`);
    for (const step of ['create-user:allowed', 'activate-account:allowed', 'grant-role:allowed', 'confirm-role-grant:allowed', 'assign-case:allowed', 'confirm-assignment:allowed']) {
      assert.ok(steps.includes(step), `the DPO sees ${step} (saw ${steps.join(', ')})`);
    }
  });

  test('a head of social service never assigns a case to themself, nor confirms what they proposed or received', async () => {
    const head = namur.actors['head-of-social-service'];
    await assert.rejects(assignCase(ctx, head, { personId: canaryPerson, userId: head.userId, assignedFrom: '2026-11-01' }), (e: DomainError) => e.code === 'forbidden' || e.code === 'invalid-input');
    const director = namur.actors['directeur-general'];
    await assert.rejects(grantRole(ctx, director, { userId: director.userId, role: 'social-worker' }), (e: DomainError) => e.code === 'forbidden');
    const made = await addStaffUser(ctx, director, { username: 'second-head', displayName: 'Second Head', roles: ['head-of-social-service'] });
    const [grant] = await listRoleGrants(ctx, head).then((gs) => gs.filter((g) => g.userId === made.userId));
    assert.ok(grant);
    // The grantee cannot confirm their own grant, even once they hold another head's rights.
    await assert.rejects(confirmRoleGrant(ctx, { ...head, userId: made.userId }, { grantId: grant.grantId }), (e: DomainError) => e.code === 'forbidden');
  });
});

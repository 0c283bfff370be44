// Who sees the sealed register, through every use case, for every role: the directeur général,
// the président and the DPO read it, the first two and their delegates act on it, only the first
// two sign; anyone records a request and then loses sight of it. The expected answers are written
// out below, independently of register-access.ts.
import { addDays, todayIn } from '../../domain/calendar-date.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Actor, type Role } from '../../domain/roles.ts';
import { addTestCpas, testContext, type TestCpas } from '../../testing/fixtures.ts';
import { assessedRequest, prosecutorRequest, REGISTER_NOW, seedPersonFile, type SeededPerson } from '../../testing/requests.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import type { AppContext } from '../context.ts';
import { assessRecordedRequest } from './assess-request.ts';
import { decideRequestSettings, proposeRequestSettings } from './configure-requests.ts';
import { delegateRegister } from './delegate-register.ts';
import { findSubjectCandidates } from './find-subject-candidates.ts';
import { listOverdue } from './list-overdue.ts';
import { listRegister } from './list-register.ts';
import { markSent } from './mark-sent.ts';
import { matchSubject } from './match-subject.ts';
import { prepareDisclosure } from './prepare-disclosure.ts';
import { readDisclosure } from './read-disclosure.ts';
import { readRequest } from './read-request.ts';
import { recordRequest } from './record-request.ts';
import { refuseRequest } from './refuse-request.ts';
import { renderRequestLetter } from './render-letter.ts';
import { readRequestStatistics } from './request-statistics.ts';
import { returnRequest } from './return-request.ts';
import { signDisclosure } from './sign-disclosure.ts';

let t: TestDatabase;
let ctx: AppContext;
let namur: TestCpas;
let gent: TestCpas;
let person: SeededPerson;
let requestId = '';

before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db, REGISTER_NOW);
  namur = await addTestCpas(t.db, 'namur');
  gent = await addTestCpas(t.db, 'gent');
  person = await seedPersonFile(ctx, namur);
  requestId = await assessedRequest(ctx, namur, prosecutorRequest([person.niss], ['identity']), { files: [person.personId] });
  await prepareDisclosure(ctx, namur.actors['directeur-general'], { requestId });
});
after(() => t.drop());

type Gate = 'read' | 'manage' | 'sign' | 'govern' | 'statistics' | 'record';
const EXPECTED: Readonly<Record<Gate, readonly Role[]>> = {
  record: ROLES,
  read: ['directeur-general', 'president', 'dpo'],
  statistics: ['directeur-general', 'president', 'dpo'],
  manage: ['directeur-general', 'president'],
  sign: ['directeur-general', 'president'],
  govern: ['directeur-general', 'president'],
};
const DELEGATE_GETS: readonly Gate[] = ['read', 'manage'];

const OPERATIONS: readonly [string, Gate, (actor: Actor) => Promise<unknown>][] = [
  ['list the register', 'read', (a) => listRegister(ctx, a)],
  ['list overdue requests', 'read', (a) => listOverdue(ctx, a)],
  ['read a request', 'read', (a) => readRequest(ctx, a, { requestId })],
  ['read the statistics', 'statistics', (a) => readRequestStatistics(ctx, a, { year: 2026 })],
  ['assess', 'manage', (a) => assessRecordedRequest(ctx, a, { requestId: 'not-reached' }).catch(notFoundIsPastTheGate)],
  ['find candidates', 'manage', (a) => findSubjectCandidates(ctx, a, { requestId, position: 1 })],
  ['match a person', 'manage', (a) => matchSubject(ctx, a, { requestId, position: 1, personId: person.personId })],
  ['prepare', 'manage', (a) => prepareDisclosure(ctx, a, { requestId })],
  ['read the draft', 'manage', (a) => readDisclosure(ctx, a, { requestId })],
  ['render the letter', 'manage', (a) => renderRequestLetter(ctx, a, { requestId })],
  ['mark sent', 'manage', (a) => markSent(ctx, a, { requestId })],
  ['sign', 'sign', (a) => signDisclosure(ctx, a, { requestId, sha256: '0'.repeat(64) })],
  ['refuse', 'sign', (a) => refuseRequest(ctx, a, { requestId })],
  ['return', 'sign', (a) => returnRequest(ctx, a, { requestId })],
  ['delegate', 'govern', (a) => delegateRegister(ctx, a, { userId: a.userId, grant: false })],
  ['propose settings', 'manage', (a) => proposeRequestSettings(ctx, a, { answerDelayDays: 10, config: { id: 'namur-test' }, decisionRef: 'SJ test' })],
  ['confirm settings', 'govern', (a) => decideRequestSettings(ctx, a, { proposalId: '00000000-0000-4000-8000-000000000000', confirm: true })],
  ['record a request', 'record', (a) => recordRequest(ctx, a, { request: prosecutorRequest([], []) })],
];

/** A not-found on a made-up id is an answer given past the gate: the actor was allowed to look. */
function notFoundIsPastTheGate(error: { code?: string }): void {
  if (error.code !== 'not-found') throw error;
}

/** 'forbidden', or 'allowed' when the gate let the actor through (whatever the operation then said). */
async function gateOf(run: () => Promise<unknown>): Promise<'allowed' | 'forbidden'> {
  try {
    await run();
    return 'allowed';
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Four eyes refuses the preparer a signature the role would allow: that is past the role gate.
    if (code === 'forbidden') return /prepared an answer/.test((error as Error).message) ? 'allowed' : 'forbidden';
    assert.ok(code && code !== 'internal', `unexpected failure ${String(error)}`);
    return 'allowed';
  }
}

test('every register operation x every role, without and with delegation', async () => {
  const agent = namur.actors['administrative-agent'];
  let checked = 0;
  for (const delegated of [false, true]) {
    if (delegated) await delegateRegister(ctx, namur.actors['directeur-general'], { userId: agent.userId, grant: true, validUntil: addDays(todayIn(ctx.now), 90) });
    for (const role of ROLES) {
      for (const [name, gate, run] of OPERATIONS) {
        if (gate === 'govern' && role === 'directeur-general' && name === 'delegate') continue; // would revoke nobody: not-found is fine too
        const delegate = delegated && role === 'administrative-agent';
        const allowed = EXPECTED[gate].includes(role) || (delegate && DELEGATE_GETS.includes(gate));
        assert.equal(await gateOf(() => run(namur.actors[role])), allowed ? 'allowed' : 'forbidden', `${role}${delegate ? ' (delegate)' : ''}: ${name}`);
        checked += 1;
      }
    }
  }
  assert.ok(checked >= 2 * ROLES.length * (OPERATIONS.length - 1));
});

test('a social worker who forwards a request cannot see it, or the register, afterwards', async () => {
  const worker = namur.actors['other-social-worker'];
  const forwarded = await recordRequest(ctx, worker, {
    request: prosecutorRequest([person.niss], ['identity']),
    reference: 'FWD-1',
    letter: { fileName: 'scan.pdf', mediaType: 'application/pdf', content: Buffer.from('scan') },
  });
  assert.equal(forwarded.forwarded, true);
  await assert.rejects(readRequest(ctx, worker, { requestId: forwarded.requestId }), { code: 'forbidden' });
  await assert.rejects(listRegister(ctx, worker), { code: 'forbidden' });
  await assert.rejects(listOverdue(ctx, worker), { code: 'forbidden' });
  await assert.rejects(renderRequestLetter(ctx, worker, { requestId: forwarded.requestId }), { code: 'forbidden' });
  const seen = await listRegister(ctx, namur.actors.president);
  assert.ok(seen.some((l) => l.requestId === forwarded.requestId && l.reference === 'FWD-1'), 'it reached the register');
  const detail = await readRequest(ctx, namur.actors.president, { requestId: forwarded.requestId });
  assert.equal(detail.forwarded, true);
  assert.equal(detail.history[0]?.comment, 'forwarded');
});

test('another CPAS\'s register does not exist for anyone, whatever the role', async () => {
  for (const role of ['directeur-general', 'president', 'dpo'] as const) {
    await assert.rejects(readRequest(ctx, gent.actors[role], { requestId }), { code: 'not-found' }, role);
    assert.deepEqual(await listRegister(ctx, gent.actors[role]), [], role);
  }
});

test('only administrative agents can be delegated, and a revoked delegate is out again', async () => {
  const dg = namur.actors['directeur-general'];
  for (const role of ROLES.filter((r) => r !== 'administrative-agent')) {
    await assert.rejects(delegateRegister(ctx, dg, { userId: namur.actors[role].userId, grant: true, validUntil: addDays(todayIn(ctx.now), 90) }), { code: 'invalid-input' }, role);
  }
  const agent = namur.actors['administrative-agent'];
  await delegateRegister(ctx, dg, { userId: agent.userId, grant: true, validUntil: addDays(todayIn(ctx.now), 90) });
  await listRegister(ctx, agent);
  await delegateRegister(ctx, namur.actors.president, { userId: agent.userId, grant: false });
  await assert.rejects(listRegister(ctx, agent), { code: 'forbidden' });
});

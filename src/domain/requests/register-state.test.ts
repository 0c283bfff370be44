// The register's state machine, exhaustively: every state x event pair is compared with the moves
// written out a second time below, as the issue describes them. A move added or lost in
// TRANSITIONS makes some pair disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessRequest, DEFAULT_ASSESSMENT_CONFIG, type AssessmentInput } from './assess.ts';
import { dueDateOf, isOverdue } from './deadline.ts';
import {
  assessmentEvent,
  closingAllowed,
  isOpen,
  nextState,
  preparationBlocker,
  REGISTER_EVENTS,
  REGISTER_STATES,
  type RegisterEvent,
  type RegisterState,
} from './register-state.ts';

const ALLOWED: readonly [RegisterState, RegisterEvent, RegisterState][] = [
  ['received', 'record-oral-attempt', 'refused'],
  ['received', 'assess-complete', 'assessed'],
  ['received', 'assess-needs-review', 'legal-review'],
  ['assessed', 'assess-complete', 'assessed'],
  ['assessed', 'assess-needs-review', 'legal-review'],
  ['assessed', 'prepare', 'prepared'],
  ['assessed', 'refuse', 'refused'],
  ['assessed', 'return', 'returned-for-completion'],
  ['legal-review', 'assess-complete', 'assessed'],
  ['legal-review', 'assess-needs-review', 'legal-review'],
  ['legal-review', 'refuse', 'refused'],
  ['legal-review', 'return', 'returned-for-completion'],
  ['prepared', 'assess-complete', 'assessed'],
  ['prepared', 'assess-needs-review', 'legal-review'],
  ['prepared', 'prepare', 'prepared'],
  ['prepared', 'sign', 'signed'],
  ['signed', 'send', 'sent'],
  // The authority completes a returned request: the same entry, received again as its next version.
  ['returned-for-completion', 'complete', 'received'],
];

test('every state x event pair matches the written transition list, and nothing else moves', () => {
  let checked = 0;
  for (const state of REGISTER_STATES) {
    for (const event of REGISTER_EVENTS) {
      const expected = ALLOWED.find(([s, e]) => s === state && e === event)?.[2] ?? null;
      assert.equal(nextState(state, event), expected, `${state} --${event}-->`);
      checked += 1;
    }
  }
  assert.equal(checked, REGISTER_STATES.length * REGISTER_EVENTS.length);
});

test('sent and refused requests are final, a returned one only comes back completed; signed moves only to sent', () => {
  for (const state of ['sent', 'refused'] as const) {
    assert.deepEqual(REGISTER_EVENTS.filter((e) => nextState(state, e) !== null), [], state);
    assert.equal(isOpen(state), false);
  }
  assert.deepEqual(REGISTER_EVENTS.filter((e) => nextState('returned-for-completion', e) !== null), ['complete']);
  assert.equal(isOpen('returned-for-completion'), false, 'nothing is owed until the authority completes it');
  assert.deepEqual(REGISTER_EVENTS.filter((e) => nextState('signed', e) !== null), ['send']);
  assert.equal(isOpen('signed'), true, 'a signed letter not yet sent is still owed');
});

test('every state can be reached from received', () => {
  const seen = new Set<RegisterState>(['received']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [from, , to] of ALLOWED) {
      if (seen.has(from) && !seen.has(to)) {
        seen.add(to);
        grew = true;
      }
    }
  }
  assert.deepEqual([...seen].sort(), [...REGISTER_STATES].sort());
});

const VALID: AssessmentInput = {
  dated: '2026-03-02',
  received: '2026-03-04',
  channel: 'letter',
  author: { role: 'procureur-du-roi' },
  reasoned: true,
  offences: ['140'],
  subjects: [{ niss: '85073003328' }],
  items: ['identity', 'domicile-address'],
};
const assess = (patch: Partial<AssessmentInput>) => assessRequest({ ...VALID, ...patch }, DEFAULT_ASSESSMENT_CONFIG);

test('an assessment holds the request in legal review while any question is the legal service\'s', () => {
  assert.equal(assessmentEvent(assess({})), 'assess-complete');
  assert.equal(assessmentEvent(assess({ items: ['identity', 'household-composition'] })), 'assess-needs-review');
  assert.equal(assessmentEvent(assess({ author: { role: 'procureur-federal' } })), 'assess-needs-review');
  assert.equal(assessmentEvent(assess({ channel: 'phone' })), 'assess-complete', 'a refusal is decided, not reviewed');
});

test('a disclosure is prepared only for an answer with every item decided and every person matched', () => {
  assert.equal(preparationBlocker(assess({}), ['matched', 'no-file']), null);
  assert.match(preparationBlocker(assess({}), ['matched', 'unmatched'])!, /matched/);
  assert.match(preparationBlocker(assess({}), [])!, /no person/);
  assert.match(preparationBlocker(assess({ reasoned: false }), ['matched'])!, /return-for-completion/);
  assert.match(preparationBlocker(assess({ author: { role: 'police' } }), ['matched'])!, /refuse/);
  assert.match(preparationBlocker(assess({ items: ['payment-account'] }), ['matched'])!, /legal service/);
});

test('a request is refused or returned only when its assessment says so, or by the legal service', () => {
  const valid = assess({});
  const police = assess({ author: { role: 'police' } });
  const unreasoned = assess({ reasoned: false });
  assert.equal(closingAllowed('assessed', valid, 'refuse'), false, 'refusing a valid request is fined (R19)');
  assert.equal(closingAllowed('assessed', valid, 'return'), false);
  assert.equal(closingAllowed('assessed', police, 'refuse'), true);
  assert.equal(closingAllowed('assessed', police, 'return'), false);
  assert.equal(closingAllowed('assessed', unreasoned, 'return'), true);
  assert.equal(closingAllowed('assessed', unreasoned, 'refuse'), false);
  assert.equal(closingAllowed('legal-review', valid, 'refuse'), true);
  assert.equal(closingAllowed('legal-review', valid, 'return'), true);
  for (const state of ['received', 'prepared', 'signed', 'sent', 'refused', 'returned-for-completion'] as const) {
    assert.equal(closingAllowed(state, police, 'refuse'), false, state);
  }
});

test('the due date is the one the request names, else reception plus the internal delay', () => {
  assert.deepEqual(dueDateOf('2026-03-04', '2026-03-10', 15), { dueOn: '2026-03-10', source: 'request' });
  assert.deepEqual(dueDateOf('2026-03-04', null, 15), { dueOn: '2026-03-19', source: 'internal-delay' });
  assert.equal(isOverdue('2026-03-19', 'assessed', '2026-03-20'), true);
  assert.equal(isOverdue('2026-03-19', 'assessed', '2026-03-19'), false, 'due today is not overdue');
  assert.equal(isOverdue('2026-03-19', 'sent', '2026-04-20'), false);
});

// The other ends of a request: an oral attempt (closed at once, with the standard reply), a
// refusal and a return for completion (a letter signed in one step, saying nothing of whether the
// person is known), legal review and the legal service's configuration, overdue requests, and the
// yearly statistics of the register.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { STANDARD_REPLY } from '../../domain/requests/standard-reply.ts';
import { SMALL } from '../../domain/requests/statistics.ts';
import type { TestCpas } from '../../testing/fixtures.ts';
import { assessedRequest, prosecutorRequest, openRegisterWorld, type SeededPerson } from '../../testing/requests.ts';
import type { TestDatabase } from '../../testing/test-database.ts';
import type { AppContext } from '../context.ts';
import { assessRecordedRequest } from './assess-request.ts';
import { decideRequestSettings, proposeRequestSettings, readRequestSettings } from './configure-requests.ts';
import { listOverdue } from './list-overdue.ts';
import { markSent } from './mark-sent.ts';
import { prepareDisclosure } from './prepare-disclosure.ts';
import { readDisclosure } from './read-disclosure.ts';
import { readRequest } from './read-request.ts';
import { recordRequest } from './record-request.ts';
import { refuseRequest } from './refuse-request.ts';
import { readRequestStatistics } from './request-statistics.ts';
import { returnRequest } from './return-request.ts';
import { completeReturnedRequest } from './complete-request.ts';

let t: TestDatabase;
let ctx: AppContext;
let namur: TestCpas;
let person: SeededPerson;

before(async () => {
  ({ t, ctx, namur, person } = await openRegisterWorld());
});
after(() => t.drop());

test('an oral request is recorded as an attempt, closed at once, and the caller gets the standard reply', async () => {
  const worker = namur.actors['social-worker'];
  const call = await recordRequest(ctx, worker, {
    request: prosecutorRequest([person.niss], ['domicile-address'], { channel: 'phone', author: { role: 'police', name: 'Inspecteur X' } }),
  });
  assert.equal(call.kind, 'oral-attempt');
  assert.equal(call.standardReply, STANDARD_REPLY.fr);
  assert.match(call.standardReply!, /demande écrite et motivée du procureur du Roi/);
  const detail = await readRequest(ctx, namur.actors['directeur-general'], { requestId: call.requestId });
  assert.equal(detail.state, 'refused');
  assert.deepEqual(detail.history.map((h) => h.toState), ['received', 'refused']);
  assert.equal(detail.assessment?.problems[0]?.code, 'not-written');
  assert.equal(detail.letter, null, 'no letter to a phone call');
});

test('a police letter is refused by a signed letter that says nothing of the person', async () => {
  const dg = namur.actors['directeur-general'];
  const requestId = await assessedRequest(ctx, namur, prosecutorRequest([person.niss], ['identity'], { author: { role: 'police', office: 'Zone de police Namur' } }));
  await assert.rejects(prepareDisclosure(ctx, dg, { requestId }), { code: 'invalid-state' });
  await assert.rejects(returnRequest(ctx, dg, { requestId }), { code: 'invalid-state' }, 'not a request to complete: a wrong author');
  const closed = await refuseRequest(ctx, namur.actors.president, { requestId });
  assert.equal(closed.state, 'refused');
  const letter = await readDisclosure(ctx, dg, { requestId });
  assert.ok(letter.content.kind === 'refusal');
  assert.deepEqual(letter.content.grounds, ['author-not-authorised']);
  const text = JSON.stringify(letter.content);
  assert.ok(!text.includes(person.niss) && !text.includes(person.familyName), 'no person in a refusal');
  const detail = await readRequest(ctx, dg, { requestId });
  assert.equal(detail.letter?.signedBy, namur.actors.president.userId);
  assert.equal(detail.letter?.signatoryRole, 'president');
  const sent = await markSent(ctx, dg, { requestId });
  assert.equal(sent.state, 'refused', 'sending a refusal only records the date');
  await assert.rejects(markSent(ctx, dg, { requestId }), { code: 'invalid-state' });
});

test('an unreasoned request is returned for completion, by a signatory only', async () => {
  const requestId = await assessedRequest(ctx, namur, prosecutorRequest([person.niss], ['identity'], { reasoned: false }));
  await assert.rejects(refuseRequest(ctx, namur.actors['directeur-general'], { requestId }), { code: 'invalid-state' });
  await assert.rejects(returnRequest(ctx, namur.actors.dpo, { requestId }), { code: 'forbidden' });
  const closed = await returnRequest(ctx, namur.actors['directeur-general'], { requestId });
  assert.equal(closed.state, 'returned-for-completion');
  const letter = await readDisclosure(ctx, namur.actors['directeur-general'], { requestId });
  assert.ok(letter.content.kind === 'return-for-completion');
  assert.deepEqual(letter.content.grounds, ['not-reasoned']);

  // The prosecutor completes it: the same entry, its next version, assessed again; the first kept.
  const dg = namur.actors['directeur-general'];
  const completed = prosecutorRequest([person.niss], ['identity'], { reasoned: true });
  await assert.rejects(completeReturnedRequest(ctx, dg, { requestId, request: { ...completed, channel: 'phone' } }), { code: 'invalid-input', field: 'request.channel' });
  await assert.rejects(completeReturnedRequest(ctx, namur.actors['social-worker'], { requestId, request: completed }), { code: 'forbidden' });
  const again = await completeReturnedRequest(ctx, dg, { requestId, request: completed, reasonsText: 'Financement présumé d’un groupe terroriste.' });
  assert.deepEqual(again, { version: 2, state: 'assessed' });
  const detail = await readRequest(ctx, dg, { requestId });
  assert.equal(detail.reasoned, true);
  assert.equal(detail.assessment?.outcome, 'answer');
  assert.deepEqual(detail.history.map((h) => h.toState), ['received', 'assessed', 'returned-for-completion', 'received', 'assessed']);
  await assert.rejects(completeReturnedRequest(ctx, dg, { requestId, request: completed }), { code: 'invalid-state' }, 'only a returned request is completed');
});

test('an open category holds the request in legal review until the legal service decides it', async () => {
  const dg = namur.actors['directeur-general'];
  const requestId = await assessedRequest(ctx, namur, prosecutorRequest([person.niss], ['identity', 'household-composition']), { files: [person.personId] });
  assert.equal((await readRequest(ctx, dg, { requestId })).state, 'legal-review');
  await assert.rejects(prepareDisclosure(ctx, dg, { requestId }), { code: 'invalid-state' });
  await assert.rejects(
    proposeRequestSettings(ctx, dg, { answerDelayDays: 10, decisionRef: 'SJ', config: { id: 'namur-bad', itemOverrides: { 'social-report': { decision: 'disclose', reason: 'x', ref: 'x' } } } }),
    { code: 'invalid-input', message: /professional secrecy/ },
    'no configuration reopens a secret',
  );
  const { proposalId } = await proposeRequestSettings(ctx, dg, {
    answerDelayDays: 10,
    decisionRef: 'Service juridique, avis du 2026-03-05',
    config: {
      id: 'namur-2026-03',
      itemOverrides: { 'household-composition': { decision: 'withhold', reason: 'Le ménage concerne d\'autres personnes que celle nommée.', ref: 'Service juridique, avis du 2026-03-05' } },
    },
  });
  // Nothing changes on one person's word: the proposer cannot confirm, the président can.
  await assert.rejects(decideRequestSettings(ctx, dg, { proposalId, confirm: true }), { code: 'forbidden' });
  assert.equal((await readRequestSettings(ctx, namur.actors.dpo)).version, 0, 'a proposal is not a version');
  const decided = await decideRequestSettings(ctx, namur.actors.president, { proposalId, confirm: true });
  assert.equal(decided.version, 1);
  await assert.rejects(decideRequestSettings(ctx, namur.actors.president, { proposalId, confirm: false }), { code: 'invalid-state' });
  assert.equal((await readRequestSettings(ctx, namur.actors.dpo)).config.id, 'namur-2026-03');
  const again = await assessRecordedRequest(ctx, dg, { requestId });
  assert.equal(again.state, 'assessed');
  assert.equal(again.settingsVersion, 1);
  assert.equal(again.assessment.configuration.id, 'namur-2026-03');
  const draft = await prepareDisclosure(ctx, dg, { requestId });
  assert.deepEqual(draft.withheld.map((i) => [i.item, i.decision]), [['household-composition', 'withhold']]);
  assert.ok(draft.content.kind === 'answer' && draft.content.configuration.settingsVersion === 1);
  assert.ok(!JSON.stringify(draft.content.subjects).includes('Léa'), 'the household member is not in the answer');
});

test('in legal review, the legal service may refuse, and must say why', async () => {
  const dg = namur.actors['directeur-general'];
  const requestId = await assessedRequest(ctx, namur, prosecutorRequest([person.niss], ['identity'], { author: { role: 'juge-instruction' } }));
  assert.equal((await readRequest(ctx, dg, { requestId })).state, 'legal-review');
  await assert.rejects(refuseRequest(ctx, dg, { requestId }), { code: 'invalid-input', message: /comment/ });
  await refuseRequest(ctx, dg, { requestId, comment: 'Saisie à organiser sur une autre base légale; avis juridique 2026-03-05.' });
  const detail = await readRequest(ctx, dg, { requestId });
  assert.equal(detail.history.at(-1)?.comment, 'Saisie à organiser sur une autre base légale; avis juridique 2026-03-05.');
  const letter = await readDisclosure(ctx, dg, { requestId });
  assert.ok(letter.content.kind === 'refusal');
  assert.deepEqual(letter.content.grounds, ['legal-service-decision']);
  assert.ok(!JSON.stringify(letter.content).includes('Saisie'), 'the internal comment stays in the register');
});

test('overdue: past the date the request names, else past reception plus the CPAS delay', async () => {
  const dg = namur.actors['directeur-general'];
  const named = await recordRequest(ctx, dg, { request: prosecutorRequest([person.niss], ['identity']), answerBy: '2026-03-05', reference: 'DUE-NAMED' });
  const internal = await recordRequest(ctx, dg, { request: prosecutorRequest([person.niss], ['identity'], { received: '2026-02-20' }), reference: 'DUE-INTERNAL' });
  const fresh = await recordRequest(ctx, dg, { request: prosecutorRequest([person.niss], ['identity']), reference: 'NOT-DUE' });
  const overdue = (await listOverdue(ctx, dg)).map((l) => l.reference);
  assert.ok(overdue.includes('DUE-NAMED'), 'answer by 2026-03-05, today 2026-03-06');
  assert.ok(overdue.includes('DUE-INTERNAL'), 'received 2026-02-20 + 10 days (settings version 1)');
  assert.ok(!overdue.includes('NOT-DUE'));
  const detail = await readRequest(ctx, dg, { requestId: internal.requestId });
  assert.equal(detail.dueOn, '2026-03-02');
  assert.equal(detail.overdue, true);
  assert.ok([named.requestId, fresh.requestId].every(Boolean));
});

test('statistics of the year: counts by author, channel and outcome, small counts suppressed', async () => {
  const stats = await readRequestStatistics(ctx, namur.actors.dpo, { year: 2026 });
  const byName = Object.fromEntries(stats.tables.map((tb) => [tb.name, tb]));
  assert.equal(byName.outcomes?.cells.refused, SMALL);
  assert.equal(byName['received-by-channel']?.cells.phone, SMALL);
  assert.equal(byName['received-by-author-role']?.cells['procureur-federal'], 0);
  for (const table of stats.tables) {
    for (const cell of [table.total, ...Object.values(table.cells)]) assert.ok(!(typeof cell === 'number' && cell >= 1 && cell <= 4));
  }
  assert.ok(!JSON.stringify(stats).includes(person.niss));
  await assert.rejects(readRequestStatistics(ctx, namur.actors['social-worker'], { year: 2026 }), { code: 'forbidden' });
});

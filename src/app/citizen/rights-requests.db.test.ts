// Rights requests end to end on the use cases: from the portal and at the desk, the deadline and
// its one extension (with the reason the person sees), the four-eyes release of a redacted copy,
// and that only the approved redacted PDF ever leaves, to its own person only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DomainError } from '../../domain/errors.ts';
import { addTestCpas, testContext, type TestCpas } from '../../testing/fixtures.ts';
import { pdfTestSkip, pdfText } from '../../testing/pdf-text.ts';
import { seedPersonFile, type SeededPerson } from '../../testing/requests.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import type { AppContext } from '../context.ts';
import type { CitizenActor } from './citizen-session.ts';
import { approveCopy, extendRightsDeadline, listRightsQueue, markAnswered, recordDeskRequest, redactCopy } from './handle-rights-requests.ts';
import { downloadMyCopy, myRightsRequests, submitRightsRequest } from './rights-requests.ts';

let t: TestDatabase;
let ctx: AppContext;
let cpas: TestCpas;
let person: SeededPerson;
let neighbour: SeededPerson;
let me: CitizenActor;
let them: CitizenActor;

before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db, () => new Date('2026-01-31T10:00:00Z'));
  cpas = await addTestCpas(t.db, 'namur');
  person = await seedPersonFile(ctx, cpas, { canary: 'RIGHTS-CANARY' });
  neighbour = await seedPersonFile(ctx, cpas, { canary: 'RIGHTS-NEIGHBOUR' });
  me = { cpasId: cpas.cpasId, personId: person.personId };
  them = { cpasId: cpas.cpasId, personId: neighbour.personId };
});
after(() => t.drop());

const code = (c: string) => (e: unknown) => e instanceof DomainError && e.code === c;
const newest = async (citizen: CitizenActor) => (await myRightsRequests(ctx, citizen))[0]!;

test('a request from the portal is due one month after receipt and visible to the person', async () => {
  await submitRightsRequest(ctx, me, { kind: 'copy', statement: '' });
  const mine = await newest(me);
  assert.deepEqual([mine.kind, mine.state, mine.receivedOn, mine.dueOn, mine.copyReady], ['copy', 'received', '2026-01-31', '2026-02-28', false]);
  assert.equal((await myRightsRequests(ctx, them)).length, 0, 'not in another person’s list');
  const queue = await listRightsQueue(ctx, cpas.actors['administrative-agent']);
  assert.ok(queue.some((q) => q.requestId === mine.requestId && q.dueOn === '2026-02-28'));
});

test('bad input names the field; a correction must say what', async () => {
  await assert.rejects(submitRightsRequest(ctx, me, { kind: 'delete-everything', statement: '' }), (e: unknown) => e instanceof DomainError && e.field === 'kind');
  await assert.rejects(submitRightsRequest(ctx, me, { kind: 'correction', statement: ' ' }), (e: unknown) => e instanceof DomainError && e.field === 'statement');
  await assert.rejects(submitRightsRequest(ctx, me, { kind: 'objection', statement: 'x'.repeat(2001) }), (e: unknown) => e instanceof DomainError && e.field === 'statement');
});

test('at the desk: recorded by an agent; refused to a role without administrative write, and the queue too', async () => {
  const { requestId } = await recordDeskRequest(ctx, cpas.actors['administrative-agent'], { personId: person.personId, kind: 'correction', statement: 'Mon adresse a changé' });
  assert.ok((await myRightsRequests(ctx, me)).some((r) => r.requestId === requestId && r.kind === 'correction'));
  await assert.rejects(recordDeskRequest(ctx, cpas.actors['council-member'], { personId: person.personId, kind: 'copy', statement: '' }), code('forbidden'));
  await assert.rejects(listRightsQueue(ctx, cpas.actors.dpo), code('forbidden'));
  await assert.rejects(redactCopy(ctx, cpas.actors['social-worker'], { requestId, title: 'x', redactedText: 'x' }), code('invalid-state'), 'no copy steps on a correction');
  await markAnswered(ctx, cpas.actors['administrative-agent'], { requestId });
  assert.equal((await myRightsRequests(ctx, me)).find((r) => r.requestId === requestId)!.state, 'answered');
});

test('the deadline is extended once by two months, with a reason the person sees', async () => {
  const { requestId } = (await newest(me));
  await assert.rejects(extendRightsDeadline(ctx, cpas.actors['head-of-social-service'], { requestId, reason: 'court' }), (e: unknown) => e instanceof DomainError && e.field === 'reason');
  const { dueOn } = await extendRightsDeadline(ctx, cpas.actors['head-of-social-service'], { requestId: (await myRightsRequests(ctx, me)).find((r) => r.kind === 'copy')!.requestId, reason: 'Vos rapports couvrent dix ans et mentionnent de nombreux tiers.' });
  assert.equal(dueOn, '2026-04-28');
  const copy = (await myRightsRequests(ctx, me)).find((r) => r.kind === 'copy')!;
  assert.equal(copy.dueOn, '2026-04-28');
  assert.match(copy.extensionReason ?? '', /nombreux tiers/);
  await assert.rejects(extendRightsDeadline(ctx, cpas.actors['head-of-social-service'], { requestId: copy.requestId, reason: 'Encore deux mois de plus.' }), code('invalid-state'));
});

test('four eyes: only an approved redaction leaves, approved by a head who did not redact it, to its own person only', { skip: pdfTestSkip() }, async () => {
  const { requestId } = (await myRightsRequests(ctx, me)).find((r) => r.kind === 'copy')!;
  const head = cpas.actors['head-of-social-service'];
  await assert.rejects(downloadMyCopy(ctx, me, { requestId }), code('not-found'), 'nothing before redaction');
  await assert.rejects(approveCopy(ctx, head, { requestId }), code('invalid-state'), 'nothing to approve yet');
  await assert.rejects(redactCopy(ctx, cpas.actors['other-social-worker'], { requestId, title: 'Copie', redactedText: 'x' }), code('forbidden'), 'a worker not on the case');
  await assert.rejects(redactCopy(ctx, cpas.actors['administrative-agent'], { requestId, title: 'Copie', redactedText: 'x' }), code('forbidden'));
  await redactCopy(ctx, head, { requestId, title: 'Copie de vos rapports sociaux', redactedText: 'Rapport du 20 janvier 2026 : [passage concernant un tiers retiré]. FIRST-REDACTION' });
  await assert.rejects(downloadMyCopy(ctx, me, { requestId }), code('not-found'), 'nothing before approval');
  await assert.rejects(approveCopy(ctx, head, { requestId }), code('forbidden'), 'the redactor does not approve their own redaction');
  await assert.rejects(approveCopy(ctx, cpas.actors['social-worker'], { requestId }), code('forbidden'), 'a worker does not approve');
  await redactCopy(ctx, cpas.actors['social-worker'], { requestId, title: 'Copie de vos rapports sociaux', redactedText: 'Rapport du 20 janvier 2026 : situation résumée, tiers retirés. APPROVED-REDACTION' });
  await approveCopy(ctx, head, { requestId });
  assert.equal((await myRightsRequests(ctx, me)).find((r) => r.requestId === requestId)!.copyReady, true);
  await assert.rejects(downloadMyCopy(ctx, them, { requestId }), code('not-found'), 'another person cannot download it');
  await assert.rejects(downloadMyCopy(ctx, { cpasId: cpas.cpasId, personId: null }, { requestId }), code('not-found'));
  const text = pdfText(await downloadMyCopy(ctx, me, { requestId }));
  assert.match(text, /APPROVED-REDACTION/);
  assert.ok(!text.includes('FIRST-REDACTION'));
  for (const canary of person.canaries) assert.ok(!text.includes(canary), `the copy shows ${canary}`);
  assert.equal((await myRightsRequests(ctx, me)).find((r) => r.requestId === requestId)!.state, 'released');
  await assert.rejects(redactCopy(ctx, cpas.actors['social-worker'], { requestId, title: 'x', redactedText: 'after release' }), code('invalid-state'));
  const log = await t.db.ownerTransaction((tx) => tx.query<{ entry_text: string }>(`SELECT entry_text FROM access_log_entry WHERE cpas_id = $1 AND entry_text LIKE '%citizen-copy-release%'`, [cpas.cpasId]));
  assert.equal(log.length, 1, 'the release is logged');
  assert.match(log[0]!.entry_text, /"actor":"person"/);
});

test('the database itself refuses an approval by the redactor', async () => {
  const { requestId } = (await myRightsRequests(ctx, me)).find((r) => r.kind === 'copy')!;
  await assert.rejects(t.db.ownerTransaction((tx) => tx.query('UPDATE rights_request SET approved_by = redacted_by WHERE cpas_id = $1 AND request_id = $2', [cpas.cpasId, requestId])));
});

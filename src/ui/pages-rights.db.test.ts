// The staff queue of rights requests through fastify's inject: a request recorded at the desk
// appears with its deadline; an extension needs a reason (400 naming the field); the social worker
// on the case redacts a copy, the head of social service approves it; the DPO has no queue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { listRightsQueue, recordDeskRequest } from '../app/citizen/handle-rights-requests.ts';
import { myRightsRequests } from '../app/citizen/rights-requests.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let world: UiWorld;
let requestId = '';
before(async () => {
  world = await openUiWorld(() => new Date('2026-11-28T09:00:00Z'));
  const agent = world.fx.namur.actors.agent!;
  ({ requestId } = await recordDeskRequest(world.ctx, agent, { personId: world.fx.namur.persons.dubois!, kind: 'copy', statement: '' }));
});
after(() => world?.close());

test('the queue shows the request with its deadline, to the desk; the DPO is refused', async () => {
  const agent = await logInAs(world.app, 'agent@namur');
  const queue = await agent.get('/rights-requests');
  assert.equal(queue.status, 200);
  assert.match(queue.body, /Copie des rapports sociaux \(art\. 15\)/);
  assert.match(queue.body, /28 décembre 2026/);
  const dpo = await logInAs(world.app, 'dpo@namur');
  assert.equal((await dpo.get('/rights-requests')).status, 403);
  assert.equal((await agent.get('/rights-requests/not-an-id')).status, 404);
});

test('an extension without a reason is a 400 naming the field; with one, two more months', async () => {
  const agent = await logInAs(world.app, 'agent@namur');
  await agent.get(`/rights-requests/${requestId}`);
  const bad = await agent.post(`/rights-requests/${requestId}/extend`, { reason: 'court' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /href="#reason"/);
  const good = await agent.post(`/rights-requests/${requestId}/extend`, { reason: 'Dossier de dix ans, nombreux tiers à retirer.' });
  assert.equal(good.status, 303);
  const page = await agent.get(`/rights-requests/${requestId}`);
  assert.match(page.body, /28 février 2027/);
});

test('the worker on the case redacts, the head approves, and the person can download', async () => {
  const worker = await logInAs(world.app, 'assistant-social@namur');
  await worker.get(`/rights-requests/${requestId}`);
  assert.equal((await worker.post(`/rights-requests/${requestId}/redact`, { redactedText: ' ' })).status, 400);
  assert.equal((await worker.post(`/rights-requests/${requestId}/redact`, { redactedText: 'Rapport résumé, tiers retirés.' })).status, 303);
  assert.equal((await worker.post(`/rights-requests/${requestId}/approve`, {})).status, 403, 'a worker does not approve');
  const head = await logInAs(world.app, 'responsable@namur');
  await head.get(`/rights-requests/${requestId}`);
  assert.equal((await head.post(`/rights-requests/${requestId}/approve`, {})).status, 303);
  const mine = await myRightsRequests(world.ctx, { cpasId: world.fx.namur.cpasId, personId: world.fx.namur.persons.dubois! });
  assert.equal(mine[0]!.copyReady, true);
});

test('the person’s words are read by the social worker on the case, not by the desk', async () => {
  const agentActor = world.fx.namur.actors.agent!;
  const { requestId: correction } = await recordDeskRequest(world.ctx, agentActor, { personId: world.fx.namur.persons.dubois!, kind: 'correction', statement: 'STATEMENT-CANARY: mon adresse est fausse' });
  const agent = await logInAs(world.app, 'agent@namur');
  const atDesk = await agent.get(`/rights-requests/${correction}`);
  assert.equal(atDesk.status, 200);
  assert.ok(!atDesk.body.includes('STATEMENT-CANARY'));
  const worker = await logInAs(world.app, 'assistant-social@namur');
  assert.match((await worker.get(`/rights-requests/${correction}`)).body, /STATEMENT-CANARY/);
  await agent.get(`/rights-requests/${correction}`);
  assert.equal((await agent.post(`/rights-requests/${correction}/answer`, {})).status, 303);
  assert.ok(!(await agent.get('/rights-requests')).body.includes(correction), 'answered: out of the queue');
});

test('at the desk: the form from the file, bad input names the field and keeps the words, refused before typing to other roles', async () => {
  const personId = world.fx.namur.persons.gerard!;
  const agent = await logInAs(world.app, 'agent@namur');
  const form = await agent.get(`/persons/${personId}/rights-requests/new`);
  assert.equal(form.status, 200);
  assert.match(form.body, new RegExp(`<form method="post" action="/persons/${personId}/rights-requests"`));
  const noKind = await agent.post(`/persons/${personId}/rights-requests`, { kind: 'erase-everything', statement: '' });
  assert.equal(noKind.status, 400);
  assert.match(noKind.body, /href="#kind"/);
  assert.doesNotMatch(noKind.body, /erase-everything/, 'the value is not echoed');
  const empty = await agent.post(`/persons/${personId}/rights-requests`, { kind: 'correction', statement: '   ' });
  assert.equal(empty.status, 400);
  assert.match(empty.body, /href="#statement"/);
  const words = 'Mon adresse est rue des Tanneurs 12, pas 21.';
  const tooLong = await agent.post(`/persons/${personId}/rights-requests`, { kind: 'correction', statement: `${words} ${'x'.repeat(2000)}` });
  assert.equal(tooLong.status, 400);
  assert.match(tooLong.body, /Mon adresse est rue des Tanneurs 12/, 'what was typed stays in the form');
  const before = (await listOpen()).length;
  const done = await agent.post(`/persons/${personId}/rights-requests`, { kind: 'correction', statement: words });
  assert.equal(done.location, `/persons/${personId}?saved=rights-request`);
  assert.equal((await listOpen()).length, before + 1, 'one request recorded, none for the refused attempts');
  for (const login of ['dpo@namur', 'president@namur', 'directrice@namur']) {
    const client = await logInAs(world.app, login);
    assert.equal((await client.get(`/persons/${personId}/rights-requests/new`)).status, 403, login);
  }
  const gent = await logInAs(world.app, 'directeur@gent');
  await gent.get('/');
  const foreign = await gent.post(`/persons/${personId}/rights-requests`, { kind: 'copy', statement: '' });
  assert.ok(foreign.status === 403 || foreign.status === 404, `another CPAS: ${foreign.status}`);
  assert.equal((await listOpen()).length, before + 1, 'nothing recorded from another CPAS');
});

const listOpen = () => listRightsQueue(world.ctx, world.fx.namur.actors.agent!);

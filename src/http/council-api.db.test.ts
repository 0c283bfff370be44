// The council's agenda over the API: the decision is validated by the page's schema (a 400 names
// the field and repeats no value), recorded for a member, refused to staff; the sessions list
// names no person.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { submitApplication } from '../app/add-person-records.ts';
import { createApiToken } from '../app/authenticate.ts';
import { createCouncilSession } from '../app/council/create-council-session.ts';
import { placeOnAgenda } from '../app/council/place-on-agenda.ts';
import { createPerson } from '../app/create-person.ts';
import { addTestCpas, assignConfirmed, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let app: FastifyInstance;
let namur: TestCpas;
let itemId = '';
const bearer = async (role: keyof TestCpas['actors']) => ({ authorization: `Bearer ${(await createApiToken(testContext(t.db), namur.actors[role], 'api')).token}` });

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db);
  namur = await addTestCpas(t.db, 'namur');
  const { personId } = await createPerson(ctx, namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Lambert', givenNames: 'Sophie' } });
  const { applicationId } = await submitApplication(ctx, namur.actors['administrative-agent'], {
    personId, purpose: 'intake', application: { kind: 'revenu-integration', submittedOn: '2026-11-02', channel: 'desk', communicated: {} },
  });
  await assignConfirmed(ctx, namur, { personId, userId: namur.actors['social-worker'].userId });
  const { sessionId } = await createCouncilSession(ctx, namur.actors['administrative-agent'], { body: 'conseil-action-sociale', meetingDate: '2026-12-10' });
  ({ itemId } = await placeOnAgenda(ctx, namur.actors['social-worker'], { personId, placement: { sessionId, applicationId } }));
  app = await buildServer(ctx);
});
after(async () => {
  await app?.close();
  await t?.drop();
});

test('a decision with a cross-field fault is a 400 naming the field, without the value', async () => {
  const headers = await bearer('council-member');
  const res = await app.inject({ method: 'POST', url: `/api/v1/agenda-items/${itemId}/decision`, headers, payload: { outcome: 'refused', amountCents: 987654, motivation: 'Ressources suffisantes.' } });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().message, /amountCents/);
  assert.ok(!res.body.includes('987654'));
});

test('staff are refused; the member records the decision once; the sessions list counts it and names nobody', async () => {
  const decision = { outcome: 'granted', amountCents: 126317, periodFrom: '2027-01-01', periodTo: null, motivation: 'Conditions remplies.' };
  const url = `/api/v1/agenda-items/${itemId}/decision`;
  assert.equal((await app.inject({ method: 'POST', url, headers: await bearer('social-worker'), payload: decision })).statusCode, 403);
  const done = await app.inject({ method: 'POST', url, headers: await bearer('council-member'), payload: decision });
  assert.equal(done.statusCode, 201, done.body);
  assert.match(done.json().decisionId, /^[0-9a-f-]{36}$/);
  assert.equal((await app.inject({ method: 'POST', url, headers: await bearer('president'), payload: decision })).statusCode, 409);
  const list = await app.inject({ method: 'GET', url: '/api/v1/council-sessions', headers: await bearer('president') });
  assert.equal(list.statusCode, 200);
  assert.deepEqual(list.json().sessions.map((s: { items: number; decided: number }) => [s.items, s.decided]), [[1, 1]]);
  assert.ok(!list.body.includes('Lambert'));
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/council-sessions', headers: await bearer('dpo') })).statusCode, 403);
});

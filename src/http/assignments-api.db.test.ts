// The assignment endpoints and the DPO's finder over HTTP: list, assign, end (head of social
// service only, a calendar date, 400 naming the field), and the finder that answers the DPO with
// names and birth dates but no national number.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/authenticate.ts';
import { createPerson } from '../app/create-person.ts';
import { makeNiss } from '../domain/niss.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let app: FastifyInstance;
let namur: TestCpas;
let personId = '';
const tokens: Record<string, string> = {};

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db);
  namur = await addTestCpas(t.db, 'namur');
  for (const [name, actor] of Object.entries(namur.actors)) tokens[name] = (await createApiToken(ctx, actor, 'test')).token;
  ({ personId } = await createPerson(ctx, namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Renard', givenNames: 'Léa', birthDate: '1990-05-04', niss: makeNiss('1990-05-04', 66) } }));
  app = await buildServer(ctx);
});
after(async () => {
  await app?.close();
  await t.drop();
});

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });

test('assign, list and end an assignment; refusals and bad dates answer 4xx naming the field', async () => {
  const worker = namur.actors['social-worker'].userId;
  const assigned = await call('head-of-social-service', 'POST', `/persons/${personId}/assignments`, { userId: worker, assignedFrom: '2026-11-01' });
  assert.equal(assigned.statusCode, 201, assigned.body);
  const { assignmentId } = assigned.json() as { assignmentId: string };
  const listed = await call('directeur-general', 'GET', `/persons/${personId}/assignments`);
  assert.equal(listed.statusCode, 200);
  assert.deepEqual(listed.json().assignments.map((a: { assignmentId: string; workerName: string }) => [a.assignmentId, a.workerName]), [[assignmentId, 'social-worker']]);
  assert.equal(listed.json().mayEnd, false);
  assert.equal((await call('social-worker', 'GET', '/assignments')).statusCode, 403);

  assert.equal((await call('directeur-general', 'POST', `/assignments/${assignmentId}/end`, { endsOn: '2026-11-30' })).statusCode, 403);
  const bad = await call('head-of-social-service', 'POST', `/assignments/${assignmentId}/end`, { endsOn: '30/11/2026' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().message, /endsOn/);
  assert.doesNotMatch(bad.body, /30\/11\/2026/, 'never echoed');
  const early = await call('head-of-social-service', 'POST', `/assignments/${assignmentId}/end`, { endsOn: '2026-10-01' });
  assert.equal(early.statusCode, 400);
  assert.match(early.json().message, /endsOn/);
  const ended = await call('head-of-social-service', 'POST', `/assignments/${assignmentId}/end`, { endsOn: '2026-11-30' });
  assert.deepEqual(ended.json(), { assignmentId, personId, assignedUntil: '2026-11-30' });
});

test('the DPO finds a person: name and birth date, no national number; no one else may', async () => {
  const found = await call('dpo', 'POST', '/audit/persons/search', { name: 'renard' });
  assert.equal(found.statusCode, 200);
  assert.deepEqual(found.json(), { persons: [{ personId, familyName: 'Renard', givenNames: 'Léa', birthDate: '1990-05-04' }] });
  assert.equal((await call('administrative-agent', 'POST', '/audit/persons/search', { name: 'renard' })).statusCode, 403);
  const none = await call('dpo', 'POST', '/audit/persons/search', {});
  assert.equal(none.statusCode, 400);
  assert.match(none.json().message, /niss/);
});

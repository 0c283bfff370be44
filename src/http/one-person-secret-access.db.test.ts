// Issue 8, secrecy hole 1, as a new user would try it: the IT administrator or the directeur
// général creates an account with a role that opens secret content, with a password they chose
// (or, on the API, any password), logs in with it and reads a social report. Whatever the API
// answers, the creator must never read the planted canary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/authenticate.ts';
import { createPerson } from '../app/create-person.ts';
import { writeSecretRecord } from '../app/write-secret-record.ts';
import { addTestCpas, assignConfirmed, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let app: FastifyInstance;
let namur: TestCpas;
let personId = '';
const CANARY = 'CANARY-hole1-social-report-5b2e';
const CHOSEN = 'chosen-by-the-creator-2026';

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db);
  namur = await addTestCpas(t.db, 'namur');
  app = await buildServer(ctx);
  ({ personId } = await createPerson(ctx, namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Canary', givenNames: 'Hole' } }));
  await assignConfirmed(ctx, namur, { personId, userId: namur.actors['social-worker'].userId });
  await writeSecretRecord(ctx, namur.actors['social-worker'], {
    personId, purpose: 'case-follow-up', kind: 'social-report', date: '2026-11-20', plain: { language: 'fr' }, sealed: { situation: CANARY, assessment: CANARY },
  });
});
after(async () => {
  await app?.close();
  await t.drop();
});

for (const creator of ['it-admin', 'directeur-general'] as const) {
  for (const role of ['head-of-social-service', 'social-worker'] as const) {
    test(`${creator} creates a ${role} account with a chosen password and never reads the social report through it`, async () => {
      const ctx = testContext(t.db);
      const token = (await createApiToken(ctx, namur.actors[creator], 'test')).token;
      const auth = { authorization: `Bearer ${token}` };
      const username = `mole-${creator}-${role}`.slice(0, 60);
      let made = await app.inject({ method: 'POST', url: '/api/v1/users', headers: auth, payload: { username, displayName: 'Mole', roles: [role], password: CHOSEN } });
      assert.ok(made.statusCode < 500, made.body);
      // Refused with a password: try again without, and use whatever the creator is shown.
      if (made.statusCode === 400) made = await app.inject({ method: 'POST', url: '/api/v1/users', headers: auth, payload: { username, displayName: 'Mole', roles: [role] } });
      const answer = made.statusCode === 201 ? (made.json() as { userId: string; activationCode?: string }) : null;
      if (answer?.activationCode) {
        const activated = await app.inject({ method: 'POST', url: '/api/v1/activation', payload: { login: `${username}@namur`, code: answer.activationCode, newPassword: CHOSEN } });
        assert.equal(activated.statusCode, 200, 'the creator can open the account itself: it holds no secret role for that');
        const grants = await app.inject({ method: 'GET', url: '/api/v1/role-grants', headers: auth });
        assert.equal(grants.statusCode, 403, 'the creator sees no grant to confirm');
      }
      if (answer && role === 'social-worker') {
        await app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/assignments`, headers: auth, payload: { userId: answer.userId, assignedFrom: '2026-01-01' } });
      }
      const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: `${username}@namur`, password: CHOSEN } });
      const cookie = login.cookies.find((c) => c.name === 'confiance_session');
      for (const purpose of ['case-follow-up', 'supervision']) {
        const read = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=${purpose}`, headers: cookie ? { cookie: `confiance_session=${cookie.value}` } : auth });
        assert.ok(!read.body.includes(CANARY), `${creator} read the social report through the ${role} account it created (${purpose})`);
      }
    });
  }
}

test('through the API, two distinct persons and the holder open a case to a new worker; bad input is a 4xx naming the field', async () => {
  const ctx = testContext(t.db);
  const bearer = async (who: keyof TestCpas['actors']) => ({ authorization: `Bearer ${(await createApiToken(ctx, namur.actors[who], 'test')).token}` });
  const director = await bearer('directeur-general');
  const head = await bearer('head-of-social-service');
  const made = await app.inject({ method: 'POST', url: '/api/v1/users', headers: director, payload: { username: 'api-worker', displayName: 'API Worker', roles: ['social-worker'] } });
  assert.equal(made.statusCode, 201, made.body);
  const { userId, activationCode, pendingRoles } = made.json() as { userId: string; activationCode: string; pendingRoles: string[] };
  assert.deepEqual(pendingRoles, ['social-worker']);
  const grants = (await app.inject({ method: 'GET', url: '/api/v1/role-grants', headers: head })).json() as { grants: { grantId: string; userId: string }[] };
  const grant = grants.grants.find((g) => g.userId === userId)!;
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/role-grants/${grant.grantId}/confirmation`, headers: director })).statusCode, 403, 'the grantor confirms nothing');
  const confirmed = await app.inject({ method: 'POST', url: `/api/v1/role-grants/${grant.grantId}/confirmation`, headers: head });
  assert.equal(confirmed.statusCode, 201, confirmed.body);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/role-grants/${grant.grantId}/confirmation`, headers: head })).statusCode, 409, 'confirmed once');
  const activated = await app.inject({ method: 'POST', url: '/api/v1/activation', payload: { login: 'api-worker@namur', code: activationCode, newPassword: 'api-worker-password', confirmationCode: (confirmed.json() as { confirmationCode: string }).confirmationCode } });
  assert.equal(activated.statusCode, 200, activated.body);
  assert.deepEqual(activated.json(), { roles: ['social-worker'] });
  const proposal = await app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/assignments`, headers: director, payload: { userId, assignedFrom: '2026-01-01' } });
  assert.equal(proposal.statusCode, 201);
  const { proposalId, state } = proposal.json() as { proposalId: string; state: string };
  assert.equal(state, 'pending-confirmation');
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/assignment-proposals/${proposalId}/confirmation`, headers: head })).statusCode, 201);
  const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'api-worker@namur', password: 'api-worker-password' } });
  const cookie = login.cookies.find((c) => c.name === 'confiance_session')!;
  const read = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=case-follow-up`, headers: { cookie: `confiance_session=${cookie.value}` } });
  assert.ok(read.body.includes(CANARY), 'the worker reads the report');

  for (const [url, payload, field] of [
    ['/api/v1/activation', {}, 'login'],
    ['/api/v1/activation', { login: 'api-worker@namur', code: 'x', newPassword: 'short' }, 'newPassword'],
    ['/api/v1/activation', { login: 'api-worker@namur', code: 'x', newPassword: 'long-enough-pass', confirmationCode: '!!' }, 'confirmationCode'],
  ] as const) {
    const res = await app.inject({ method: 'POST', url, payload });
    assert.equal(res.statusCode, 400, `${url} ${res.body}`);
    assert.match((res.json() as { message: string }).message, new RegExp(field));
  }
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/role-grants/not-a-uuid/confirmation', headers: head })).statusCode, 400);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/role-grants/00000000-0000-4000-8000-000000000000/confirmation', headers: head })).statusCode, 404);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/users/${userId}/roles`, headers: director, payload: { role: 'wizard' } })).statusCode, 400);
});

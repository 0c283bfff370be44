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

// The HTTP API end to end on a real database: authentication, the policy behind every path,
// one access-log entry per read in the same transaction, and clear 400s naming the field.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/authenticate.ts';
import { assignCase } from '../app/manage-staff.ts';
import { makeNiss } from '../domain/niss.ts';
import { ROLES } from '../domain/roles.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let app: FastifyInstance;
let namur: TestCpas;
let gent: TestCpas;
const tokens: Record<string, string> = {};
let personId = '';
const SECRET_TEXT = 'CANARY-confidence-7f3a: la personne a confié une situation de violence';

const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db);
  namur = await addTestCpas(t.db, 'namur');
  gent = await addTestCpas(t.db, 'gent');
  for (const [name, actor] of Object.entries(namur.actors)) tokens[name] = (await createApiToken(ctx, actor, 'test')).token;
  tokens['gent-social-worker'] = (await createApiToken(ctx, gent.actors['social-worker'], 'test')).token;
  app = await buildServer(ctx);
  const created = await app.inject({
    method: 'POST', url: '/api/v1/persons', headers: auth('administrative-agent'),
    payload: {
      purpose: 'intake',
      person: { familyName: 'Lambert', givenNames: 'Sophie', birthDate: '1988-04-12', niss: makeNiss('1988-04-12', 124), sex: 'F', nationality: 'BE' },
      addresses: [{ kind: 'domicile', street: 'Rue de Fer', houseNumber: '12', postalCode: '5000', municipality: 'Namur', validFrom: '2020-01-01' }],
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  personId = created.json().personId;
  await assignCase(ctx, namur.actors['head-of-social-service'], { personId, userId: namur.actors['social-worker'].userId, assignedFrom: '2026-01-01' });
});
after(async () => {
  await app?.close();
  await t.drop();
});

async function logCount(): Promise<number> {
  const [row] = await t.db.ownerTransaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM access_log_entry'));
  return row!.n;
}

describe('authentication', () => {
  test('every API route but login refuses a request without an actor', async () => {
    const swagger = (app as unknown as { swagger(): { paths: Record<string, Record<string, unknown>> } }).swagger();
    let checked = 0;
    for (const [path, methods] of Object.entries(swagger.paths)) {
      for (const method of Object.keys(methods)) {
        if ((path === '/api/v1/session' || path === '/api/v1/activation') && method === 'post') continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await app.inject({ method: method.toUpperCase() as 'GET', url, payload: method === 'get' ? undefined : {} });
        assert.equal(res.statusCode, 401, `${method} ${path}`);
        checked++;
      }
    }
    assert.ok(checked >= 15, `checked ${checked} routes`);
  });

  test('password login sets a session; writes need the CSRF token', async () => {
    const { hashPassword } = await import('../adapters/crypto/passwords.ts');
    const hash = await hashPassword('correct horse battery');
    await t.db.ownerTransaction((tx) => tx.query('UPDATE staff_user SET password_hash = $1 WHERE cpas_id = $2 AND username = $3', [hash, namur.cpasId, 'social-worker']));
    const bad = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'social-worker@namur', password: 'wrong' } });
    assert.equal(bad.statusCode, 401);
    assert.deepEqual(bad.json(), { code: 'unauthenticated', message: 'wrong login or password' });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'ghost@namur', password: 'wrong' } });
    assert.deepEqual(unknown.json(), bad.json(), 'an unknown account gets the same answer');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'social-worker@namur', password: 'correct horse battery' } });
    assert.equal(ok.statusCode, 200, ok.body);
    const cookie = ok.cookies.find((c) => c.name === 'confiance_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    const headers = { cookie: `confiance_session=${cookie.value}` };
    const read = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=case-follow-up`, headers });
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers['cache-control'], 'no-store');
    const note = { purpose: 'case-follow-up', body: 'note' };
    const noCsrf = await app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/case-notes`, headers, payload: note });
    assert.equal(noCsrf.statusCode, 401);
    const withCsrf = await app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/case-notes`, headers: { ...headers, 'x-csrf-token': ok.json().csrfToken }, payload: note });
    assert.equal(withCsrf.statusCode, 201, withCsrf.body);
  });

  test('five failed logins lock the account, even against the right password', async () => {
    const { hashPassword } = await import('../adapters/crypto/passwords.ts');
    const hash = await hashPassword('right password!');
    await t.db.ownerTransaction((tx) => tx.query('UPDATE staff_user SET password_hash = $1 WHERE cpas_id = $2 AND username = $3', [hash, namur.cpasId, 'president']));
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'president@namur', password: 'wrong' } });
      assert.equal(res.statusCode, 401);
    }
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'president@namur', password: 'right password!' } });
    assert.equal(res.statusCode, 423);
  });
});

describe('the social file through the API', () => {
  test('a social worker on the case writes a report and reads it back; an administrative agent sees no trace of it', async () => {
    const write = await app.inject({
      method: 'POST', url: `/api/v1/persons/${personId}/social-reports`, headers: auth('social-worker'),
      payload: { purpose: 'case-follow-up', writtenOn: '2026-11-20', language: 'fr', situation: SECRET_TEXT, assessment: 'Évaluation: CANARY-opinion-91' },
    });
    assert.equal(write.statusCode, 201, write.body);
    const mine = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=case-follow-up`, headers: auth('social-worker') });
    assert.equal(mine.json().secret['social-report'][0].situation, SECRET_TEXT);
    const agent = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=administrative-processing`, headers: auth('administrative-agent') });
    assert.equal(agent.statusCode, 200);
    assert.ok(!agent.body.includes('CANARY'), 'no secret content in the agent view');
    assert.equal(agent.json().administrative.identity.familyName, 'Lambert');
    assert.ok(agent.json().withheld.some((w: { category: string }) => w.category === 'social-report'));
    const other = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=case-follow-up`, headers: auth('other-social-worker') });
    assert.ok(!other.body.includes('CANARY'), 'a worker not on the case sees none of it');
  });

  test('the secret report is stored as ciphertext', async () => {
    const rows = await t.db.ownerTransaction((tx) => tx.query<{ s: Buffer }>('SELECT situation_enc AS s FROM social_report'));
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(!row.s.toString('latin1').includes('CANARY'));
  });

  test('dpo and it-admin get nothing; another CPAS cannot even tell the person exists', async () => {
    for (const who of ['dpo', 'it-admin']) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=data-protection-audit`, headers: auth(who) });
      assert.equal(res.statusCode, 403, who);
      assert.ok(!res.body.includes('Lambert'));
    }
    const gentRead = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=case-follow-up`, headers: auth('gent-social-worker') });
    assert.equal(gentRead.statusCode, 404);
    const missing = await app.inject({ method: 'GET', url: `/api/v1/persons/11111111-1111-4111-8111-111111111111?purpose=case-follow-up`, headers: auth('social-worker') });
    assert.deepEqual(gentRead.json(), missing.json());
  });

  test('every read writes exactly one access-log entry, and a refusal too', async () => {
    for (const role of ROLES) {
      const before = await logCount();
      await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=case-follow-up`, headers: auth(role) });
      assert.equal(await logCount(), before + 1, role);
    }
    const before = await logCount();
    await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: auth('administrative-agent'), payload: { name: 'lamb', purpose: 'intake' } });
    assert.equal(await logCount(), before + 1);
  });

  test('no log, no read: when the log insert fails, the read fails and returns nothing', async () => {
    await t.db.ownerTransaction((tx) => tx.query('REVOKE INSERT ON access_log_entry FROM confiance_app'));
    try {
      const res = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=case-follow-up`, headers: auth('social-worker') });
      assert.equal(res.statusCode, 500);
      assert.ok(!res.body.includes('Lambert') && !res.body.includes('CANARY'));
    } finally {
      await t.db.ownerTransaction((tx) => tx.query('GRANT INSERT ON access_log_entry TO confiance_app'));
    }
  });

  test('the application role cannot change or delete a log entry', async () => {
    await assert.rejects(t.db.transaction((tx) => tx.query('UPDATE access_log_entry SET action = $1', ['read'])));
    await assert.rejects(t.db.transaction((tx) => tx.query('DELETE FROM access_log_entry')));
    await assert.rejects(t.db.ownerTransaction((tx) => tx.query('DELETE FROM access_log_entry')), /append-only/);
  });

  test('search by NISS, name and birth date', async () => {
    const niss = makeNiss('1988-04-12', 124);
    for (const q of [{ niss }, { name: 'LAMBERT so' }, { birthDate: '1988-04-12' }]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: auth('social-worker'), payload: { ...q, purpose: 'intake' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().persons.map((p: { personId: string }) => p.personId), [personId], JSON.stringify(q));
    }
  });
});

describe('bad input', () => {
  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: auth('administrative-agent'), payload: payload as object });
  test('a NISS with a wrong check digit is refused naming the field', async () => {
    const res = await post('/api/v1/persons', { purpose: 'intake', person: { familyName: 'A', givenNames: 'B', niss: '85073003329' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'invalid-input');
    assert.match(res.json().message, /^person\.niss: .*check digits/);
  });
  test('missing, unknown and malformed fields are named', async () => {
    assert.match((await post('/api/v1/persons', { purpose: 'intake', person: { givenNames: 'B' } })).json().message, /person\.familyName/);
    assert.match((await post('/api/v1/persons', { purpose: 'intake', person: { familyName: 'A', givenNames: 'B', religion: 'x' } })).json().message, /person.*religion|religion/);
    assert.match((await post('/api/v1/persons', { purpose: 'intake', person: { familyName: 'A', givenNames: 'B', birthDate: '2025-02-30' } })).json().message, /person\.birthDate: is not a calendar date/);
    assert.match((await post('/api/v1/persons', { purpose: 'gossip', person: { familyName: 'A', givenNames: 'B' } })).json().message, /purpose/);
    const notJson = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: { ...auth('administrative-agent'), 'content-type': 'application/json' }, payload: '{"person":' });
    assert.equal(notJson.statusCode, 400);
    assert.equal(notJson.json().code, 'invalid-input');
  });
  test('an application is typed by its kind: a declared fact of the wrong type or of another kind is named', async () => {
    const url = `/api/v1/persons/${personId}/applications`;
    const application = { kind: 'mediation-dettes', submittedOn: '2026-11-02', channel: 'desk' };
    const wrongType = await post(url, { purpose: 'intake', application: { ...application, communicated: { creditors: 'four' } } });
    assert.equal(wrongType.statusCode, 400);
    assert.match(wrongType.json().message, /application\.communicated\.creditors/);
    assert.match((await post(url, { purpose: 'intake', application: { ...application, communicated: { fuel: 'mazout' } } })).json().message, /application\.communicated.*fuel|fuel/);
    assert.match((await post(url, { purpose: 'intake', application: { ...application, kind: 'leefloon', communicated: {} } })).json().message, /application\.kind/);
    const ok = await post(url, { purpose: 'intake', application: { ...application, communicated: { creditors: 4, declaredDebts: 1250.5 } } });
    assert.equal(ok.statusCode, 201);
  });
  test('a duplicate NISS is a conflict and the first person is unchanged', async () => {
    const res = await post('/api/v1/persons', { purpose: 'intake', person: { familyName: 'Autre', givenNames: 'X', niss: makeNiss('1988-04-12', 124) } });
    assert.equal(res.statusCode, 409);
    assert.match(res.json().message, /^niss:/);
  });
  test('the 46bis/1 assessment answers 400 naming the field, with the same line as the CLI', async () => {
    const request = {
      dated: '2025-03-03', channel: 'letter', author: { role: 'procureur-du-roi' }, reasoned: true,
      offences: ['140'], subjects: [{ niss: '85073003328' }], items: ['domicile-address', 'social-reports'],
    };
    const res = await app.inject({ method: 'POST', url: '/api/v1/requests/assess', headers: auth('social-worker'), payload: request });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'invalid-input');
    assert.match(res.json().message, /^items\[1\]: the text is not an item category/);
    const { runRequestsAssess } = await import('../cli/requests-assess.ts');
    const { PassThrough } = await import('node:stream');
    const stderr = new PassThrough();
    const code = await runRequestsAssess(['request.json'], {
      stdin: new PassThrough(), stdout: new PassThrough(), stderr, readFile: async () => JSON.stringify(request),
    });
    assert.equal(code, 2);
    assert.equal(String(stderr.read()).trim(), res.json().message);
  });

  test('a secret text never comes back in an error', async () => {
    const res = await app.inject({
      method: 'POST', url: `/api/v1/persons/${personId}/social-reports`, headers: auth('social-worker'),
      payload: { purpose: 'case-follow-up', writtenOn: '2026-13-01', language: 'fr', situation: SECRET_TEXT },
    });
    assert.equal(res.statusCode, 400);
    assert.ok(!res.body.includes('CANARY'));
  });
});

// Holes found by fuzzing the API, each pinned: no input gives a 5xx, every error has the one body
// shape {code, message}, and a 400 names the field without echoing what was sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/authenticate.ts';
import { makeNiss } from '../domain/niss.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let app: FastifyInstance;
let namur: TestCpas;
let token = '';
let personId = '';
const auth = () => ({ authorization: `Bearer ${token}` });

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db);
  namur = await addTestCpas(t.db, 'namur');
  token = (await createApiToken(ctx, namur.actors['administrative-agent'], 'test')).token;
  app = await buildServer(ctx);
  const created = await app.inject({
    method: 'POST', url: '/api/v1/persons', headers: auth(),
    payload: { purpose: 'intake', person: { familyName: 'Lambert', givenNames: 'Sophie', birthDate: '1988-04-12', niss: makeNiss('1988-04-12', 124) } },
  });
  assert.equal(created.statusCode, 201, created.body);
  personId = created.json().personId;
});
after(async () => {
  await app?.close();
  await t.drop();
});

function assertErrorBody(body: string, status: number, code: string): { code: string; message: string } {
  const parsed = JSON.parse(body) as { code: string; message: string };
  assert.deepEqual(Object.keys(parsed).sort(), ['code', 'message'], body);
  assert.equal(parsed.code, code, `${status}: ${body}`);
  return parsed;
}

describe('bodies the server cannot read', () => {
  test('an unsupported or missing content type is 415 with the common body', async () => {
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-evil' }, {}]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: { ...auth(), ...headers }, payload: 'familyName=x' });
      assert.equal(res.statusCode, 415, JSON.stringify(headers));
      assertErrorBody(res.body, 415, 'unsupported-media-type');
    }
  });

  test('a body over the limit is 413 with the common body', async () => {
    const huge = JSON.stringify({ purpose: 'intake', person: { familyName: 'x'.repeat(16 * 1024 * 1024), givenNames: 'y' } });
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: { ...auth(), 'content-type': 'application/json' }, payload: huge });
    assert.equal(res.statusCode, 413);
    assertErrorBody(res.body, 413, 'too-large');
  });
});

describe('the search query', () => {
  test('the old search by query string answers 4xx, never 500: national numbers and names stay out of URLs', async () => {
    for (const query of ['name=lambert&limit=abc', 'name=l', 'niss=85073003329', 'name=lambert']) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/persons?${query}&purpose=intake`, headers: auth() });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${query}: ${res.statusCode}`);
      assertErrorBody(res.body, res.statusCode, res.statusCode === 404 ? 'not-found' : 'invalid-input');
    }
  });
  for (const [query, field] of [
    ['name=lambert&limit=abc', 'limit'],
    ['name=l', 'name'],
    ['niss=85073003329', 'niss'],
    ['birthDate=2025-02-30', 'birthDate'],
  ] as const) {
    test(`an invalid ${field} is a 400 naming it`, async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: auth(), payload: { ...Object.fromEntries(new URLSearchParams(query)), purpose: 'intake' } });
      assert.equal(res.statusCode, 400, res.body);
      const body = assertErrorBody(res.body, 400, 'invalid-input');
      assert.match(body.message, new RegExp(`^${field}: `));
    });
  }
});

describe('NUL bytes', () => {
  test('a NUL in a text field is refused naming the field, never reaching the database', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: auth(), payload: { purpose: 'intake', person: { familyName: 'Lam\u0000bert', givenNames: 'S' } } });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(assertErrorBody(res.body, 400, 'invalid-input').message, /^person\.familyName: /);
  });
  test('a NUL in a search is refused naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: auth(), payload: { name: 'Lam\u0000bert', purpose: 'intake' } });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(assertErrorBody(res.body, 400, 'invalid-input').message, /^name: /);
  });
  test('a NUL in a free-text note is refused naming the field', async () => {
    const worker = (await createApiToken(testContext(t.db), namur.actors['social-worker'], 'w')).token;
    const res = await app.inject({
      method: 'POST', url: `/api/v1/persons/${personId}/case-notes`, headers: { authorization: `Bearer ${worker}` }, payload: { body: 'a\u0000b', purpose: 'case-follow-up' },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(assertErrorBody(res.body, 400, 'invalid-input').message, /^body: /);
  });
});

describe('headers and paths', () => {
  test('a CSRF token with non-ASCII characters is refused, not a crash', async () => {
    const { hashPassword } = await import('../adapters/crypto/passwords.ts');
    const hash = await hashPassword('correct horse battery');
    await t.db.ownerTransaction((tx) => tx.query('UPDATE staff_user SET password_hash = $1 WHERE cpas_id = $2 AND username = $3', [hash, namur.cpasId, 'social-worker']));
    const ok = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'social-worker@namur', password: 'correct horse battery' } });
    assert.equal(ok.statusCode, 200, ok.body);
    const cookie = ok.cookies.find((c) => c.name === 'confiance_session')!;
    const csrf: string = ok.json().csrfToken;
    // Same number of characters, more bytes: the byte lengths differ.
    const res = await app.inject({
      method: 'POST', url: `/api/v1/persons/${personId}/case-notes`,
      headers: { cookie: `confiance_session=${cookie.value}`, 'x-csrf-token': 'é'.repeat(csrf.length) },
      payload: { body: 'note', purpose: 'case-follow-up' },
    });
    assert.equal(res.statusCode, 401, res.body);
    assertErrorBody(res.body, 401, 'unauthenticated');
  });

  test('a path escaping the documentation folder is a 4xx', async () => {
    for (const url of ['/api/docs/static/%2e%2e/%2e%2e/package.json', '/api/docs/static/..%2f..%2fpackage.json', '/api/docs/static/%2e%2e%2f%2e%2e%2fsrc%2fhttp%2fserver.ts',
      '/api/docs/static/%00', '/api/docs/static/%2e%2e/%00', '/api/docs/static/%', '/api/v1/persons/%zz']) {
      const res = await app.inject({ method: 'GET', url });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
      if (res.headers['content-type']?.toString().startsWith('application/json')) assertErrorBody(res.body, res.statusCode, res.json().code);
      assert.ok(!res.body.includes('%zz') && !res.body.includes("'/api/docs"), `${url}: the URL is not echoed`);
      assert.ok(!res.body.includes('confiance') && !res.body.includes('buildServer'), url);
    }
  });

  test('headers too large get 431 with the common body', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/v1/caseload', headers: { 'x-big': 'a'.repeat(40_000) } }, (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 431);
    assertErrorBody(body, 431, 'headers-too-large');
  });
});

describe('400s name the field and echo nothing', () => {
  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: auth(), payload: payload as object });

  test('an unknown key is named as a field, its value is not echoed', async () => {
    const res = await post('/api/v1/persons', { purpose: 'intake', person: { familyName: 'A', givenNames: 'B', religion: 'Secretfaith' } });
    assert.equal(res.statusCode, 400);
    const { message } = assertErrorBody(res.body, 400, 'invalid-input');
    assert.match(message, /^person\.religion: /);
    assert.ok(!message.includes('Secretfaith'), message);
  });

  test('an unknown top-level key is named, not "(root)"', async () => {
    const res = await post('/api/v1/persons', { purpose: 'intake', person: { familyName: 'A', givenNames: 'B' }, extra: 1 });
    assert.match(assertErrorBody(res.body, 400, 'invalid-input').message, /^extra: /);
  });

  test('an unknown key that is not a plain name is not echoed either', async () => {
    const key = 'Diagnosis of depression';
    const res = await post('/api/v1/persons', { purpose: 'intake', person: { familyName: 'A', givenNames: 'B', [key]: 1 } });
    const { message } = assertErrorBody(res.body, 400, 'invalid-input');
    assert.match(message, /^person: /);
    assert.ok(!message.includes('Diagnosis'), message);
  });

  test('a rejected enum or literal value is not echoed', async () => {
    for (const payload of [
      { purpose: 'intake', person: { familyName: 'A', givenNames: 'B', sex: 'Secretsex' } },
      { purpose: 'Secretpurpose', person: { familyName: 'A', givenNames: 'B' } },
      { purpose: 'intake', person: { familyName: 'A', givenNames: 'B', birthDate: 'Secretdate' } },
      { purpose: 'intake', person: { familyName: 'A', givenNames: 'B', email: 'Secretmail' } },
    ]) {
      const res = await post('/api/v1/persons', payload);
      const { message } = assertErrorBody(res.body, 400, 'invalid-input');
      assert.ok(!/Secret/.test(message), message);
      assert.match(message, /^(person\.\w+|purpose): /);
    }
  });

  test('an empty change names the patch, not "(body)"', async () => {
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/persons/${personId}`, headers: auth(), payload: { purpose: 'intake', patch: {} } });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(assertErrorBody(res.body, 400, 'invalid-input').message, /^patch: /);
  });

  test('a wrong type names the field and not the value', async () => {
    const res = await post('/api/v1/persons', { purpose: 'intake', person: { familyName: 123456789, givenNames: 'B' } });
    const { message } = assertErrorBody(res.body, 400, 'invalid-input');
    assert.match(message, /^person\.familyName: /);
    assert.ok(!message.includes('123456789'));
  });

  test('a body that is not an object names the body', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: { ...auth(), 'content-type': 'application/json' }, payload: '"Secretstring"' });
    assert.equal(res.statusCode, 400);
    const { message } = assertErrorBody(res.body, 400, 'invalid-input');
    assert.match(message, /^body: /);
    assert.ok(!message.includes('Secret'));
  });

  test('malformed JSON names the body without quoting it', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: { ...auth(), 'content-type': 'application/json' }, payload: '{"person": Secretjson' });
    assert.equal(res.statusCode, 400);
    const { message } = assertErrorBody(res.body, 400, 'invalid-input');
    assert.match(message, /^body: /);
    assert.ok(!message.includes('Secret'), message);
  });
});

// What the server tells browsers and proxies: uploaded files are downloads in a sandbox (a scanned
// letter that is really HTML cannot run script in the application's origin), the API
// documentation has its own Content-Security-Policy, the session cookie is Secure behind an HTTPS
// proxy that the configuration trusts, and the request log holds no query string or body.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/authenticate.ts';
import { makeNiss } from '../domain/niss.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer, parseTrustProxy } from './server.ts';

let t: TestDatabase;
let app: FastifyInstance;
let namur: TestCpas;
const tokens: Record<string, string> = {};
const NISS = makeNiss('1988-04-12', 124);
const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const HTML_LETTER = Buffer.from('<html><script>fetch("/api/v1/users")</script></html>');

before(async () => {
  t = await createTestDatabase();
  namur = await addTestCpas(t.db, 'namur');
  const ctx = testContext(t.db);
  for (const role of ['administrative-agent', 'directeur-general'] as const) tokens[role] = (await createApiToken(ctx, namur.actors[role], 'test')).token;
  app = await buildServer(ctx);
});
after(async () => {
  await app?.close();
  await t.drop();
});

function assertSandboxedDownload(headers: Record<string, unknown>): void {
  assert.match(String(headers['content-security-policy']), /(^|;\s*)sandbox(;|$)/);
  assert.match(String(headers['content-security-policy']), /default-src 'none'/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.match(String(headers['content-disposition']), /^attachment; filename="[\w.-]+"$/);
}

describe('uploaded files', () => {
  test('an attachment is served as a sandboxed download', async () => {
    const created = await app.inject({
      method: 'POST', url: '/api/v1/persons', headers: auth('administrative-agent'),
      payload: { purpose: 'intake', person: { familyName: 'Lambert', givenNames: 'Sophie', niss: NISS } },
    });
    const { personId } = created.json();
    const added = await app.inject({
      method: 'POST', url: `/api/v1/persons/${personId}/attachments`, headers: auth('administrative-agent'),
      payload: { purpose: 'intake', dataClass: 'identity', fileName: 'id card.html', mediaType: 'text/html', contentBase64: HTML_LETTER.toString('base64') },
    });
    assert.equal(added.statusCode, 201, added.body);
    const res = await app.inject({ method: 'GET', url: `/api/v1/attachments/${added.json().attachmentId}?purpose=administrative-processing`, headers: auth('administrative-agent') });
    assert.equal(res.statusCode, 200, res.body);
    assertSandboxedDownload(res.headers);
  });

  test("an authority's scanned letter is served as a sandboxed download", async () => {
    const recorded = await app.inject({
      method: 'POST', url: '/api/v1/requests', headers: auth('directeur-general'),
      payload: {
        request: { dated: '2026-03-03', channel: 'letter', author: { role: 'procureur-du-roi' }, reasoned: true, offences: ['140'], subjects: [{ niss: NISS }], items: ['identity'] },
        letter: { fileName: 'scan.html', mediaType: 'application/pdf', contentBase64: HTML_LETTER.toString('base64') },
      },
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const { requestId } = recorded.json();
    const detail = await app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}`, headers: auth('directeur-general') });
    const attachmentId = detail.json().attachments[0].attachmentId;
    const res = await app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}/attachments/${attachmentId}`, headers: auth('directeur-general') });
    assert.equal(res.statusCode, 200, res.body);
    assertSandboxedDownload(res.headers);
  });
});

test('the API documentation has a Content-Security-Policy without inline script', async () => {
  for (const url of ['/api/docs', '/api/docs/', '/api/docs/static/swagger-initializer.js']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/, url);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.match(csp, /object-src 'none'/, url);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:/, url);
  }
});

describe('behind a proxy', () => {
  const sessionCookie = async (server: FastifyInstance, headers: Record<string, string>) => {
    const { hashPassword } = await import('../adapters/crypto/passwords.ts');
    await t.db.ownerTransaction(async (tx) => tx.query('UPDATE staff_user SET password_hash = $1 WHERE cpas_id = $2 AND username = $3', [await hashPassword('correct horse battery'), namur.cpasId, 'social-worker']));
    const res = await server.inject({ method: 'POST', url: '/api/v1/session', headers, payload: { login: 'social-worker@namur', password: 'correct horse battery' } });
    assert.equal(res.statusCode, 200, res.body);
    return res.cookies.find((c) => c.name === 'confiance_session')!;
  };

  test('the session cookie is Secure when a trusted proxy says the request came over HTTPS', async () => {
    const proxied = await buildServer(testContext(t.db), { trustProxy: parseTrustProxy('127.0.0.1') });
    try {
      assert.equal((await sessionCookie(proxied, { 'x-forwarded-proto': 'https' })).secure, true);
      assert.notEqual((await sessionCookie(proxied, {})).secure, true);
    } finally {
      await proxied.close();
    }
  });

  test('without trustProxy a client cannot claim HTTPS (nor another address) by a header', async () => {
    assert.notEqual((await sessionCookie(app, { 'x-forwarded-proto': 'https' })).secure, true);
  });

  test('CONFIANCE_TRUST_PROXY: unset or false trusts nobody; true, a hop count or addresses', () => {
    assert.equal(parseTrustProxy(undefined), false);
    assert.equal(parseTrustProxy(''), false);
    assert.equal(parseTrustProxy('false'), false);
    assert.equal(parseTrustProxy('true'), true);
    assert.equal(parseTrustProxy('1'), 1);
    assert.deepEqual(parseTrustProxy('10.0.0.1, 192.168.0.0/16'), ['10.0.0.1', '192.168.0.0/16']);
  });
});

test('the request log holds neither query strings nor bodies', async () => {
  const stream = new PassThrough();
  let log = '';
  stream.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const logged = await buildServer(testContext(t.db), { logger: true, logStream: stream });
  try {
    await logged.inject({ method: 'GET', url: `/api/v1/persons?niss=${NISS}&purpose=intake`, headers: auth('administrative-agent') });
    await logged.inject({ method: 'POST', url: '/api/v1/persons/search', headers: auth('administrative-agent'), payload: { niss: NISS, purpose: 'intake' } });
    await logged.inject({ method: 'GET', url: `/nowhere/${NISS}?name=Lambert` });
    await logged.inject({ method: 'GET', url: `/api/docs/static/%?niss=${NISS}` });
    await logged.inject({ method: 'POST', url: `/api/v1/persons/search?niss=${NISS}`, headers: { ...auth('administrative-agent'), 'content-type': 'text/plain' }, payload: NISS });
  } finally {
    await logged.close();
  }
  assert.ok(log.length > 0, 'requests are logged');
  assert.ok(!log.includes(NISS), 'no national number in the log');
  assert.ok(!log.includes('Lambert'), 'no name in the log');
});

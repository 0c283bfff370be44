// Log-in attempts per client address are limited on the API and on the page, with one count kept
// in the database: several server processes see the same count, so an attacker cannot spread a
// password-spraying run over them. The per-account lockout stays as it is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { addTestCpas, testContext } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { LOGIN_RATE_LIMIT } from './rate-limit.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let first: FastifyInstance;
let second: FastifyInstance;

before(async () => {
  t = await createTestDatabase();
  await addTestCpas(t.db, 'namur');
  // Two processes of one deployment: two servers over one database.
  first = await buildServer(testContext(t.db));
  second = await buildServer(testContext(t.db));
});
after(async () => {
  await first?.close();
  await second?.close();
  await t.drop();
});

const attempt = (server: FastifyInstance, address: string, i: number) =>
  server.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: address, payload: { login: `nobody${i}@namur`, password: 'guess' } });

describe('log-in rate limit', () => {
  test('one address gets a 429 with the common body after the limit, on the API', async () => {
    for (let i = 0; i < LOGIN_RATE_LIMIT.max; i++) assert.equal((await attempt(first, '10.0.0.1', i)).statusCode, 401, `attempt ${i}`);
    const refused = await attempt(first, '10.0.0.1', 99);
    assert.equal(refused.statusCode, 429);
    assert.deepEqual(Object.keys(refused.json()).sort(), ['code', 'message']);
    assert.equal(refused.json().code, 'rate-limited');
    assert.equal((await attempt(first, '10.0.0.2', 0)).statusCode, 401, 'another address is not affected');
  });

  test('the count is shared by every server process on the database', async () => {
    for (let i = 0; i < LOGIN_RATE_LIMIT.max; i++) {
      const server = i % 2 === 0 ? first : second;
      assert.equal((await attempt(server, '10.0.0.3', i)).statusCode, 401, `attempt ${i}`);
    }
    assert.equal((await attempt(first, '10.0.0.3', 99)).statusCode, 429);
    assert.equal((await attempt(second, '10.0.0.3', 99)).statusCode, 429);
  });

  test('the page log-in and the API share the count', async () => {
    for (let i = 0; i < LOGIN_RATE_LIMIT.max; i++) assert.equal((await attempt(first, '10.0.0.4', i)).statusCode, 401);
    const page = await second.inject({ method: 'POST', url: '/login', remoteAddress: '10.0.0.4', payload: 'login=a%40namur&password=x&_csrf=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(page.statusCode, 429);
    assert.match(page.body, /Trop de tentatives depuis cet appareil/);
  });
});

// cookie@2 and content-disposition@3 declare Node >= 22 (npm warns EBADENGINE) but are ES modules
// that @fastify/cookie, light-my-request and @fastify/static load with require(): that works from
// Node 20.19 on (require of ES modules, unflagged), hence "engines": ">=20.19". Older versions that
// support Node 20 by their engines lack what these callers use (cookie 1 has no stringifySetCookie,
// content-disposition 1 no `create`), so they are not pinned; these tests run every path we use.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fastifyCookie from '@fastify/cookie';
// The copy @fastify/swagger-ui registers (not a direct dependency): its download path runs content-disposition.
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';

test('this Node runs ES modules loaded with require() (needed by the cookie and static-file plugins)', () => {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  assert.ok(major > 20 || (major === 20 && minor >= 19), `Node ${process.versions.node}: use 20.19 or later`);
});

test('cookie: @fastify/cookie sets and parses, light-my-request sends and reads cookies', async () => {
  const app = Fastify();
  await app.register(fastifyCookie);
  app.get('/set', async (_request, reply) => {
    reply.setCookie('session', 'a b;c', { path: '/', httpOnly: true, sameSite: 'strict', secure: true, maxAge: 60 });
    return {};
  });
  app.get('/echo', async (request) => ({ session: request.cookies.session ?? null }));
  const set = await app.inject({ url: '/set' });
  assert.equal(set.headers['set-cookie'], 'session=a%20b%3Bc; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Strict');
  assert.deepEqual(set.cookies.map((c) => [c.name, c.value, c.httpOnly, c.sameSite]), [['session', 'a b;c', true, 'Strict']]);
  // `cookies` goes through light-my-request's encoder (cookie's stringifySetCookie), then @fastify/cookie's parser.
  const echo = await app.inject({ url: '/echo', cookies: { session: 'a b;c' } });
  assert.deepEqual(echo.json(), { session: 'a b;c' });
  await app.close();
});

test('content-disposition: @fastify/static names a download, the API documentation serves its static files', async () => {
  const root = mkdtempSync(join(tmpdir(), 'confiance-static-'));
  writeFileSync(join(root, 'report.txt'), 'hello');
  const app = Fastify();
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/download', (_request, reply) => reply.download('report.txt', 'rapport été.txt'));
  await app.register(swagger, { openapi: { info: { title: 't', version: '1' } } });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  const download = await app.inject({ url: '/download' });
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-disposition'], 'attachment; filename="rapport ?t?.txt"; filename*=UTF-8\'\'rapport%20%C3%A9t%C3%A9.txt');
  const css = await app.inject({ url: '/docs/static/swagger-ui.css' });
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['content-type']), /text\/css/);
  await app.close();
});

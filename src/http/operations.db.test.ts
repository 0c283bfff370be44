// Running it: /healthz, /readyz (with its reason codes and nothing else), /metrics (who may read
// it, route patterns only, the access-log counter and the verification gauge), compression of
// pages but not of PDFs, and a shutdown that lets a request under way finish before the database closes.
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parseMasterKeys } from '../adapters/crypto/master-keys.ts';
import type { Database } from '../adapters/db/database.ts';
import { checkReadiness } from '../app/check-readiness.ts';
import { type AppContext, createAppContext } from '../app/context.ts';
import { createPerson } from '../app/create-person.ts';
import { recordOutcomes, stopServing } from '../cli/serve.ts';
import { addTestCpas, type TestCpas, testContext } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createMetrics } from './metrics.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let ctx: AppContext;
let namur: TestCpas;
let app: FastifyInstance;

before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db);
  namur = await addTestCpas(t.db, 'namur');
  // A data key exists: the readiness check has a master key id to look for.
  await t.db.transaction((tx) => ctx.secrets.seal(tx, { cpasId: namur.cpasId, table: 'secret_record', column: 'body', recordId: crypto.randomUUID() }, 'x'));
  app = await buildServer(ctx);
});
after(async () => {
  await app.close();
  await t.drop();
});

test('/healthz answers while the process is up, without a session', async () => {
  const res = await app.inject({ url: '/healthz' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'up' });
});

test('/readyz: ready when the database answers, is migrated and every data key opens with the key ring', async () => {
  const res = await app.inject({ url: '/readyz' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ready' });
});

test('/readyz: 503 keys-missing with another key ring, naming no key id', async () => {
  const other = await buildServer(createAppContext(t.db, parseMasterKeys(`stranger:${Buffer.alloc(32, 9).toString('base64')}`)));
  try {
    const res = await other.inject({ url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: 'not-ready', reason: 'keys-missing' });
    assert.doesNotMatch(res.body, /test-key|stranger/);
  } finally {
    await other.close();
  }
});

test('/readyz: 503 migrations-pending when the database lacks a migration of this build', async () => {
  const [last] = await t.db.ownerTransaction((tx) => tx.query<{ name: string }>('DELETE FROM schema_migration WHERE name = (SELECT max(name) FROM schema_migration) RETURNING name'));
  try {
    const res = await app.inject({ url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: 'not-ready', reason: 'migrations-pending' });
  } finally {
    await t.db.ownerTransaction((tx) => tx.query('INSERT INTO schema_migration (name) VALUES ($1)', [last!.name]));
  }
});

test('/readyz: 503 database-unreachable, with neither the driver message nor a stack', async () => {
  const failing: Database = { ...t.db, ownerTransaction: () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432')) };
  const other = await buildServer({ ...ctx, db: failing });
  try {
    const res = await other.inject({ url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: 'not-ready', reason: 'database-unreachable' });
  } finally {
    await other.close();
  }
  // A database that never answers is unreachable after the delay, not a probe that hangs.
  const hanging: Database = { ...t.db, ownerTransaction: () => new Promise(() => undefined) };
  assert.deepEqual(await checkReadiness({ ...ctx, db: hanging }, 50), { ready: false, reason: 'database-unreachable' });
});

const sumOf = (text: string, metric: string) =>
  text.split('\n').filter((line) => line.startsWith(metric)).reduce((n, line) => n + Number(line.split(' ').at(-1)), 0);

test('/metrics: latency by route pattern, never the URL; access-log appends counted', async () => {
  const NISS = '85073003328';
  await app.inject({ url: `/api/v1/persons/${NISS}` });
  await app.inject({ url: `/no-such-page/${NISS}` });
  const before = (await app.inject({ url: '/metrics' })).body;
  await createPerson(ctx, namur.actors['social-worker'], { purpose: 'intake', person: { familyName: 'Compte', givenNames: 'Bob' } });
  const res = await app.inject({ url: '/metrics' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/plain/);
  assert.match(res.body, /confiance_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/persons\/:personId",status_class="4xx"\} 1/);
  assert.match(res.body, /route="unmatched",status_class="4xx"/);
  assert.doesNotMatch(res.body, new RegExp(NISS), 'no raw URL in any label');
  assert.ok(sumOf(res.body, 'confiance_access_log_appends_total') > sumOf(before, 'confiance_access_log_appends_total'), 'the creation appended to the log');
});

test('/metrics: the verification gauge says which CPAS chain is intact and which broke', () => {
  const metrics = createMetrics();
  try {
    recordOutcomes(metrics, [
      { code: 'namur', status: 'signed', treeSize: 42, note: '' },
      { code: 'liege', status: 'refused', findings: [] },
    ]);
    return metrics.registry.metrics().then((text) => {
      assert.match(text, /confiance_access_log_chain_intact\{cpas="namur"\} 1/);
      assert.match(text, /confiance_access_log_chain_intact\{cpas="liege"\} 0/);
      assert.match(text, /confiance_access_log_verified_entries\{cpas="namur"\} 42/);
    });
  } finally {
    metrics.dispose();
  }
});

test('/metrics: only from loopback without a proxy, or with the configured token', async () => {
  assert.equal((await app.inject({ url: '/metrics', remoteAddress: '10.0.0.5' })).statusCode, 403);
  assert.equal((await app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode, 403, 'a local reverse proxy relays outsiders');
  assert.equal((await app.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode, 200);
  const guarded = await buildServer(ctx, { metricsToken: 'a-long-metrics-token' });
  try {
    assert.equal((await guarded.inject({ url: '/metrics' })).statusCode, 403, 'with a token, loopback alone is not enough');
    assert.equal((await guarded.inject({ url: '/metrics', remoteAddress: '10.0.0.5', headers: { authorization: 'Bearer wrong' } })).statusCode, 403);
    const ok = await guarded.inject({ url: '/metrics', remoteAddress: '10.0.0.5', headers: { authorization: 'Bearer a-long-metrics-token' } });
    assert.equal(ok.statusCode, 200);
  } finally {
    await guarded.close();
  }
});

test('pages are compressed, PDFs and cross-site requests are not, request bodies are never inflated', async () => {
  const plain = await app.inject({ url: '/login' });
  const zipped = await app.inject({ url: '/login', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(zipped.statusCode, 200);
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(zipped.rawPayload).toString('utf8').length, plain.body.length);
  const crossSite = await app.inject({ url: '/login', headers: { 'accept-encoding': 'gzip', 'sec-fetch-site': 'cross-site' } });
  assert.equal(crossSite.headers['content-encoding'], undefined);

  const withPdf = await buildServer(ctx);
  withPdf.get('/test.pdf', { config: { public: true } }, async (_request, reply) => reply.type('application/pdf').send(Buffer.alloc(8192, 0x41)));
  try {
    const pdf = await withPdf.inject({ url: '/test.pdf', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-encoding'], undefined);
  } finally {
    await withPdf.close();
  }

  const body = gzipSync(JSON.stringify({ login: 'social-worker@namur', password: 'x' }));
  const inflated = await app.inject({ method: 'POST', url: '/api/v1/session', payload: body, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
  assert.equal(inflated.statusCode, 400, 'the gzip bytes are read as they are, and are not JSON');
  assert.equal(inflated.json().code, 'invalid-input');
});

test('shutdown: a request under way is answered before the database closes; new connections are refused', async () => {
  const own = await createTestDatabase();
  const ownCtx = testContext(own.db);
  const server = await buildServer(ownCtx);
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  server.get('/slow', { config: { public: true } }, async () => {
    entered();
    await released;
    // The database is still open for the request that was under way.
    return checkReadiness(ownCtx);
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.server.address() as { port: number };
  try {
    const slow = fetch(`http://127.0.0.1:${port}/slow`);
    await inside;
    let stopped = false;
    const stopping = stopServing(server, ownCtx, () => undefined).then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(stopped, false, 'shutdown waits for the request under way');
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'no new connection is accepted');
    release();
    const res = await slow;
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ready: true });
    await stopping;
    await assert.rejects(own.db.transaction(async () => undefined), 'the database is closed after the last request');
  } finally {
    release();
    await own.drop().catch(() => undefined);
  }
});

// POST /api/v1/guide/assess answers exactly as `confiance guide assess`, for every public scenario
// and for malformed input (400 with the CLI's line); the CPAS configuration decides and is named.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/authenticate.ts';
import { assignCase } from '../app/manage-staff.ts';
import { ROLES } from '../domain/roles.ts';
import { runGuideCli } from '../testing/guide-cli.ts';
import { addTestCpas, testContext } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

const SCENARIOS = JSON.parse(readFileSync('src/domain/guide/scenarios.json', 'utf8')) as { name: string; input: Record<string, unknown> }[];
const DEBT_MEDIATION = SCENARIOS.find((s) => s.name.startsWith('a debt-mediation service'))!.input;

let t: TestDatabase;
let app: FastifyInstance;
let personId = '';
const tokens: Record<string, string> = {};
const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const post = (who: string, body: string) =>
  app.inject({ method: 'POST', url: '/api/v1/guide/assess', headers: { ...auth(who), 'content-type': 'application/json' }, payload: body });
const assess = (who: string, json: unknown) => post(who, JSON.stringify(json));

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db);
  const namur = await addTestCpas(t.db, 'namur');
  const gent = await addTestCpas(t.db, 'gent');
  for (const role of ROLES) tokens[role] = (await createApiToken(ctx, namur.actors[role], 'test')).token;
  tokens['gent-social-worker'] = (await createApiToken(ctx, gent.actors['social-worker'], 'test')).token;
  app = await buildServer(ctx);
  const created = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: auth('administrative-agent'), payload: { purpose: 'intake', person: { familyName: 'Delcourt', givenNames: 'Léa' } } });
  personId = created.json().personId;
  await assignCase(ctx, namur.actors['head-of-social-service'], { personId, userId: namur.actors['social-worker'].userId, assignedFrom: '2026-01-01' });
});
after(async () => {
  await app?.close();
  await t.drop();
});

test('every public scenario: the API answers exactly what the CLI prints', async () => {
  for (const s of SCENARIOS) {
    const res = await assess('social-worker', s.input);
    assert.equal(res.statusCode, 200, `${s.name}: ${res.body}`);
    const cli = await runGuideCli(['-'], {}, JSON.stringify(s.input));
    assert.equal(cli.code, 0);
    assert.deepEqual(res.json(), JSON.parse(cli.stdout), s.name);
    assert.deepEqual(Object.keys(res.json()), Object.keys(JSON.parse(cli.stdout)), 'same field order');
  }
});

test('malformed input: 400 invalid-input with the line the CLI prints, in the contract order', async () => {
  const input = SCENARIOS[0]!.input;
  for (const json of [
    { ...input, counterpart: 'neighbour' },
    { ...input, danger: 'grave-and-imminent' },
    { ...input, items: ['identity', 'full-file'] },
    { ...input, items: ['identity', 'identity'] },
    { ...input, items: [] },
    { ...input, channel: 4, knownToCpas: false },
    { ...input, offence: undefined },
    'neighbour',
    null,
  ]) {
    const res = await assess('administrative-agent', json);
    const cli = await runGuideCli(['-'], {}, JSON.stringify(json));
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.json(), { code: 'invalid-input', message: cli.stderr.trimEnd() });
  }
  for (const body of ['{"counterpart": "police", "note": "Jeanne Dupont', '']) {
    const res = await post('social-worker', body);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'invalid-input');
    assert.match(res.json().message, /^input: /);
    assert.ok(!res.body.includes('Jeanne'));
  }
});

test('whatever the media type, the body is read as the contract says: never a 5xx', async () => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/json; charset=utf-8']) {
    const ok = await app.inject({ method: 'POST', url: '/api/v1/guide/assess', headers: { ...auth('social-worker'), 'content-type': type }, payload: JSON.stringify(SCENARIOS[1]!.input) });
    assert.equal(ok.statusCode, 200, `${type}: ${ok.body}`);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/guide/assess', headers: { ...auth('social-worker'), 'content-type': type }, payload: 'counterpart=police' });
    assert.deepEqual([bad.statusCode, bad.json()], [400, { code: 'invalid-input', message: 'input: the body is not valid JSON' }], type);
  }
  const none = await app.inject({ method: 'POST', url: '/api/v1/guide/assess', headers: auth('social-worker') });
  assert.deepEqual([none.statusCode, none.json().message], [400, 'input: expected a JSON object in the body']);
});

test('every role may consult the guide; without an actor, nothing', async () => {
  for (const role of ROLES) assert.equal((await assess(role, SCENARIOS[1]!.input)).statusCode, 200, role);
  const anonymous = await app.inject({ method: 'POST', url: '/api/v1/guide/assess', payload: SCENARIOS[1]!.input });
  assert.equal(anonymous.statusCode, 401);
});

test("the CPAS configuration decides and is named; only the directeur général changes it; other CPAS keep theirs", async () => {
  assert.equal((await assess('social-worker', DEBT_MEDIATION)).json().configuration, 'default');
  const settings = { config: { id: 'namur-2026-05', externalSharedSecrecy: 'off' }, decisionRef: 'Avis du service juridique du 12/05/2026' };
  const put = (who: string, payload: object) => app.inject({ method: 'PUT', url: '/api/v1/guide/settings', headers: auth(who), payload });
  assert.equal((await put('social-worker', settings)).statusCode, 403);
  assert.equal((await put('president', settings)).statusCode, 403);
  const bad = await put('directeur-general', { ...settings, config: { id: 'namur-2026-05', externalSharedSecrecy: 'maybe' } });
  assert.deepEqual([bad.statusCode, bad.json().message], [400, 'config.externalSharedSecrecy: unknown value']);
  const impostor = await put('directeur-general', { ...settings, config: { id: 'default', externalSharedSecrecy: 'off' } });
  assert.deepEqual([impostor.statusCode, impostor.json().message.split(':')[0]], [400, 'config.id']);
  const ok = await put('directeur-general', settings);
  assert.deepEqual([ok.statusCode, ok.json()], [200, { version: 1, configId: 'namur-2026-05' }]);
  assert.equal((await put('directeur-general', settings)).statusCode, 409, 'an id names one configuration');
  const answer = (await assess('social-worker', DEBT_MEDIATION)).json();
  assert.deepEqual([answer.answer, answer.rule, answer.configuration], ['refer-to-person', 'G18', 'namur-2026-05']);
  const current = await app.inject({ method: 'GET', url: '/api/v1/guide/settings', headers: auth('dpo') });
  assert.deepEqual(current.json(), { version: 1, config: settings.config, decisionRef: settings.decisionRef });
  assert.equal((await assess('gent-social-worker', DEBT_MEDIATION)).json().configuration, 'default');
});

test('the OpenAPI document describes the input table and the answer', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
  const post = doc.paths['/api/v1/guide/assess'].post;
  assert.deepEqual(Object.keys(post.requestBody.content['application/json'].schema.properties), [
    'counterpart', 'initiative', 'channel', 'instrument', 'consent', 'danger', 'endangered', 'canProtect', 'offence', 'items',
  ]);
  assert.deepEqual(Object.keys(post.responses['200'].content['application/json'].schema.properties), [
    'answer', 'rule', 'recipient', 'mayShare', 'conditions', 'grounds', 'record', 'standardReply', 'configuration',
  ]);
});

test('a disclosure noted through the API: 201 for the worker on the case, 400 naming the field, 403 for the DPO; counts for the DPO', async () => {
  const note = (who: string, payload: object) => app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/guide-disclosures`, headers: auth(who), payload });
  const body = { outcome: 'disclosure', ground: 'necessity', disclosedOn: '2026-11-20', recipient: 'Police, 101', shared: 'Adresse et menace annoncée' };
  assert.equal((await note('social-worker', body)).statusCode, 201);
  const noGround = await note('social-worker', { ...body, ground: null });
  assert.deepEqual([noGround.statusCode, noGround.json().message.split(':')[0]], [400, 'ground']);
  assert.ok(!noGround.body.includes('menace'));
  assert.equal((await note('dpo', body)).statusCode, 403);
  assert.equal((await note('gent-social-worker', body)).statusCode >= 400, true);
  const stats = await app.inject({ method: 'GET', url: '/api/v1/guide/disclosure-statistics', headers: auth('dpo') });
  assert.equal(stats.statusCode, 200);
  assert.deepEqual(stats.json().years[0].byGround.cells.necessity, '< 5');
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/guide/disclosure-statistics', headers: auth('social-worker') })).statusCode, 403);
});

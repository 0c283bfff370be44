// Fuzzing every route of the OpenAPI document: parameters, queries and bodies generated from the
// route's own schemas, with hostile values (NUL, huge, unicode, wrong types, unknown keys) and
// wrong content types, sent as a few roles and as nobody. Whatever comes in: no 5xx, every error
// is {code, message}, and a 400 names a field without repeating any value that was sent.
// CONFIANCE_FUZZ_RUNS sets the total number of requests (default 2500).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/authenticate.ts';
import { makeNiss } from '../domain/niss.ts';
import { addTestCpas, testContext } from '../testing/fixtures.ts';
import { type Hints, type JsonSchema, MESSAGE_WORDS, objectOf, schemaWords, stringsIn, valueOf } from '../testing/openapi-arbitrary.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

const TOTAL_RUNS = Number(process.env.CONFIANCE_FUZZ_RUNS ?? 2500);
const ROLES_SENT = ['administrative-agent', 'social-worker', 'directeur-general', 'dpo'] as const;

let t: TestDatabase;
let app: FastifyInstance;
const callers: Record<string, Record<string, string>> = {
  nobody: {},
  'bad-token': { authorization: 'Bearer Ã©Ã©-not-a-token' },
  'bad-cookie': { cookie: 'confiance_session=%00%ff; confiance_session=x' },
};
let hints: Hints;

interface Operation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly params: Readonly<Record<string, JsonSchema>>;
  readonly query: Readonly<Record<string, JsonSchema>>;
  readonly body: JsonSchema | null;
}

/** A valid request of the assessment contract: the one body whose schema the document cannot show. */
const ASSESSMENT_REQUEST = {
  dated: '2026-03-03', channel: 'letter', author: { role: 'procureur-du-roi', name: 'M. Dupont' }, reasoned: true,
  offences: ['140'], subjects: [{ niss: makeNiss('1988-04-12', 124) }], items: ['domicile-address', 'identity'],
};

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db);
  const namur = await addTestCpas(t.db, 'namur');
  for (const role of ROLES_SENT) callers[role] = { authorization: `Bearer ${(await createApiToken(ctx, namur.actors[role], 'fuzz')).token}` };
  app = await buildServer(ctx);
  const created = await app.inject({
    method: 'POST', url: '/api/v1/persons', headers: callers['administrative-agent'],
    payload: { purpose: 'intake', person: { familyName: 'Lambert', givenNames: 'Sophie', birthDate: '1988-04-12', niss: makeNiss('1988-04-12', 124) } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const plausible = fc.constantFrom('Lambert', 'Sophie Lambert', 'Rue de Fer', 'Namur', 'fuzz label');
  hints = {
    uuids: [created.json().personId, ...Object.values(namur.actors).map((a) => a.userId)],
    strings: {
      niss: fc.oneof(fc.constant(makeNiss('1988-04-12', 124)), fc.integer({ min: 1, max: 997 }).map((n) => makeNiss('1990-01-01', n)), fc.stringMatching(/^\d{11}$/)),
      name: plausible, familyName: plausible, givenNames: plausible, street: plausible, municipality: plausible, label: plausible,
      contentBase64: fc.constantFrom('JVBERi0xLjQK', 'aGVsbG8=', 'not base64!'),
      login: fc.constantFrom('social-worker@namur', 'ghost@namur', 'nobody'),
      reason: fc.constant('Urgence: la personne est à l’accueil et le dossier est nécessaire.'),
      answerBy: fc.constantFrom('2026-12-31', '2027-01-15'),
    },
    any: fc.oneof(fc.constant(ASSESSMENT_REQUEST), fc.jsonValue({ maxDepth: 2 })),
  };
});
after(async () => {
  await app?.close();
  await t?.drop();
});

function operationsOf(document: { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => {
    const parameters = op.parameters ?? [];
    const part = (where: string) => Object.fromEntries(parameters.filter((p) => p.in === where).map((p) => [p.name, p.schema]));
    return { method: method.toUpperCase() as Operation['method'], path, params: part('path'), query: part('query'), body: op.requestBody?.content?.['application/json']?.schema ?? null };
  }));
}

const CONTENT_TYPES = [...Array<'json'>(14).fill('json'), 'broken-json', 'text', 'form', 'multipart', 'none', 'xml'] as const;

function payloadOf(kind: (typeof CONTENT_TYPES)[number], body: unknown): { payload?: string; headers: Record<string, string> } {
  const json = JSON.stringify(body) ?? 'null';
  switch (kind) {
    case 'json': return { payload: json, headers: { 'content-type': 'application/json' } };
    case 'broken-json': return { payload: json.slice(0, Math.max(1, json.length - 1)) + '\u0000', headers: { 'content-type': 'application/json' } };
    case 'text': return { payload: json, headers: { 'content-type': 'text/plain' } };
    case 'form': return { payload: new URLSearchParams({ data: json }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    case 'multipart': return { payload: `--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n${json}\r\n--b--\r\n`, headers: { 'content-type': 'multipart/form-data; boundary=b' } };
    case 'xml': return { payload: '<x/>', headers: { 'content-type': 'application/xml' } };
    case 'none': return { payload: json, headers: {} };
  }
}

function requestOf(op: Operation) {
  const params = fc.record(Object.fromEntries(Object.entries(op.params).map(([name, schema]) => [name, valueOf(schema, name, hints)])));
  const query = objectOf({ type: 'object', properties: op.query as Record<string, JsonSchema>, required: Object.keys(op.query) }, hints);
  const body = op.body ? valueOf(op.body, 'body', hints) : fc.constant(undefined);
  const caller = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ROLES_SENT) }, { weight: 1, arbitrary: fc.constantFrom('nobody', 'bad-token', 'bad-cookie') });
  return fc.record({ caller, params, query, body, contentType: fc.constantFrom(...CONTENT_TYPES) });
}

/** A path segment as sent: a lone surrogate cannot be percent-encoded as UTF-8, so it goes as invalid UTF-8 bytes. */
function segment(value: unknown): string {
  const text = String(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return `%ED%A0%80${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))}`;
  }
}

function checkAnswer(op: Operation, sent: unknown[], status: number, body: string, where: string): void {
  assert.ok(status < 500, `${where}: ${status} ${body.slice(0, 300)}`);
  if (status < 400) return;
  const parsed = JSON.parse(body) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed).sort(), ['code', 'message'], `${where}: ${body.slice(0, 300)}`);
  const message = String(parsed.message);
  if (status !== 400) return;
  assert.match(message, /^[A-Za-z_][\w.[\]-]*: /, `${where}: a 400 names its field: ${message}`);
  // The field is a path of schema keys; what follows it must repeat nothing that was sent, except
  // words the schema itself names (allowed values, bounds) and the fixed sample request's choices.
  const said = message.slice(message.indexOf(': ') + 2);
  const allowed = new Set([...schemaWords(op), ...MESSAGE_WORDS, ...stringsIn(ASSESSMENT_REQUEST)]);
  for (const value of stringsIn(sent)) {
    if (value.length > 3 && !allowed.has(value)) assert.ok(!said.includes(value), `${where}: echoes ${JSON.stringify(value.slice(0, 60))} in ${message}`);
  }
}

test('every route of the OpenAPI document, fuzzed: no 5xx, the common error body, no echo', { timeout: 600_000 }, async () => {
  await app.ready();
  const operations = operationsOf((app as unknown as { swagger(): Parameters<typeof operationsOf>[0] }).swagger());
  assert.ok(operations.length >= 40, `only ${operations.length} operations`);
  const runs = Math.max(5, Math.ceil(TOTAL_RUNS / operations.length));
  const statuses = new Map<number, number>();
  const started = Date.now();
  for (const op of operations) {
    await fc.assert(fc.asyncProperty(requestOf(op), async (input) => {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => segment((input.params as Record<string, unknown>)[name]));
      const search = new URLSearchParams(Object.entries(input.query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? '']));
      const url = `${path}${search.size > 0 ? `?${search}` : ''}`;
      const sendsBody = op.method !== 'GET' && op.method !== 'DELETE' && input.body !== undefined;
      const { payload, headers } = sendsBody ? payloadOf(input.contentType, input.body) : { payload: undefined, headers: {} };
      const res = await app.inject({ method: op.method, url, payload, headers: { ...callers[input.caller], ...headers } });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      checkAnswer(op, [input.params, input.query, input.body], res.statusCode, res.body, `${op.method} ${url.slice(0, 120)} as ${input.caller} (${input.contentType})`);
    }), { numRuns: runs, endOnFailure: true });
  }
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  console.log(`fuzz: ${total} requests over ${operations.length} operations in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  assert.ok((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0) > 0, 'some requests get through to the use cases');
});

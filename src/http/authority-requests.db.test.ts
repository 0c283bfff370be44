// The register over HTTP, end to end: intake by anyone, the register for its readers only, the
// answer prepared by one signatory and signed by the other, the PDF letter, the statistics in CSV
// and JSON, and 400s that name the field at fault.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/authenticate.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { pdfTestSkip, pdfText } from '../testing/pdf-text.ts';
import { prosecutorRequest, REGISTER_NOW, seedPersonFile, type SeededPerson } from '../testing/requests.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let app: FastifyInstance;
let namur: TestCpas;
let person: SeededPerson;
const tokens: Record<string, string> = {};
const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db, REGISTER_NOW);
  namur = await addTestCpas(t.db, 'namur');
  person = await seedPersonFile(ctx, namur);
  for (const [name, actor] of Object.entries(namur.actors)) tokens[name] = (await createApiToken(ctx, actor, 'test')).token;
  app = await buildServer(ctx);
});
after(async () => {
  await app?.close();
  await t.drop();
});

test('a request through the API: intake, register, assessment, match, answer, signature, PDF, sending', async () => {
  const intake = await app.inject({
    method: 'POST', url: '/api/v1/requests', headers: auth('social-worker'),
    payload: {
      request: prosecutorRequest([person.niss], ['identity', 'domicile-address', 'social-report']),
      reference: 'NA.12.LL.4242/26',
      reasonsText: 'Enquête en cours.',
      letter: { fileName: 'scan.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF scan').toString('base64') },
    },
  });
  assert.equal(intake.statusCode, 201, intake.body);
  const { requestId, forwarded } = intake.json();
  assert.equal(forwarded, true);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/requests', headers: auth('social-worker') })).statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}`, headers: auth('social-worker') })).statusCode, 403);

  const register = await app.inject({ method: 'GET', url: '/api/v1/requests', headers: auth('dpo') });
  assert.equal(register.statusCode, 200, register.body);
  assert.equal(register.json().requests[0].reference, 'NA.12.LL.4242/26');

  const assessed = await app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/assess`, headers: auth('directeur-general') });
  assert.equal(assessed.statusCode, 200, assessed.body);
  assert.equal(assessed.json().assessment.outcome, 'answer');

  const candidates = await app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}/subjects/1/candidates`, headers: auth('directeur-general') });
  assert.equal(candidates.json().candidates[0].personId, person.personId);
  const match = await app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/subjects/1/match`, headers: auth('directeur-general'), payload: { personId: person.personId } });
  assert.equal(match.statusCode, 200, match.body);

  const draft = await app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/prepare`, headers: auth('president') });
  assert.equal(draft.statusCode, 200, draft.body);
  const { sha256, withheld } = draft.json();
  assert.deepEqual(withheld.map((i: { item: string }) => i.item), ['social-report']);
  assert.ok(!draft.body.includes('CANARY'));

  const own = await app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/sign`, headers: auth('president'), payload: { sha256 } });
  assert.equal(own.statusCode, 403, 'four eyes');
  const worker = await app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/sign`, headers: auth('social-worker'), payload: { sha256 } });
  assert.equal(worker.statusCode, 403);
  const signed = await app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/sign`, headers: auth('directeur-general'), payload: { sha256 } });
  assert.equal(signed.statusCode, 200, signed.body);

  const pdf = await app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}/letter.pdf`, headers: auth('directeur-general') });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.headers['content-disposition'], `attachment; filename="letter-${requestId}.pdf"`);
  assert.equal(pdf.headers['cache-control'], 'no-store');
  if (!pdfTestSkip()) {
    const text = pdfText(pdf.rawPayload);
    assert.ok(text.includes('NA.12.LL.4242/26') && text.includes(person.familyName.toLocaleUpperCase('fr-BE')) && text.includes(sha256));
    assert.ok(!text.includes('CANARY'));
  }

  const sent = await app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/sent`, headers: auth('directeur-general') });
  assert.equal(sent.json().state, 'sent');
  const detail = await app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}`, headers: auth('president') });
  assert.deepEqual(detail.json().history.map((h: { toState: string }) => h.toState), ['received', 'assessed', 'prepared', 'signed', 'sent']);
  const scan = await app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}/attachments/${detail.json().attachments[0].attachmentId}`, headers: auth('president') });
  assert.equal(scan.body, '%PDF scan');
});

test('an oral request gets the standard reply; bad input gets a 400 naming the field', async () => {
  const call = await app.inject({
    method: 'POST', url: '/api/v1/requests', headers: auth('administrative-agent'),
    payload: { request: prosecutorRequest([], ['identity'], { channel: 'in-person', author: { role: 'police' } }) },
  });
  assert.equal(call.statusCode, 201, call.body);
  assert.equal(call.json().kind, 'oral-attempt');
  assert.match(call.json().standardReply, /demande écrite et motivée du procureur du Roi/);
  const bad = await app.inject({
    method: 'POST', url: '/api/v1/requests', headers: auth('administrative-agent'),
    payload: { request: { ...prosecutorRequest([], []), channel: 'pigeon' } },
  });
  assert.equal(bad.statusCode, 400);
  // The field is named, the rejected value never echoed.
  assert.match(bad.json().message, /^request\.channel: the text is not a channel/);
  assert.doesNotMatch(bad.body, /pigeon/);
  const badDate = await app.inject({ method: 'POST', url: '/api/v1/requests', headers: auth('administrative-agent'), payload: { request: prosecutorRequest([], []), answerBy: '2026-02-30' } });
  assert.equal(badDate.statusCode, 400);
  assert.match(badDate.json().message, /answerBy/);
  const pure = await app.inject({ method: 'POST', url: '/api/v1/requests/assess', headers: auth('social-worker'), payload: prosecutorRequest([person.niss], ['identity']) });
  assert.equal(pure.statusCode, 200, 'the pure assessment stays open to all staff');
  assert.equal(pure.json().outcome, 'answer');
});

test('statistics in JSON and CSV, for the directeur général, the président and the DPO only', async () => {
  const json = await app.inject({ method: 'GET', url: '/api/v1/requests/statistics?year=2026', headers: auth('dpo') });
  assert.equal(json.statusCode, 200, json.body);
  assert.equal(json.json().year, 2026);
  const csv = await app.inject({ method: 'GET', url: '/api/v1/requests/statistics?year=2026&format=csv', headers: auth('president') });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /^text\/csv/);
  assert.ok(csv.body.startsWith('year,table,key,count\n'));
  assert.ok(csv.body.includes('2026,received-by-channel,in-person,< 5'));
  assert.ok(!/,[1-4]\n/.test(csv.body), 'no count from 1 to 4');
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/requests/statistics?year=2026', headers: auth('social-worker') })).statusCode, 403);
});

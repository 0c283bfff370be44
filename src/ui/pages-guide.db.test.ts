// The guide's pages through fastify's inject: one question per page, answers carried by POST only,
// the police phone call ending on the standard reply, grave and current danger on must-assist,
// every role welcome, nothing stored and no "report" button or order anywhere.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { reportOrderIn } from '../domain/guide/report-words.ts';
import type { Fixture } from './testing/fixture.ts';
import { mainOf, type PageClient } from './testing/page-client.ts';
import type { TestDatabase } from '../testing/test-database.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let world: UiWorld;
let app: FastifyInstance;
let t: TestDatabase;
let fx: Fixture;
before(async () => {
  world = await openUiWorld(() => new Date('2026-11-28T09:00:00Z'));
  ({ app, t, fx } = world);
});
after(() => world?.close());

const textOf = (body: string) => mainOf(body).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const count = async (table: string) => (await t.db.ownerTransaction((tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;
const hiddenAnswers = (body: string) => Object.fromEntries([...body.matchAll(/name="(a\.[a-zA-Z]+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]));

/** Answers the questions in order, one POST each, as a browser would; returns the last page. */
async function walk(client: PageClient, start: string, steps: [string, string | string[]][]) {
  let page = await client.get(start);
  assert.equal(page.status, 200);
  const carried: Record<string, string | string[]> = {};
  for (const [step, value] of steps) {
    assert.match(page.body, new RegExp(`name="step" value="${step}"`), `the page asks ${step}`);
    const personId = /name="personId" value="([^"]+)"/.exec(page.body)?.[1];
    page = await client.post('/guide', { ...carried, ...(personId ? { personId } : {}), step, [step]: value });
    assert.ok([200, 400].includes(page.status), `${step}: ${page.status}`);
    carried[`a.${step}`] = value;
  }
  return page;
}

const POLICE_CALL: [string, string | string[]][] = [
  ['danger', 'none'], ['initiative', 'asked'], ['counterpart', 'police'], ['channel', 'phone'], ['instrument', 'none'],
  ['offence', 'other'], ['consent', 'none'], ['items', ['client-status', 'domicile-address']],
];

test('the police phone call ends on the standard reply, with nothing stored and no address carrying an answer', async () => {
  const worker = await logInAs(app, 'assistant-social@namur');
  const logBefore = await count('access_log_entry');
  const first = await worker.get('/guide');
  assert.match(first.body, /Quelqu’un est-il en danger \?/);
  assert.match(first.body, /appelez le 112 sans attendre/);
  assert.match(first.body, /aria-current="page"[^>]*>.*Puis-je parler/s);
  const result = await walk(worker, '/guide', POLICE_CALL);
  assert.equal(result.status, 200);
  const text = textOf(result.body);
  assert.match(text, /Vous ne pouvez rien communiquer : le secret professionnel s’applique\./);
  assert.match(text, /Je suis tenu\(e\) au secret professionnel : je ne peux ni confirmer ni démentir qu'une personne est connue du CPAS\. Si une loi vous permet/);
  assert.match(result.body, /id="standard-reply"/);
  assert.match(text, /registre des demandes des autorités/);
  assert.match(text, /Configuration du CPAS : default ; règle appliquée : G19\./);
  assert.equal(await count('access_log_entry'), logBefore, 'consulting the guide logs nothing and stores nothing');
  assert.doesNotMatch(result.body, /action="[^"]*\?/, 'no form posts answers in its address');
  assert.doesNotMatch(result.body, /href="[^"]*(police|client-status)/);
});

test('grave and current danger: two questions, then must-assist with 112 and only what rescuers need', async () => {
  const agent = await logInAs(app, 'agent@namur');
  const result = await walk(agent, '/guide', [['danger', 'grave-and-current'], ['items', ['identity', 'medical-data', 'aid-decisions']]]);
  const text = textOf(result.body);
  assert.match(result.body, /data-answer="must-assist"/);
  assert.match(text, /appelez le 112/);
  assert.match(text, /Identité.*Des informations de santé/);
  assert.doesNotMatch(text.split('Ce qui peut être communiqué')[1]!.split('Conditions')[0]!, /Les aides accordées/);
  assert.match(text, /Conditions à vérifier avant d’agir/);
});

test('a missing answer is an error on the same question, and previous/change reopen earlier questions', async () => {
  const worker = await logInAs(app, 'assistant-social@namur');
  await worker.get('/guide');
  const missing = await worker.post('/guide', { step: 'danger' });
  assert.equal(missing.status, 400);
  assert.match(missing.body, /govuk-error-summary/);
  assert.match(missing.body, /Choisissez une réponse/);
  const second = await worker.post('/guide', { step: 'danger', danger: 'none' });
  assert.match(second.body, /name="step" value="initiative"/);
  assert.deepEqual(hiddenAnswers(second.body), { 'a.danger': 'none' });
  const back = await worker.post('/guide', { 'a.danger': 'none', action: 'previous' });
  assert.match(back.body, /name="step" value="danger"/);
  const result = await walk(worker, '/guide', POLICE_CALL);
  const change = await worker.post('/guide', { ...hiddenAnswers(result.body), 'a.items': ['client-status', 'domicile-address'], action: 'change:counterpart' });
  assert.match(change.body, /name="step" value="counterpart"/);
  assert.deepEqual(hiddenAnswers(change.body), { 'a.danger': 'none', 'a.initiative': 'asked' });
  // A crafted value is dropped, never shown.
  const crafted = await worker.post('/guide', { 'a.danger': 'none', 'a.initiative': '<script>x</script>', step: 'counterpart', counterpart: 'Jeanne Dupont' });
  assert.equal(crafted.status, 400);
  assert.match(crafted.body, /name="step" value="counterpart"/);
  assert.doesNotMatch(crafted.body, /Jeanne|<script>x/);
});

test('every role finds the guide in the navigation; the file links to it; no page has a report button or order', async () => {
  for (const login of ['dpo@namur', 'president@namur', 'directrice@namur', 'responsable@namur']) {
    const client = await logInAs(app, login);
    const page = await client.get('/guide');
    assert.equal(page.status, 200, login);
    assert.match(page.body, /href="\/guide"/);
  }
  const worker = await logInAs(app, 'assistant-social@namur');
  const file = await worker.openFile(fx.namur.persons.dubois!, 'case-follow-up');
  assert.match(file.body, new RegExp(`href="/persons/${fx.namur.persons.dubois}/guide"`));
  const fromFile = await walk(worker, `/persons/${fx.namur.persons.dubois}/guide`, POLICE_CALL);
  assert.match(fromFile.body, new RegExp(`name="personId" value="${fx.namur.persons.dubois}"`));
  for (const lang of ['nl', 'de', 'fr']) {
    await worker.get(`/language/${lang}?back=/guide`);
    const page = await walk(worker, '/guide', POLICE_CALL);
    const text = textOf(page.body);
    assert.equal(reportOrderIn(text), null, lang);
    assert.doesNotMatch(text, /\b(signaler|dénoncer|melden|aangeven|anzeigen)\b/i, `${lang}: no report button`);
  }
});

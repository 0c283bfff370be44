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
  assert.match(text, /Je suis tenu\(e\) au secret professionnel : je ne peux ni confirmer ni démentir qu’une personne est connue du CPAS\. Si une loi vous permet/);
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

const CHILD_458BIS: [string, string | string[]][] = [
  ['danger', 'serious-indications-other-victims'], ['endangered', 'minor'], ['canProtect', 'no'], ['initiative', 'own-initiative'],
  ['counterpart', 'procureur-du-roi'], ['channel', 'letter'], ['instrument', 'none'], ['offence', '458bis-offence'], ['consent', 'none'],
  ['items', ['identity', 'social-notes']],
];

test('a 458bis case recorded from the file: in the file’s history, and counted (not shown) in the DPO’s view', async () => {
  const personId = fx.namur.persons.dubois!;
  const worker = await logInAs(app, 'assistant-social@namur');
  await worker.openFile(personId, 'case-follow-up');
  const result = await walk(worker, `/persons/${personId}/guide`, CHILD_458BIS);
  assert.match(result.body, /data-answer="may-disclose"/);
  assert.match(textOf(result.body), /uniquement à : le procureur du Roi/);
  assert.match(result.body, new RegExp(`action="/persons/${personId}/guide/record"`));
  const agent = await logInAs(app, 'agent@namur');
  const agentResult = await walk(agent, `/persons/${personId}/guide`, CHILD_458BIS);
  assert.match(agentResult.body, /data-answer="may-disclose"/, 'the desk gets the answer');
  assert.doesNotMatch(agentResult.body, /guide\/record"/, 'but not a record form it could not submit');
  assert.equal((await agent.post(`/persons/${personId}/guide/record`, { outcome: 'refusal', ground: 'none', 'disclosedOn-day': '1', 'disclosedOn-month': '11', 'disclosedOn-year': '2026', recipient: 'x', shared: 'y' })).status, 403);
  assert.match(result.body, /name="ground" type="radio" value="458bis" checked/);
  assert.match(result.body, /name="conditions" type="checkbox" value="cannot-protect"[^>]*form="record-form"/);
  const carried = { ...hiddenAnswers(result.body), 'a.items': ['identity', 'social-notes'] };
  const missing = await worker.post(`/persons/${personId}/guide/record`, { ...carried, personId, outcome: 'disclosure', ground: '458bis', 'disclosedOn-day': '27', 'disclosedOn-month': '11', 'disclosedOn-year': '2026', recipient: '', shared: 'x' });
  assert.equal(missing.status, 400);
  assert.match(missing.body, /Indiquez à qui, ou qui a demandé/);
  const saved = await worker.post(`/persons/${personId}/guide/record`, {
    ...carried, personId, outcome: 'disclosure', ground: '458bis', 'disclosedOn-day': '27', 'disclosedOn-month': '11', 'disclosedOn-year': '2026',
    recipient: 'Parquet de Namur, substitut de garde', shared: 'Identité ; ce que l’enfant a confié.',
    conditions: ['learned-through-profession', 'cannot-protect', 'not-a-condition'],
  });
  assert.equal(saved.status, 303);
  assert.equal(saved.location, `/persons/${personId}?saved=disclosure`);
  const file = textOf((await worker.get(saved.location!)).body);
  assert.match(file, /Ce que vous avez fait a été noté dans le dossier\./);
  assert.match(file, /Communication du 27 novembre 2026.*Informer le procureur du Roi \(art\. 458bis\).*Parquet de Namur, substitut de garde/);
  assert.match(file, /Conditions vérifiées : - Vous avez appris les faits dans l’exercice de votre profession\. - Vous ne pouvez pas protéger cette intégrité/);
  assert.doesNotMatch(file, /not-a-condition|Il s’agit d’une infraction de la liste/);

  const dpo = await logInAs(app, 'dpo@namur');
  const view = await dpo.get('/guide/disclosures');
  assert.equal(view.status, 200);
  const counts = textOf(view.body);
  assert.match(counts, /Année 2026.*Informer le procureur du Roi \(art\. 458bis\) &lt; 5/);
  assert.doesNotMatch(counts, /Parquet de Namur|confié/);
  assert.match(view.body, /href="\/guide\/disclosures"/);
  const colleague = await logInAs(app, 'assistant-social-2@namur');
  assert.equal((await colleague.get('/guide/disclosures')).status, 403);
});

test('a written terrorism request of the procureur du Roi routes to the register intake, prefilled with categories only', async () => {
  const agent = await logInAs(app, 'agent@namur');
  const result = await walk(agent, '/guide', [
    ['danger', 'none'], ['initiative', 'asked'], ['counterpart', 'procureur-du-roi'], ['channel', 'letter'], ['instrument', 'written-reasoned-request'],
    ['offence', 'terrorist'], ['consent', 'none'], ['items', ['domicile-address', 'client-status']],
  ]);
  assert.match(result.body, /data-answer="use-register"/);
  const href = /href="(\/requests\/new\?[^"]+)"/.exec(result.body)?.[1]?.replace(/&amp;/g, '&');
  assert.equal(href, '/requests/new?authorRole=procureur-du-roi&channel=letter&items=domicile-address');
  const intake = await agent.get(href!);
  assert.equal(intake.status, 200);
  assert.match(intake.body, /value="procureur-du-roi" checked|value="procureur-du-roi" selected/);
  assert.match(intake.body, /value="domicile-address" checked/);
});

// The case-assignment pages: the head of social service finds a person, assigns the case to a social
// worker from a date (who then has it in their caseload), and ends the assignment on a last day,
// after which it leaves the caseload the next Brussels day; the directeur général only proposes; a
// role that may not assign meets the refusal page before any form; bad input answers 4xx naming
// the field and keeping what was typed; every step is in the access log.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Fixture } from './testing/fixture.ts';
import { mainOf, urlsOf } from './testing/page-client.ts';
import type { TestDatabase } from '../testing/test-database.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let t: TestDatabase;
let app: FastifyInstance;
let fx: Fixture;
let clock = new Date('2026-11-28T09:00:00Z');
let world: UiWorld;
before(async () => {
  world = await openUiWorld(() => clock);
  ({ t, app, fx } = world);
});
after(() => world?.close());

const as = (login: string) => logInAs(app, login);
const marchal = () => fx.namur.actors['assistant-social-2']!.userId;
const dubois = () => fx.namur.persons.dubois!;
const form = (userId: string, from: [string, string, string], until: [string, string, string] = ['', '', '']) => ({
  userId, 'assignedFrom-day': from[0], 'assignedFrom-month': from[1], 'assignedFrom-year': from[2],
  'assignedUntil-day': until[0], 'assignedUntil-month': until[1], 'assignedUntil-year': until[2],
});
const operations = async (operation: string) => (await t.db.ownerTransaction((tx) => tx.query<{ text: string }>(
  "SELECT entry_text AS text FROM access_log_entry WHERE entry_text LIKE '%' || $1 || '%' ORDER BY seq", [`"operation":"${operation}"`],
))).map((r) => JSON.parse(r.text) as { user: string; person: string; outcome: string; details: Record<string, unknown> });

describe('case assignments', { concurrency: false }, () => {
  test('a role that may not assign is refused on the page itself, before any form; the link is shown only to those who may', async () => {
    for (const login of ['assistant-social@namur', 'agent@namur', 'dpo@namur', 'president@namur']) {
      const client = await as(login);
      for (const url of ['/assignments', `/persons/${dubois()}/assignments`]) {
        const page = await client.get(url);
        assert.equal(page.status, 403, `${login} ${url}`);
        assert.doesNotMatch(page.body, /name="userId"|name="endsOn"/, 'no form to fill in');
      }
      assert.ok(!urlsOf((await client.get('/guide')).body).includes('/assignments'), `${login}: no link`);
    }
    for (const login of ['responsable@namur', 'directrice@namur']) assert.ok(urlsOf((await (await as(login)).get('/guide')).body).includes('/assignments'), login);
  });

  test('the head of social service finds the person, assigns the case; the worker has it in their caseload', async () => {
    const head = await as('responsable@namur');
    const list = await head.get('/assignments');
    assert.equal(list.status, 200);
    assert.match(mainOf(list.body), /Dubois, Marie<\/a><\/th>\s*<td[^>]*>Camille Lambert<\/td>\s*<td[^>]*>depuis le 5 janvier 2026/);
    const badSearch = await head.post('/assignments/search', { name: 'x' });
    assert.equal(badSearch.status, 400);
    assert.match(badSearch.body, /<a href="#name">/);
    const found = await head.post('/assignments/search', { name: 'dubois' });
    assert.ok(urlsOf(found.body).includes(`/persons/${dubois()}/assignments`));

    const page = await head.get(`/persons/${dubois()}/assignments`);
    assert.match(page.body, /<h1[^>]*>Attributions du dossier de Marie Dubois<\/h1>/);
    assert.match(page.body, /id="assignedFrom" name="assignedFrom-day" type="text" inputmode="numeric" value="28"/, 'today in Brussels offered as start');
    const caseloadBefore = await (await as('assistant-social-2@namur')).get('/caseload');
    assert.doesNotMatch(caseloadBefore.body, /Dubois, Marie/);

    const noWorker = await head.post(`/persons/${dubois()}/assignments`, form('', ['28', '11', '2026']));
    assert.equal(noWorker.status, 400);
    assert.match(noWorker.body, /<a href="#userId">Choisissez l’assistant\u2060·\u2060e\u00a0social\u2060·\u2060e<\/a>/);
    const badDate = await head.post(`/persons/${dubois()}/assignments`, form(marchal(), ['31', '2', '2026']));
    assert.equal(badDate.status, 400);
    assert.match(badDate.body, /<a href="#assignedFrom">/);
    assert.match(badDate.body, new RegExp(`<option value="${marchal()}" selected>Julien Marchal</option>`), 'the choice is kept');
    assert.match(badDate.body, /name="assignedFrom-day" type="text" inputmode="numeric" value="31"/, 'the typed date is kept');
    const order = await head.post(`/persons/${dubois()}/assignments`, form(marchal(), ['28', '11', '2026'], ['1', '11', '2026']));
    assert.equal(order.status, 400);
    assert.match(order.body, /<a href="#assignedUntil">/);

    const done = await head.post(`/persons/${dubois()}/assignments`, form(marchal(), ['28', '11', '2026']));
    assert.equal(done.location, `/persons/${dubois()}/assignments?done=assigned`);
    const after = await head.get(done.location!);
    assert.match(after.body, /Le dossier a été attribué/);
    assert.match(mainOf(after.body), /Julien Marchal[\s\S]*depuis le 28 novembre 2026/);
    const twice = await head.post(`/persons/${dubois()}/assignments`, form(marchal(), ['1', '12', '2026']));
    assert.equal(twice.status, 409);
    assert.match(twice.body, /<a href="#userId">Cette personne suit déjà ce dossier/);

    assert.match((await (await as('assistant-social-2@namur')).get('/caseload')).body, /Dubois, Marie/);
    const logged = await operations('assign-case');
    assert.ok(logged.some((e) => e.person === dubois() && e.details.assignee === marchal() && e.outcome === 'allowed'));
  });

  test('nobody assigns a case to themself: refused on the field, logged', async () => {
    const head = await as('responsable@namur');
    await head.get(`/persons/${dubois()}/assignments`);
    const self = await head.post(`/persons/${dubois()}/assignments`, form(fx.namur.actors.responsable!.userId, ['28', '11', '2026']));
    assert.equal(self.status, 403);
    assert.match(self.body, /<a href="#userId">Vous ne pouvez pas vous attribuer un dossier à vous-même<\/a>/);
    assert.ok((await operations('assign-case')).some((e) => e.user === fx.namur.actors.responsable!.userId && e.outcome === 'denied'));
  });

  test('the head ends the assignment on a last day: the case leaves the caseload the next Brussels day', async () => {
    const head = await as('responsable@namur');
    const page = await head.get(`/persons/${dubois()}/assignments`);
    const endForm = page.body.split('<form').find((f) => f.includes('Le dernier jour où Julien Marchal'))!;
    const assignmentId = /action="\/persons\/[0-9a-f-]{36}\/assignments\/([0-9a-f-]{36})\/end"/.exec(endForm)![1]!;
    const end = (day: string) => head.post(`/persons/${dubois()}/assignments/${assignmentId}/end`, { 'endsOn-day': day, 'endsOn-month': '11', 'endsOn-year': '2026' });
    const early = await end('27');
    assert.equal(early.status, 400);
    assert.match(early.body, new RegExp(`<a href="#endsOn-${assignmentId}">Le dernier jour ne peut pas précéder le début`));
    assert.match(early.body, /name="endsOn-day" type="text" inputmode="numeric" value="27"/);
    assert.equal((await end('')).status, 400);
    const ended = await end('28');
    assert.equal(ended.location, `/persons/${dubois()}/assignments?done=ended`);
    assert.match((await head.get(ended.location!)).body, /L’attribution a été terminée[\s\S]*du 28 novembre 2026 au 28 novembre 2026/);
    assert.match((await (await as('assistant-social-2@namur')).get('/caseload')).body, /Dubois, Marie/, 'still the last day');
    clock = new Date('2026-11-28T23:30:00Z');
    assert.doesNotMatch((await (await as('assistant-social-2@namur')).get('/caseload')).body, /Dubois, Marie/, '29 November in Brussels');
    clock = new Date('2026-11-28T09:00:00Z');
    assert.ok((await operations('end-assignment')).some((e) => e.person === dubois() && e.details.assignee === marchal() && e.outcome === 'allowed'));
  });

  test('the directeur général proposes, ends nothing; a head of social service confirms', async () => {
    const director = await as('directrice@namur');
    const gerard = fx.namur.persons.gerard!;
    const page = await director.get(`/persons/${gerard}/assignments`);
    assert.match(page.body, /Votre attribution sera une proposition/);
    assert.doesNotMatch(page.body, /\/end"/, 'no end form');
    const proposed = await director.post(`/persons/${gerard}/assignments`, form(marchal(), ['28', '11', '2026']));
    assert.equal(proposed.location, `/persons/${gerard}/assignments?done=proposed`);
    assert.doesNotMatch((await (await as('assistant-social-2@namur')).get('/caseload')).body, /Gérard, Sophie/, 'not before confirmation');
    const head = await as('responsable@namur');
    const confirmations = await head.get('/confirmations');
    assert.match(confirmations.body, new RegExp(`href="/persons/${gerard}/assignments">Gérard, Sophie</a>`), 'the head knows whose file the proposal opens');
    const proposalId = /action="\/confirmations\/assignments\/([0-9a-f-]{36})"/.exec(confirmations.body)![1]!;
    await head.post(`/confirmations/assignments/${proposalId}`, {});
    assert.match((await (await as('assistant-social-2@namur')).get('/caseload')).body, /Gérard, Sophie/);
  });
});

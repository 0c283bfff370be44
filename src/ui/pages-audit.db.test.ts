// The access-log and break-glass pages through fastify's inject, on a real database: a worker not
// on a case breaks the glass with a written reason and reads for a limited time, shown as such;
// the review queue shows it to the head of the social service and the DPO, who judge it; the DPO
// finds the emergency read and the disclosure preparation's reads in the log, by person, staff
// member and period; "who consulted this file" lists the emergency read and leaves out what was
// done for an authority's request (secrecy of the measure).
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
const REASON = 'La personne a appelé en détresse ; son assistante sociale est absente cette semaine.';

let world: UiWorld;
before(async () => {
  world = await openUiWorld(() => clock);
  ({ t, app, fx } = world);
});
after(() => world?.close());

const as = (login: string) => logInAs(app, login);
const readLogCount = async () => (await t.db.ownerTransaction((tx) => tx.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log_entry WHERE action = 'read-log'")))[0]!.n;

describe('break-glass, from the file to the review', { concurrency: false }, () => {
  const personId = () => fx.namur.persons.dubois!;

  test('a worker not on the case is offered emergency access; the dialog shows nothing of the person and needs a real reason', async () => {
    const colleague = await as('assistant-social-2@namur');
    const file = await colleague.openFile(personId(), 'case-follow-up');
    assert.match(file.body, /Dossier de Marie Dubois/);
    assert.doesNotMatch(file.body, /Le loyer absorbe/);
    assert.match(file.body, new RegExp(`href="/persons/${personId()}/break-glass"[^>]*>Demander un accès d’urgence`));
    const admin = await colleague.openFile(personId(), 'administrative-processing');
    assert.doesNotMatch(admin.body, /Demander un accès d’urgence/, 'not for an administrative purpose');
    const agent = await as('agent@namur');
    assert.doesNotMatch((await agent.openFile(personId(), 'case-follow-up')).body, /Demander un accès d’urgence/, 'not for a role outside the social service');
    const worker = await as('assistant-social@namur');
    assert.doesNotMatch((await worker.openFile(personId(), 'case-follow-up')).body, /Demander un accès d’urgence/, 'not for the worker on the case');

    await colleague.openFile(personId(), 'case-follow-up');
    const dialog = await colleague.get(`/persons/${personId()}/break-glass`);
    assert.equal(dialog.status, 200);
    assert.match(dialog.body, /Demander un accès d’urgence[\s\S]*pendant 60 minutes/);
    assert.doesNotMatch(mainOf(dialog.body), /Dubois|Marie/);
    assert.match(dialog.body, /name="purpose" value="case-follow-up"/);
    const short = await colleague.post(`/persons/${personId()}/break-glass`, { purpose: 'case-follow-up', reason: 'urgence' });
    assert.equal(short.status, 400);
    assert.match(short.body, /<a href="#reason">Décrivez l’urgence en au moins 20 caractères<\/a>/);
    const tampered = await colleague.post(`/persons/${personId()}/break-glass`, { purpose: 'administrative-processing', reason: REASON });
    assert.equal(tampered.location, `/persons/${personId()}/purpose`);
  });

  test('the glass is broken: the social part opens, read-only, marked as emergency access until its end', async () => {
    const colleague = await as('assistant-social-2@namur');
    await colleague.openFile(personId(), 'case-follow-up');
    await colleague.get(`/persons/${personId()}/break-glass`);
    const opened = await colleague.post(`/persons/${personId()}/break-glass`, { purpose: 'case-follow-up', reason: REASON });
    assert.equal(opened.location, `/persons/${personId()}?saved=emergency`);
    const file = await colleague.get(opened.location!);
    assert.match(file.body, /L’accès d’urgence est ouvert/);
    assert.match(file.body, /Accès d’urgence jusqu’au 28 novembre 2026 à 11:00/, 'an hour, in Brussels time');
    assert.match(file.body, /Le loyer absorbe l’essentiel des allocations familiales/, 'the report is readable');
    assert.doesNotMatch(file.body, /Rédiger un rapport social|Ajouter une note/, 'reading only');
    assert.doesNotMatch(file.body, /Demander un accès d’urgence/);
    const again = await colleague.post(`/persons/${personId()}/break-glass`, { purpose: 'case-follow-up', reason: REASON });
    assert.equal(again.location, `/persons/${personId()}`, 'a live grant needs no second one');
  });

  test('the review queue: the head of the social service and the DPO see it, only the head reads the reason; others are refused', async () => {
    for (const login of ['assistant-social@namur', 'directrice@namur', 'agent@namur']) assert.equal((await (await as(login)).get('/break-glass')).status, 403, login);
    const dpo = await as('dpo@namur');
    const queue = await dpo.get('/break-glass');
    assert.equal(queue.status, 200);
    assert.match(queue.body, /Accès d’urgence à revoir/);
    assert.match(queue.body, /Julien Marchal, le 28 novembre 2026/);
    assert.doesNotMatch(queue.body, new RegExp(REASON.replace(/[()?]/g, '\\$&')), 'the reason is a social note: not for the DPO');
    assert.match(queue.body, /Lisible par le responsable du service social seulement/);
    assert.match(queue.body, /Ce qui a été ouvert<\/dt>\s*<dd[^>]*>\s*(\d+ consultations? : |Rien n’a été consulté)/, 'the DPO sees what was opened under the grant');
    assert.match(queue.body, new RegExp(`href="/audit/persons/${personId()}"`), 'the DPO follows the file through the log');
    // The policy lets a list name a person to the DPO (mayNamePersons): the queue says whose file.
    assert.match(mainOf(queue.body), new RegExp(`href="/audit/persons/${personId()}">Dossier de Marie Dubois</a>`));
    const head = await as('responsable@namur');
    const forHead = await head.get('/break-glass');
    assert.match(forHead.body, new RegExp(`href="/persons/${personId()}">Dossier de Marie Dubois</a>`));
    assert.match(forHead.body, new RegExp(REASON.replace(/[()?]/g, '\\$&')));
    const grantId = /action="\/break-glass\/([0-9a-f-]{36})\/review"/.exec(forHead.body)![1]!;
    const noComment = await head.post(`/break-glass/${grantId}/review`, { outcome: 'not-justified', comment: '' });
    assert.equal(noComment.status, 400);
    assert.match(noComment.body, new RegExp(`<a href="#comment-${grantId}">Expliquez pourquoi l’accès n’était pas justifié</a>`));
    assert.equal((await head.post(`/break-glass/${grantId}/review`, {})).status, 400);
    const reviewed = await head.post(`/break-glass/${grantId}/review`, { outcome: 'justified', comment: 'Urgence confirmée par téléphone.' });
    assert.equal(reviewed.location, '/break-glass?reviewed=1');
    const after = await head.get(reviewed.location!);
    assert.match(after.body, /La revue a été enregistrée/);
    assert.match(after.body, /Aucun accès d’urgence n’attend de revue/);
    const all = await head.get('/break-glass?all=1');
    assert.match(all.body, /Justifié[\s\S]*Nadia Benali[\s\S]*Urgence confirmée par téléphone\./);
    assert.doesNotMatch(all.body, /action="\/break-glass\/[^"]+\/review"/, 'a review is final');
  });
});

describe('the access log', () => {
  test('only the DPO reads it, and each reading is itself logged', async () => {
    for (const login of ['directrice@namur', 'responsable@namur']) assert.equal((await (await as(login)).get('/audit')).status, 403, login);
    const dpo = await as('dpo@namur');
    const form = await dpo.get('/audit');
    assert.match(form.body, /Par dossier[\s\S]*Par membre du personnel[\s\S]*Par période/);
    assert.match(form.body, /<option value="[0-9a-f-]{36}">Julien Marchal<\/option>/);
    const bad = await dpo.post('/audit/person', { name: 'd' });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /<a href="#name">/, 'the error names the field');
    assert.match(bad.body, /id="name" name="name" type="text" value="d"/, 'what was typed is kept');
    assert.equal((await dpo.post('/audit/person', {})).status, 400, 'no criterion');
    const before = await readLogCount();
    await dpo.get(`/audit/persons/${fx.namur.persons.dubois}`);
    assert.equal(await readLogCount(), before + 1);
  });

  test('by person: the emergency read and the disclosure preparation’s reads are both there', async () => {
    const dpo = await as('dpo@namur');
    await dpo.get('/audit');
    const found = await dpo.post('/audit/person', { name: 'dubois m' });
    assert.equal(found.status, 200);
    const href = `/audit/persons/${fx.namur.persons.dubois}`;
    assert.ok(urlsOf(found.body).includes(href), 'the finder leads to the person’s log');
    const page = await dpo.get(href);
    const main = mainOf(page.body);
    assert.match(main, /<h1 class="govuk-heading-l">Dossier de Marie Dubois<\/h1>/, 'the DPO reads whose log it is');
    const rows = main.match(/<tr class="govuk-table__row">[\s\S]*?<\/tr>/g) ?? [];
    const emergencyRead = rows.find((r) => /Julien Marchal/.test(r) && /Consultation/.test(r) && /Accès d’urgence<\/strong>/.test(r));
    assert.ok(emergencyRead, 'the report read under break-glass');
    assert.match(emergencyRead!, /Toute la partie sociale/, 'the secret part, all of it');
    assert.match(emergencyRead!, /Suivi du dossier/);
    const preparation = rows.find((r) => /Sarah Collin/.test(r) && /Opération : Préparation de la réponse/.test(r));
    assert.ok(preparation, 'the delegate’s read to prepare the answer');
    assert.match(preparation!, /Traitement d’une demande d’une autorité/);
    assert.match(preparation!, new RegExp(`Demande : <a class="govuk-link" href="/requests/${fx.namur.requests.prepared}">`));
    assert.ok(rows.some((r) => /Ouverture d’un accès d’urgence/.test(r)), 'the opening of the grant');
    assert.ok(rows.some((r) => /Julien Marchal/.test(r) && /Recherche|Consultation/.test(r)));
    assert.doesNotMatch(main, /Le loyer absorbe|détresse/, 'no content, no reason');
  });

  test('by staff member and by period, a page at a time', async () => {
    const dpo = await as('dpo@namur');
    const colleague = fx.namur.actors['assistant-social-2']!.userId;
    await dpo.get('/audit');
    const byStaff = await dpo.get((await dpo.post('/audit/staff', { userId: colleague })).location!);
    assert.match(byStaff.body, /Accès de Julien Marchal/);
    assert.match(byStaff.body, /Ouverture d’un accès d’urgence/);
    await dpo.get('/audit');
    assert.equal((await dpo.post('/audit/period', { 'from-day': '28', 'from-month': '11', 'from-year': '2026', 'to-day': '27', 'to-month': '11', 'to-year': '2026' })).status, 400);
    // Enough entries for more than one page: each reading of the log is itself an entry.
    for (let i = 0; i < 50; i++) await dpo.get(`/audit/staff/${colleague}`);
    await dpo.get('/audit');
    const go = await dpo.post('/audit/period', { 'from-day': '28', 'from-month': '11', 'from-year': '2026', 'to-day': '28', 'to-month': '11', 'to-year': '2026' });
    assert.equal(go.location, '/audit/period?from=2026-11-28&to=2026-11-28');
    const period = await dpo.get(go.location!);
    assert.match(period.body, /Du 28 novembre 2026 au 28 novembre 2026/);
    assert.match(period.body, /50 entrées, les plus récentes en premier/);
    const older = /href="(\/audit\/period\?from=2026-11-28&amp;to=2026-11-28&amp;before=\d+)"/.exec(period.body)?.[1];
    assert.ok(older, 'a link to older entries');
    const next = await dpo.get(older!.replace(/&amp;/g, '&'));
    assert.equal(next.status, 200);
    assert.match(next.body, /Entrées les plus récentes/);
    assert.equal((await dpo.get('/audit/period?from=2026-02-30&to=2026-03-01')).location, '/audit');
  });
});

describe('who consulted this file', () => {
  test('printable for the person: the emergency read is listed, what was done for an authority is not', async () => {
    const agent = await as('agent@namur');
    const file = await agent.openFile(fx.namur.persons.dubois!, 'data-subject-access');
    assert.match(file.body, new RegExp(`href="/persons/${fx.namur.persons.dubois}/access-history">Qui a consulté ce dossier`));
    const page = await agent.get(`/persons/${fx.namur.persons.dubois}/access-history`);
    assert.equal(page.status, 200);
    const main = mainOf(page.body);
    assert.match(main, /Qui a consulté ce dossier/);
    assert.match(main, /Liste établie par le CPAS de Namur le 28 novembre 2026/);
    assert.match(main, /Julien Marchal[\s\S]*?A consulté le dossier<br><strong class="govuk-tag govuk-tag--orange">Accès d’urgence/);
    assert.match(main, /Camille Lambert/);
    assert.doesNotMatch(main, /Sarah Collin|Isabelle Dumont/, 'the register’s work on the file is left out');
    assert.doesNotMatch(main, /demande d(’|&#39;)une autorité/);
    assert.doesNotMatch(main, /détresse/, 'never the reason');
    const colleague = await as('assistant-social-2@namur');
    assert.equal((await colleague.get(`/persons/${fx.namur.persons.dubois}/access-history`)).status, 403, 'not for a worker off the case');
    const worker = await as('assistant-social@namur');
    const own = await worker.openFile(fx.namur.persons.dubois!, 'case-follow-up');
    assert.match(own.body, /Qui a consulté ce dossier/);
  });

  test('after the hour the glass closes again; the queue shows the grant as ended', async () => {
    clock = new Date(clock.getTime() + 61 * 60_000);
    try {
      const colleague = await as('assistant-social-2@namur');
      const file = await colleague.openFile(fx.namur.persons.dubois!, 'case-follow-up');
      assert.doesNotMatch(file.body, /Le loyer absorbe/);
      assert.match(file.body, /Demander un accès d’urgence/);
      const head = await as('responsable@namur');
      assert.match((await head.get('/break-glass?all=1')).body, /Terminé/);
    } finally {
      clock = new Date(clock.getTime() - 61 * 60_000);
    }
  });

  test('CSP and CSRF on every page; no personal data in any address', async () => {
    const dpo = await as('dpo@namur');
    const head = await as('responsable@namur');
    const agent = await as('agent@namur');
    await agent.openFile(fx.namur.persons.dubois!, 'intake');
    const colleague = await as('assistant-social-2@namur');
    await colleague.openFile(fx.namur.persons.gerard!, 'case-follow-up');
    const pages = [
      ...await Promise.all(['/audit', `/audit/persons/${fx.namur.persons.dubois}`, `/audit/staff/${fx.namur.actors.agent!.userId}`, '/audit/period?from=2026-11-01&to=2026-11-28', '/break-glass?all=1'].map((u) => dpo.get(u))),
      await head.get('/break-glass?all=1'),
      await agent.get(`/persons/${fx.namur.persons.dubois}/access-history`),
      await colleague.get(`/persons/${fx.namur.persons.gerard}/break-glass`),
    ];
    const seen: string[] = [];
    for (const page of pages) {
      assert.equal(page.status, 200);
      assert.match(String(page.headers['content-security-policy']), /^default-src 'self'; script-src 'self'/);
      assert.doesNotMatch(page.body, /<script(?![^>]*\bsrc=)/);
      assert.doesNotMatch(page.body, /\sstyle="/);
      for (const form of page.body.match(/<form[\s\S]*?<\/form>/g) ?? []) assert.match(form, /method="post"[\s\S]*name="_csrf" value="[^"]+"/);
      seen.push(...urlsOf(page.body));
    }
    assert.ok(seen.length > 50);
    for (const url of seen.map((u) => u.replace(/\?v=[0-9a-f]+$/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID'))) {
      assert.doesNotMatch(url, /\d{6}/, url);
      assert.doesNotMatch(url, /dubois|marie|g[ée]rard|sophie|1986|1992/i, url);
    }
  });
});

// The register's settings page on four eyes: the legal service (a delegate) proposes the 2024 Code
// pénal's confirmed articles with its decision's reference; the proposer cannot confirm; the
// directeur général confirms; a request citing the 2024 code is then answered instead of going to
// legal review. Bad input names its field; nobody outside the register reaches the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let app: FastifyInstance;
let world: UiWorld;
const clock = new Date('2026-11-28T09:00:00Z');
before(async () => {
  world = await openUiWorld(() => clock);
  ({ app } = world);
});
after(() => world?.close());

const as = (login: string) => logInAs(app, login);
const proposal = (over: Record<string, string> = {}) => ({
  decisionRef: 'Avis du service juridique du 12 mai 2026, réf. SJ/2026/14', answerDelayDays: '15', newBookIIFrom: '2026-04-08',
  articles: '400, 401bis', articlesSource: 'Justel, texte consolidé vérifié le 12 mai 2026', ...over,
});
const idOf = (body: string) => /\/requests\/settings\/proposals\/([0-9a-f-]{36})\/confirm/.exec(body)?.[1] ?? '';

describe('register settings', () => {
  test('the legal service proposes the 2024 articles, a second person confirms, and a request citing them is answered', async () => {
    const director = await as('directrice@namur');
    const form = (over: Record<string, string>) => ({
      authorRole: 'procureur-du-roi', authorName: 'M. Dupont, substitut', authorOffice: 'Parquet de Namur', channel: 'letter',
      'dated-day': '2', 'dated-month': '11', 'dated-year': '2026', 'received-day': '4', 'received-month': '11', 'received-year': '2026',
      reference: 'NA.12.LL.7000/26', 'answerBy-day': '', 'answerBy-month': '', 'answerBy-year': '', reasoned: 'yes', reasonsText: 'Enquête.',
      offences: 'art. 400 CP 2024', 'subject1-niss': '', 'subject1-name': 'Sophie Gérard', 'subject1-birthDate-day': '14', 'subject1-birthDate-month': '7',
      'subject1-birthDate-year': '1992', items: ['identity'], ...over,
    });
    await director.get('/requests/new');
    const before = /\/requests\/([0-9a-f-]{36})/.exec((await director.postMultipart('/requests', form({}))).location ?? '')?.[1] ?? '';
    await director.post(`/requests/${before}/assess`, {});
    assert.match((await director.get(`/requests/${before}/assessment`)).body, /Issue : Examen par le service juridique/, 'unconfirmed 2024 articles');

    const legal = await as('secretariat@namur');
    await legal.get('/requests/settings');
    const proposed = await legal.post('/requests/settings', proposal());
    assert.equal(proposed.location, '/requests/settings?done=proposed');
    const pending = await legal.get(proposed.location!);
    assert.match(pending.body, /Vous avez fait cette proposition/);
    const directorPage = await director.get('/requests/settings');
    const proposalId = idOf(directorPage.body);
    assert.ok(proposalId, 'the director is offered the confirmation');
    assert.equal((await legal.post(`/requests/settings/proposals/${proposalId}/confirm`, {})).status, 403, 'a delegate never confirms');
    assert.equal((await director.post(`/requests/settings/proposals/${proposalId}/confirm`, {})).location, '/requests/settings?done=confirmed');
    const confirmed = (await director.get('/requests/settings')).body;
    assert.match(confirmed, /400, 401bis/);
    assert.match(confirmed, /SJ\/2026\/14/);
    assert.match(confirmed, /Sarah Collin/, 'the proposer is named in the version');

    await director.post(`/requests/${before}/assess`, {});
    assert.match((await director.get(`/requests/${before}/assessment`)).body, /Issue : Répondre/, 'answered on the confirmed catalogue');
  });

  test('the proposer cannot confirm their own proposal; bad input names its field; outsiders are refused', async () => {
    const director = await as('directrice@namur');
    await director.get('/requests/settings');
    assert.equal((await director.post('/requests/settings', proposal({ articles: '402' }))).location, '/requests/settings?done=proposed');
    const own = (await director.get('/requests/settings')).body;
    assert.match(own, /Vous avez fait cette proposition/);
    const president = await as('president@namur');
    const proposalId = idOf((await president.get('/requests/settings')).body);
    assert.equal((await director.post(`/requests/settings/proposals/${proposalId}/confirm`, {})).status, 403, 'four eyes');
    assert.equal((await president.post(`/requests/settings/proposals/${proposalId}/reject`, {})).location, '/requests/settings?done=rejected');

    const noRef = await director.post('/requests/settings', proposal({ decisionRef: '' }));
    assert.equal(noRef.status, 400);
    assert.match(noRef.body, /Référence de la décision : saisissez/);
    const badArticle = await director.post('/requests/settings', proposal({ articles: 'radicalisation' }));
    assert.equal(badArticle.status, 400);
    assert.match(badArticle.body, /Articles confirmés : écrivez/);
    assert.ok(!badArticle.body.includes('radicalisation</'), 'the value is not echoed in a message');
    for (const login of ['assistant-social@namur', 'agent@namur']) {
      assert.equal((await (await as(login)).get('/requests/settings')).status, 403, login);
    }
  });
});

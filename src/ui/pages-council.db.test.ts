// The agenda of the council and the committee through the pages: a council member lands on the
// agenda; the secretariat schedules a session (a 400 naming the fields first); the worker on the
// case places an application from the file, the desk is refused before any form; the member reads
// the item, is told which field is wrong, records the decision, which the worker then sees in the
// file; the member is refused on the file itself and on the search; once the président closes the
// session, the item is refused too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { submitApplication } from '../app/add-person-records.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';
import { mainOf } from './testing/page-client.ts';

let world: UiWorld;
let personId = '';
let sessionId = '';
let itemId = '';
const as = (login: string) => logInAs(world.app, login);

before(async () => {
  world = await openUiWorld(() => new Date('2026-11-28T09:00:00Z'));
  personId = world.fx.namur.persons.dubois!;
  await submitApplication(world.ctx, world.fx.namur.actors.agent!, {
    personId, purpose: 'intake', application: { kind: 'aide-sociale-financiere', submittedOn: '2026-11-20', channel: 'desk', communicated: {} },
  });
});
after(() => world?.close());

test('a council member lands on the agenda, and sees neither the search nor the caseload', async () => {
  const member = await as('conseillere@namur');
  const home = await member.get('/');
  assert.equal(home.location, '/agenda');
  const page = await member.get('/agenda');
  assert.equal(page.status, 200);
  assert.match(page.body, /Séances à huis clos/);
  assert.ok(!page.body.includes('href="/search"') && !page.body.includes('href="/caseload"'));
  assert.match((await (await as('raadslid@gent')).get('/agenda')).body, /Besloten zittingen/);
});

test('the secretariat schedules a session: a 400 names the missing fields, then it is listed', async () => {
  const secretariat = await as('secretariat@namur');
  await secretariat.get('/agenda');
  const bad = await secretariat.post('/agenda/sessions', { 'meetingDate-day': '31', 'meetingDate-month': '2', 'meetingDate-year': '2026' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /href="#body"/);
  assert.match(bad.body, /href="#meetingDate"/);
  const good = await secretariat.post('/agenda/sessions', { body: 'comite-special-service-social', 'meetingDate-day': '3', 'meetingDate-month': '12', 'meetingDate-year': '2026' });
  assert.equal(good.status, 303);
  const list = await secretariat.get(good.location!);
  assert.match(list.body, /La séance est programmée/);
  sessionId = /href="\/agenda\/sessions\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
  assert.equal((await (await as('conseillere@namur')).post('/agenda/sessions', { body: 'conseil-action-sociale' })).status, 403);
});

test('the worker on the case places the application from the file; the desk is refused before any form', async () => {
  const worker = await as('assistant-social@namur');
  const file = await worker.openFile(personId, 'case-follow-up');
  assert.ok(file.body.includes(`href="/persons/${personId}/agenda"`));
  const form = await worker.get(`/persons/${personId}/agenda`);
  assert.equal(form.status, 200);
  assert.match(form.body, /Aide sociale financière/);
  const missing = await worker.post(`/persons/${personId}/agenda`, { sessionId });
  assert.equal(missing.status, 400);
  assert.match(missing.body, /href="#applicationId"/);
  const applicationId = /name="applicationId" type="radio" value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
  const placed = await worker.post(`/persons/${personId}/agenda`, { sessionId, applicationId });
  assert.equal(placed.status, 303);
  assert.match((await worker.get(placed.location!)).body, /La demande est à l’ordre du jour/);
  const desk = await as('agent@namur');
  const refused = await desk.get(`/persons/${personId}/agenda`);
  assert.equal(refused.status, 403);
  assert.ok(!refused.body.includes('name="applicationId"'));
});

test('the member reads the item (R31 classes only), is told what is wrong, and records the decision', async () => {
  const member = await as('conseillere@namur');
  const session = await member.get(`/agenda/sessions/${sessionId}`);
  assert.match(session.body, /Marie Dubois/);
  itemId = /href="\/agenda\/items\/([0-9a-f-]{36})"/.exec(session.body)![1]!;
  const item = mainOf((await member.get(`/agenda/items/${itemId}`)).body);
  assert.match(item, /Composition du ménage/);
  assert.match(item, /Rue des Tanneries/);
  // No contact details, no payment account, no social report, no case note.
  for (const hidden of ['+32 470 00 00 01', 'marie.dubois@example.org', 'Compte de paiement', 'Le loyer absorbe', 'Entretien au guichet']) {
    assert.ok(!item.includes(hidden), `not on the item page: ${hidden}`);
  }
  const bad = await member.post(`/agenda/items/${itemId}/decision`, { outcome: 'refused', amount: '12,50', motivation: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /href="#amount">Un refus ne comporte pas de montant/);
  assert.match(bad.body, /href="#motivation"/);
  const amount = await member.post(`/agenda/items/${itemId}/decision`, { outcome: 'granted', amount: 'douze', motivation: 'Motifs.' });
  assert.match(amount.body, /href="#amount">Entrez un montant en euros/);
  const good = await member.post(`/agenda/items/${itemId}/decision`, {
    outcome: 'granted', amount: '1 263,17', 'periodFrom-day': '1', 'periodFrom-month': '12', 'periodFrom-year': '2026',
    'periodTo-day': '', 'periodTo-month': '', 'periodTo-year': '', motivation: 'Aide ponctuelle pour la garantie locative.',
  });
  assert.equal(good.status, 303);
  const decided = await member.get(good.location!);
  assert.match(decided.body, /La décision est enregistrée/);
  assert.match(decided.body, /Ce point est décidé/);
  assert.ok(!decided.body.includes('name="motivation"'), 'no second decision form');
});

test('the decision is in the file for the worker; the member is refused on the file, the search and other persons', async () => {
  const worker = await as('assistant-social@namur');
  const file = mainOf((await worker.openFile(personId, 'case-follow-up')).body);
  assert.match(file, /Aide ponctuelle pour la garantie locative/);
  assert.match(file, /1\s263,17\s€/);
  const member = await as('conseillere@namur');
  assert.equal((await member.openFile(personId, 'council-decision')).status, 403);
  assert.equal((await member.openFile(world.fx.namur.persons.elamrani!, 'council-decision')).status, 403);
  assert.equal((await member.get(`/persons/${personId}/agenda`)).status, 403);
  const form = await member.get('/search');
  assert.equal(form.status, 403, 'the search form is not shown to a role the search refuses');
  assert.equal((await member.post('/search', { name: 'Dubois', purpose: 'council-decision' })).status, 403);
});

test('the président closes the session: the member is refused on the item, the session lists nobody', async () => {
  const president = await as('president@namur');
  const session = await president.get(`/agenda/sessions/${sessionId}`);
  assert.match(session.body, /Clôturer la séance/);
  assert.equal((await president.post(`/agenda/sessions/${sessionId}/close`, {})).status, 303);
  const member = await as('conseillere@namur');
  assert.equal((await member.get(`/agenda/items/${itemId}`)).status, 403);
  const closed = await member.get(`/agenda/sessions/${sessionId}`);
  assert.match(closed.body, /Cette séance est clôturée/);
  assert.ok(!closed.body.includes('Marie Dubois'));
  assert.ok(!(await member.get('/agenda')).body.includes(sessionId));
});

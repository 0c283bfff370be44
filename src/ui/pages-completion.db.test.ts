// The completion of a returned request through the pages: the register's member opens the form
// filled with what the authority first sent, corrects it, and the same entry is assessed again.
// Refused before the form is shown to someone outside the register, and for a request that was not
// returned; bad input keeps what was typed and names the field, never its value.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { mainOf } from './testing/page-client.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let app: FastifyInstance;
let world: UiWorld;
before(async () => {
  world = await openUiWorld(() => new Date('2026-11-28T09:00:00Z'));
  ({ app } = world);
});
after(() => world?.close());

const as = (login: string) => logInAs(app, login);
const idFrom = (location: string | undefined) => /\/requests\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

/** A request of the procureur du Roi that gives no reasons: the CPAS returns it for completion. */
const unreasoned = (over: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  authorRole: 'procureur-du-roi', authorName: 'Mme Lambert, substitute', authorOffice: 'Parquet de Namur', channel: 'letter',
  'dated-day': '2', 'dated-month': '11', 'dated-year': '2026', 'received-day': '4', 'received-month': '11', 'received-year': '2026',
  reference: 'NA.12.LL.9001/26', 'answerBy-day': '', 'answerBy-month': '', 'answerBy-year': '',
  reasoned: 'no', reasonsText: '', offences: '140', offenceCode: '1867',
  'subject1-niss': '', 'subject1-name': 'Sophie Gérard', 'subject1-birthDate-day': '14', 'subject1-birthDate-month': '7', 'subject1-birthDate-year': '1992',
  items: ['identity'],
  ...over,
});

async function returnedRequest(): Promise<string> {
  const director = await as('directrice@namur');
  await director.get('/requests/new');
  const id = idFrom((await director.postMultipart('/requests', unreasoned())).location);
  await director.post(`/requests/${id}/assess`, {});
  await director.get(`/requests/${id}/return`);
  const done = await director.post(`/requests/${id}/return`, { comment: '', confirm: 'yes', role: 'directeur-general' });
  assert.equal(done.location, `/requests/${id}?done=returned`);
  return id;
}

test('the completion form, filled with the first version, records the next version and assesses it again', async () => {
  const id = await returnedRequest();
  const director = await as('directrice@namur');
  const page = await director.get(`/requests/${id}`);
  assert.match(page.body, new RegExp(`href="/requests/${id}/completion"`), 'the request page offers the completion');
  const form = await director.get(`/requests/${id}/completion`);
  assert.equal(form.status, 200);
  const main = mainOf(form.body);
  assert.match(main, new RegExp(`<form method="post" action="/requests/${id}/completion"`));
  assert.match(main, /value="NA\.12\.LL\.9001\/26"/, 'the reference as first sent');
  assert.match(main, /value="Sophie Gérard"/, 'the person as first named');
  assert.doesNotMatch(main, /name="letter"/, 'no scanned letter: the completion is recorded on the entry');
  const done = await director.postMultipart(`/requests/${id}/completion`, unreasoned({
    reasoned: 'yes', reasonsText: 'Enquête du chef de participation aux activités d’un groupe terroriste.', 'received-day': '20',
  }));
  assert.equal(done.location, `/requests/${id}?done=completed`);
  const after = await director.get(done.location!);
  assert.match(after.body, /Le complément est enregistré/);
  assert.doesNotMatch(mainOf(after.body), new RegExp(`href="/requests/${id}/completion"`), 'completed once: no second completion');
  assert.equal((await director.get(`/requests/${id}/completion`)).status, 409, 'a request no longer returned is not completed again');
});

test('bad input keeps what was typed and names the field, never its value', async () => {
  const id = await returnedRequest();
  const director = await as('directrice@namur');
  await director.get(`/requests/${id}/completion`);
  const bad = await director.postMultipart(`/requests/${id}/completion`, unreasoned({ 'subject1-niss': '12345', 'dated-month': '13' }));
  assert.equal(bad.status, 400);
  assert.match(bad.body, /href="#subject1-niss"/);
  assert.match(bad.body, /href="#dated/);
  assert.doesNotMatch(bad.body.replace(/value="12345"/g, ''), /12345/, 'the wrong number is not echoed in a message');
  assert.match(bad.body, /value="Sophie Gérard"/, 'what was typed stays');
  const oral = await director.postMultipart(`/requests/${id}/completion`, unreasoned({ channel: 'phone', reasoned: 'yes' }));
  assert.equal(oral.status, 400, 'a completion comes in writing');
  assert.match(mainOf((await director.get(`/requests/${id}`)).body), new RegExp(`href="/requests/${id}/completion"`), 'nothing recorded: still returned');
});

test('refused before the form to anyone who may not manage the register', async () => {
  const id = await returnedRequest();
  for (const login of ['assistant-social@namur', 'agent@namur', 'dpo@namur', 'directeur@gent']) {
    const client = await as(login);
    const res = await client.get(`/requests/${id}/completion`);
    assert.ok(res.status === 403 || res.status === 404, `${login}: ${res.status}`);
    assert.doesNotMatch(res.body, /NA\.12\.LL\.9001|Gérard/, login);
  }
});

// The staff member's own account page: their roles, and the address for the register's notices,
// set, corrected and removed by them only; bad input names the field and keeps what was typed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readMyAccount } from '../app/read-my-account.ts';
import { mainOf } from './testing/page-client.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let world: UiWorld;
before(async () => {
  world = await openUiWorld(() => new Date('2026-11-28T09:00:00Z'));
});
after(() => world?.close());

const emailOf = async () => (await readMyAccount(world.ctx, world.fx.namur.actors.directrice!)).notificationEmail;

test('every page links to the account; the account shows the roles and sets, keeps and removes the address', async () => {
  const director = await logInAs(world.app, 'directrice@namur');
  const home = await director.get('/requests');
  assert.match(home.body, /<a class="govuk-link govuk-link--inverse" href="\/account">/);
  const page = await director.get('/account');
  assert.equal(page.status, 200);
  assert.match(mainOf(page.body), /Directeur·rice général·e/);
  const bad = await director.post('/account/notification-email', { email: 'not an address' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /href="#email"/);
  assert.match(bad.body, /value="not an address"/, 'what was typed stays in the field');
  assert.equal((/<p id="email-error"[\s\S]*?<\/p>/.exec(bad.body)?.[0] ?? '').includes('not an address'), false, 'the message does not echo it');
  assert.equal(await emailOf(), null, 'nothing stored from bad input');
  const saved = await director.post('/account/notification-email', { email: '  directrice@cpas-namur.example ' });
  assert.equal(saved.location, '/account?done=1');
  assert.equal(await emailOf(), 'directrice@cpas-namur.example');
  assert.match((await director.get('/account?done=1')).body, /value="directrice@cpas-namur\.example"/);
  await director.post('/account/notification-email', { email: '' });
  assert.equal(await emailOf(), null, 'an empty field stops the e-mails');
});

test('in Dutch, and without the CSRF token nothing changes', async () => {
  const gent = await logInAs(world.app, 'directeur@gent');
  const page = await gent.get('/account');
  assert.match(page.body, /<html lang="nl"/);
  assert.match(page.body, /Berichten van het register per e-mail/);
  const forged = await gent.request('POST', '/account/notification-email', { email: 'attacker@example.org' });
  assert.equal(forged.status, 403);
  assert.equal((await readMyAccount(world.ctx, world.fx.gent.actors.directeur!)).notificationEmail, null);
});

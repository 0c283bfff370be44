// The pages under hostile input: a NUL character, a token with non-ASCII characters, a body in a
// format no form sends. Each is a 4xx page, never the "server failure" page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Fixture } from './testing/fixture.ts';
import { PageClient } from './testing/page-client.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let app: FastifyInstance;
let fx: Fixture;
let world: UiWorld;
before(async () => {
  world = await openUiWorld(() => new Date('2026-11-28T09:00:00Z'));
  ({ app, fx } = world);
});
after(() => world?.close());

describe('hostile form input', () => {
  test('a NUL character in the search form is a 400 page', async () => {
    const agent = await logInAs(app, 'agent@namur');
    await agent.get('/search');
    const res = await agent.post('/search', { name: 'Du\u0000bois', purpose: 'administrative-processing' });
    assert.equal(res.status, 400);
  });

  test('a NUL character in the intake of an authority request is a 400 page', async () => {
    const director = await logInAs(app, 'directrice@namur');
    await director.get('/requests/new');
    const res = await director.postMultipart('/requests', {
      authorRole: 'procureur-du-roi', authorName: 'M. Dupont\u0000', authorOffice: 'Parquet', channel: 'letter',
      'dated-day': '2', 'dated-month': '3', 'dated-year': '2026', reasoned: 'yes', offences: '140', 'subject1-name': 'Sophie Gérard', items: ['identity'],
    });
    assert.equal(res.status, 400);
  });

  test('a NUL character in a case note is a 400 page', async () => {
    const worker = await logInAs(app, 'assistant-social@namur');
    const personId = fx.namur.persons.dubois!;
    await worker.openFile(personId, 'case-follow-up');
    await worker.get(`/persons/${personId}/case-notes/new`);
    const res = await worker.post(`/persons/${personId}/case-notes`, { body: 'a\u0000b', purpose: 'case-follow-up' });
    assert.equal(res.status, 400);
  });

  test('a CSRF token with non-ASCII characters is refused, not a crash', async () => {
    const agent = await logInAs(app, 'agent@namur');
    const page = await agent.get('/search');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await agent.request('POST', '/search', { _csrf: 'é'.repeat(token.length), name: 'Dubois', purpose: 'administrative-processing' });
    assert.equal(res.status, 403);
  });

  test('the log-in form token with non-ASCII characters is refused, not a crash', async () => {
    const client = new PageClient(app);
    const page = await client.get('/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await client.request('POST', '/login', { _csrf: 'é'.repeat(token.length), login: 'agent@namur', password: 'x' });
    assert.equal(res.status, 400);
  });

  test('a body in a format no form sends is a 4xx page', async () => {
    const agent = await logInAs(app, 'agent@namur');
    const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.inject({ method: 'POST', url: '/search', headers: { cookie, 'content-type': 'text/plain' }, payload: 'name=Dubois' });
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, String(res.statusCode));
  });

  test('the intake refuses what the API refuses, with the API\'s schema, each error tied to its field', async () => {
    const director = await logInAs(app, 'directrice@namur');
    await director.get('/requests/new');
    const res = await director.postMultipart('/requests', {
      authorRole: 'procureur-du-roi', channel: 'letter', 'dated-day': '2', 'dated-month': '3', 'dated-year': '2026', reasoned: 'yes', offences: '140',
      'subject1-name': 'Sophie Gérard', items: ['identity'], reference: 'R'.repeat(201), 'answerBy-day': '31', 'answerBy-month': '2', 'answerBy-year': '2026',
    });
    assert.equal(res.status, 400);
    assert.match(res.body, /href="#reference"/);
    assert.match(res.body, /href="#answerBy"/);
  });
});

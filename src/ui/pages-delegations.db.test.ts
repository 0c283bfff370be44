// The delegations page: the directeur général lets an administrative agent into the register until
// a date and ends it; the delegation stops opening the register the day after its end date in
// Brussels; a date is required and bounded; nobody else reaches the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Fixture } from './testing/fixture.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let app: FastifyInstance;
let fx: Fixture;
let clock = new Date('2026-11-28T09:00:00Z');
let world: UiWorld;
before(async () => {
  world = await openUiWorld(() => clock);
  ({ app, fx } = world);
});
after(() => world?.close());

const as = (login: string) => logInAs(app, login);
const agentId = () => fx.namur.actors.agent!.userId;
const grantForm = (csrf: Record<string, string>, until: [string, string, string]) => ({
  ...csrf, userId: agentId(), 'validUntil-day': until[0], 'validUntil-month': until[1], 'validUntil-year': until[2],
});

describe('delegations', () => {
  test('the director grants until a date; the agent reads the register until that day ends in Brussels, then no more; revoked at once', async () => {
    const director = await as('directrice@namur');
    const page = await director.get('/requests/delegates');
    assert.equal(page.status, 200);
    assert.match(page.body, /Sarah Collin[\s\S]*?En cours/, 'the fixture delegate is listed');
    assert.equal((await (await as('agent@namur')).get('/requests')).status, 403, 'not yet delegated');

    const missing = await director.post('/requests/delegates', grantForm({}, ['', '', '']));
    assert.equal(missing.status, 400);
    assert.match(missing.body, /Jusqu’au : saisissez une date/);
    const tooFar = await director.post('/requests/delegates', grantForm({}, ['1', '1', '2029']));
    assert.equal(tooFar.status, 400, 'more than a year');

    const granted = await director.post('/requests/delegates', grantForm({}, ['30', '11', '2026']));
    assert.equal(granted.location, '/requests/delegates?done=granted');
    assert.match((await director.get(granted.location!)).body, /Thomas Leroy[\s\S]*?30 novembre 2026[\s\S]*?En cours/);
    const agent = await as('agent@namur');
    assert.equal((await agent.get('/requests')).status, 200, 'delegated');

    // 30 November ends at midnight in Brussels (23:00 UTC): an hour later the delegation is over.
    clock = new Date('2026-11-30T22:30:00Z');
    assert.equal((await (await as('agent@namur')).get('/requests')).status, 200, 'still 30 November in Brussels');
    clock = new Date('2026-11-30T23:30:00Z');
    assert.equal((await (await as('agent@namur')).get('/requests')).status, 403, '1 December in Brussels');
    clock = new Date('2026-11-28T09:00:00Z');

    const revoke = await director.post(`/requests/delegates/${agentId()}/revoke`, {});
    assert.equal(revoke.location, '/requests/delegates?done=revoked');
    assert.equal((await (await as('agent@namur')).get('/requests')).status, 403, 'revoked');
  });

  test('only the directeur général and the président reach the page', async () => {
    for (const login of ['assistant-social@namur', 'dpo@namur', 'secretariat@namur', 'agent@namur']) {
      assert.equal((await (await as(login)).get('/requests/delegates')).status, 403, login);
    }
    assert.equal((await (await as('president@namur')).get('/requests/delegates')).status, 200);
  });
});

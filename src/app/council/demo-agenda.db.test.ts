// The demo gives the council member an agenda on first start: in every demo CPAS a session of the
// committee and one of the council, with applications awaiting a decision placed on them, which the
// member opens like any other (through the gate, logged).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { logIn } from '../authenticate.ts';
import { DEMO_PASSWORD, loadDemo } from '../load-demo.ts';
import { generateDemo } from '../../demo/generate.ts';
import { testContext } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { listCouncilSessions } from './list-council-sessions.ts';
import { openCouncilSession } from './open-council-session.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.drop());

test('every demo CPAS has a committee and a council session; the council member sees who is on them', async () => {
  const ctx = testContext(t.db);
  const { logins } = await loadDemo(ctx, generateDemo(2026, 12));
  const members = logins.filter((l) => l.roles.includes('council-member'));
  assert.equal(members.length, 3);
  for (const { login } of members) {
    const { actor } = await logIn(ctx, login, DEMO_PASSWORD);
    const sessions = await listCouncilSessions(ctx, actor);
    assert.deepEqual(sessions.map((s) => s.body).sort(), ['comite-special-service-social', 'conseil-action-sociale'], login);
    const committee = sessions.find((s) => s.body === 'comite-special-service-social')!;
    assert.ok(committee.items > 0 && committee.decided === 0, `${login}: the committee has items to decide`);
    const view = await openCouncilSession(ctx, actor, { sessionId: committee.sessionId });
    assert.equal(view.items.length, committee.items);
    assert.ok(view.items.every((i) => i.familyName.length > 0 && !i.decided));
  }
});

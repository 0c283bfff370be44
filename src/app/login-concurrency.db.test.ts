// A log-in never holds the database while it checks a password. argon2 costs tens to hundreds of
// milliseconds of CPU; PGlite has one connection, so a check inside the transaction made every
// other request wait behind each log-in in turn (after a start: 5-21 s stalls, bench/cold-start.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hashPassword } from '../adapters/crypto/passwords.ts';
import { insertStaff } from '../adapters/db/stores/staff-store.ts';
import { addTestCpas, testContext } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { logIn } from './authenticate.ts';
import type { AppContext } from './context.ts';

let database: TestDatabase;
let ctx: AppContext;
const PASSWORD = 'a-long-enough-password';

before(async () => {
  database = await createTestDatabase();
  ctx = testContext(database.db, () => new Date());
  const cpas = await addTestCpas(database.db, 'liege');
  const passwordHash = await hashPassword(PASSWORD);
  await database.db.ownerTransaction((tx) => insertStaff(tx, {
    cpasId: cpas.cpasId, userId: crypto.randomUUID(), username: 'worker', displayName: 'Worker', language: 'fr', passwordHash, roles: ['social-worker'],
  }));
});
after(() => database.drop());

for (const [label, password] of [['right', PASSWORD], ['wrong', 'not-the-password']] as const) {
  test(`a transaction started during a log-in with the ${label} password ends before the password check does`, async () => {
    const order: string[] = [];
    const login = logIn(ctx, 'worker@liege', password).then(() => order.push('log-in'), () => order.push('log-in'));
    // Queued right behind the log-in's first read: it must not wait for argon2.
    const other = database.db.transaction(async () => order.push('other'));
    await Promise.all([login, other]);
    assert.deepEqual(order, ['other', 'log-in']);
  });
}

test('the log-in still works, counts a wrong password and locks after five', async () => {
  await assert.rejects(logIn(ctx, 'worker@liege', 'wrong-1'), { code: 'unauthenticated' });
  const session = await logIn(ctx, 'worker@liege', PASSWORD);
  assert.equal(session.actor.roles[0], 'social-worker');
  for (let i = 0; i < 5; i++) await assert.rejects(logIn(ctx, 'worker@liege', `wrong-${i}`), { code: 'unauthenticated' });
  await assert.rejects(logIn(ctx, 'worker@liege', PASSWORD), { code: 'account-locked' });
  await assert.rejects(logIn(ctx, 'nobody@liege', PASSWORD), { code: 'unauthenticated' });
});

// A Kysely query runs inside the caller's transaction: it sees what the transaction wrote, its
// writes roll back with it, it runs as the transaction's role, and it cannot open a transaction of
// its own. Without this, a store's read and the use case's access-log append could commit apart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addTestCpas, type TestCpas } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { sql } from 'kysely';
import { kyselyOf } from './kysely.ts';

let t: TestDatabase;
let namur: TestCpas;
before(async () => {
  t = await createTestDatabase();
  namur = await addTestCpas(t.db, 'namur');
});
after(() => t.drop());

const countNotifications = () =>
  t.db.transaction(async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_notification'))[0]!.n);

test('a Kysely read sees the raw writes of its transaction, and its writes roll back with it', async () => {
  const recipient = namur.actors.dpo.userId;
  const insert = {
    cpas_id: namur.cpasId, recipient_user_id: recipient, kind: 'break-glass-opened' as const,
    reference_id: namur.cpasId, created_at: new Date(),
  };
  await assert.rejects(
    t.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO staff_notification (cpas_id, notification_id, recipient_user_id, kind, reference_id, created_at)
         VALUES ($1, gen_random_uuid(), $2, 'break-glass-opened', $1, now())`,
        [namur.cpasId, recipient],
      );
      await kyselyOf(tx).insertInto('staff_notification').values({ ...insert, notification_id: crypto.randomUUID() }).execute();
      const seen = await kyselyOf(tx).selectFrom('staff_notification').select('notification_id').where('cpas_id', '=', namur.cpasId).execute();
      assert.equal(seen.length, 2);
      throw new Error('roll back');
    }),
    /roll back/,
  );
  assert.equal(await countNotifications(), 0);
});

test('a Kysely query runs as the role of the transaction', async () => {
  const role = await t.db.transaction((tx) => kyselyOf(tx).selectNoFrom(sql<string>`current_user`.as('role')).executeTakeFirstOrThrow());
  assert.equal(role.role, 'confiance_app');
  const owner = await t.db.ownerTransaction((tx) => kyselyOf(tx).selectNoFrom(sql<string>`current_user`.as('role')).executeTakeFirstOrThrow());
  assert.notEqual(owner.role, 'confiance_app');
});

test('a Kysely transaction inside a use case transaction is refused', async () => {
  await assert.rejects(
    t.db.transaction((tx) => kyselyOf(tx).transaction().execute(async () => undefined)),
    /belongs to database\.ts/,
  );
});

// Concurrent appends, rolled-back appends and appends from "another process" (behind this one's
// back) must leave one unbroken chain: the head row, locked by each append, decides.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { isIntact, verifyAccessLog } from '../../app/verify-access-log.ts';
import type { AccessLogDraft } from '../../domain/access-log-entry.ts';
import { addTestCpas, type TestCpas } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { appendAccessLog } from './access-log-store.ts';

const VERIFY = { key: null, originPrefix: 'confiance.example' };
let t: TestDatabase;
let namur: TestCpas;
before(async () => {
  t = await createTestDatabase();
  namur = await addTestCpas(t.db, 'namur');
});
after(() => t.drop());

const draft = (n: number): AccessLogDraft => ({
  cpasId: namur.cpasId, userId: namur.actors['social-worker'].userId, roles: ['social-worker'], purpose: 'case-follow-up',
  action: 'read', personId: null, classes: ['identity'], outcome: 'allowed', rule: 'administrative-staff', details: { n },
});

async function headSeq(): Promise<number> {
  const [row] = await t.db.ownerTransaction((tx) => tx.query<{ seq: number }>('SELECT seq FROM access_log_head WHERE cpas_id = $1', [namur.cpasId]));
  return row?.seq ?? 0;
}

test('concurrent appends queue up into one unbroken chain', async () => {
  const start = await headSeq();
  await Promise.all(Array.from({ length: 40 }, (_, i) => t.db.transaction((tx) => appendAccessLog(tx, draft(i)))));
  assert.equal(await headSeq(), start + 40);
  assert.ok(isIntact(await verifyAccessLog(t.db, VERIFY)));
});

test('a rolled-back append leaves no trace, and the next append still chains', async () => {
  const start = await headSeq();
  await assert.rejects(t.db.transaction(async (tx) => {
    await appendAccessLog(tx, draft(1));
    throw new Error('the read failed after logging');
  }));
  assert.equal(await headSeq(), start);
  await t.db.transaction((tx) => appendAccessLog(tx, draft(2)));
  assert.equal(await headSeq(), start + 1);
  assert.ok(isIntact(await verifyAccessLog(t.db, VERIFY)));
});

test('an append made behind this process\'s back (another server) is chained onto, not forked', async () => {
  const start = await headSeq();
  // Another process appends: simulated by moving the head with a correctly computed entry via SQL
  // the hint does not know about.
  const { canonicalEntry, chainHash, entryHash } = await import('../../domain/access-log-entry.ts');
  await t.db.transaction(async (tx) => {
    const [head] = await tx.query<{ seq: number; chain_hash: Buffer }>('SELECT seq, chain_hash FROM access_log_head WHERE cpas_id = $1 FOR UPDATE', [namur.cpasId]);
    const at = new Date();
    const text = canonicalEntry(draft(99), head!.seq + 1, at);
    const hash = entryHash(text);
    const chain = chainHash(head!.chain_hash, hash);
    await tx.query(`INSERT INTO access_log_entry (cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash)
      VALUES ($1, $2, $3, $4, NULL, 'read', $5, $6, $7)`, [namur.cpasId, head!.seq + 1, at, namur.actors['social-worker'].userId, text, hash, chain]);
    await tx.query('UPDATE access_log_head SET seq = $2, chain_hash = $3 WHERE cpas_id = $1', [namur.cpasId, head!.seq + 1, chain]);
  });
  await t.db.transaction((tx) => appendAccessLog(tx, draft(100)));
  assert.equal(await headSeq(), start + 2);
  assert.ok(isIntact(await verifyAccessLog(t.db, VERIFY)));
});

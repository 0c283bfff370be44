// Who reads what in the break-glass review queue. The reason and the review comments are secret
// (social-notes: a worker writes them about a person, and they can repeat a confidence). The DPO,
// a no-content role, sees the structured part only (who, when, which person, purpose, duration);
// the head of social service reads the texts. Each opening of a text is a secret read: decided by
// the policy, logged with the person's id, and logged before anything is decrypted.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SecretBox } from '../adapters/crypto/secret-box.ts';
import type { Tx } from '../adapters/db/database.ts';
import { openBreakGlass } from './break-glass.ts';
import type { AppContext } from './context.ts';
import { createPerson } from './create-person.ts';
import { listBreakGlassQueue } from './list-break-glass-queue.ts';
import { reviewBreakGlass } from './review-break-glass.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let t: TestDatabase;
let namur: TestCpas;
let ctx: AppContext;
let personId: string;
const REASON = 'CANARY-reason: la personne a confié une tentative de suicide, travailleur absent';
const COMMENT = 'CANARY-comment: confirmé avec le médecin traitant';

/** Opening a sealed text is allowed only once the log holds a social-notes read of that person. */
function auditingBox(inner: SecretBox, opened: string[]): SecretBox {
  const check = async (tx: Tx, recordId: string) => {
    const rows = await tx.query<{ entry_text: string }>(
      `SELECT entry_text FROM access_log_entry WHERE person_id = $1 AND action = 'read' ORDER BY seq DESC LIMIT 1`,
      [personId],
    );
    const text = rows[0]?.entry_text ?? '';
    assert.ok(text.includes('social-notes') && text.includes('"allowed"') && text.includes(recordId), `a logged, allowed read precedes opening ${recordId}`);
    opened.push(recordId);
  };
  return {
    ...inner,
    async open(tx, place, sealed) {
      if (place.table === 'break_glass_grant') await check(tx, place.recordId);
      return inner.open(tx, place, sealed);
    },
    async openText(tx, place, sealed) {
      return (await this.open(tx, place, sealed)).toString('utf8');
    },
  };
}

let grantId: string;
before(async () => {
  t = await createTestDatabase();
  namur = await addTestCpas(t.db, 'namur');
  ctx = testContext(t.db);
  ({ personId } = await createPerson(ctx, namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Urgence', givenNames: 'Anne' } }));
  ({ grantId } = await openBreakGlass(ctx, namur.actors['other-social-worker'], { personId, purpose: 'case-follow-up', reason: REASON }));
  await reviewBreakGlass(ctx, namur.actors['head-of-social-service'], { grantId, outcome: 'justified', comment: COMMENT });
});
after(() => t.drop());

test('the DPO sees the structured part of a grant, never its reason or review comment', async () => {
  const opened: string[] = [];
  const dpoCtx = { ...ctx, secrets: auditingBox(ctx.secrets, opened) };
  const [grant] = await listBreakGlassQueue(dpoCtx, namur.actors.dpo, { includeReviewed: true });
  assert.ok(grant);
  assert.equal(grant.grantId, grantId);
  assert.equal(grant.personId, personId);
  assert.equal(grant.user.userId, namur.actors['other-social-worker'].userId);
  assert.equal(grant.purpose, 'case-follow-up');
  assert.equal(grant.review?.outcome, 'justified');
  assert.ok(!JSON.stringify(grant).includes('CANARY'), 'no secret text reaches the DPO');
  assert.equal(grant.reason, null);
  assert.equal(grant.review?.comment, null);
  assert.deepEqual(opened, [], 'nothing was even decrypted for the DPO');
});

test('the head of social service reads them, each opening logged with the person before decryption', async () => {
  const opened: string[] = [];
  const headCtx = { ...ctx, secrets: auditingBox(ctx.secrets, opened) };
  const [grant] = await listBreakGlassQueue(headCtx, namur.actors['head-of-social-service'], { includeReviewed: true });
  assert.equal(grant?.reason, REASON);
  assert.equal(grant?.review?.comment, COMMENT);
  assert.deepEqual(opened, [grantId, grantId]);
  const [entry] = await t.db.ownerTransaction((tx) =>
    tx.query<{ entry_text: string }>(`SELECT entry_text FROM access_log_entry WHERE person_id = $1 AND action = 'read' ORDER BY seq DESC LIMIT 1`, [personId]),
  );
  const logged = JSON.parse(entry!.entry_text);
  assert.equal(logged.person, personId);
  assert.equal(logged.rule, 'head-of-social-service');
  assert.equal(logged.purpose, 'supervision');
});

test('nobody else reads the queue', async () => {
  for (const role of ['social-worker', 'administrative-agent', 'directeur-general', 'it-admin', 'president', 'council-member'] as const) {
    await assert.rejects(listBreakGlassQueue(ctx, namur.actors[role], { includeReviewed: true }), { code: 'forbidden' }, role);
  }
});

// Four eyes and signature: only the directeur général or the président signs (every role is
// tried), never the one who prepared the answer, only the draft that was reviewed; and a signed
// letter cannot be changed, through the use cases or through SQL as the application role.
import { addDays, todayIn } from '../../domain/calendar-date.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { insertStaff } from '../../adapters/db/stores/staff-store.ts';
import { ROLES, type Actor } from '../../domain/roles.ts';
import type { TestCpas } from '../../testing/fixtures.ts';
import { assessedRequest, prosecutorRequest, openRegisterWorld, type SeededPerson } from '../../testing/requests.ts';
import type { TestDatabase } from '../../testing/test-database.ts';
import type { AppContext } from '../context.ts';
import { addAddress } from '../add-person-records.ts';
import { delegateRegister } from './delegate-register.ts';
import { prepareDisclosure } from './prepare-disclosure.ts';
import { readRequest } from './read-request.ts';
import { signDisclosure } from './sign-disclosure.ts';

let t: TestDatabase;
let ctx: AppContext;
let namur: TestCpas;
let person: SeededPerson;
let secondAgent: Actor;

before(async () => {
  ({ t, ctx, namur, person } = await openRegisterWorld());
  secondAgent = { cpasId: namur.cpasId, userId: randomUUID(), roles: ['administrative-agent'] };
  await t.db.ownerTransaction((tx) => insertStaff(tx, { ...secondAgent, username: 'agent-two', displayName: 'Agent Two', language: 'fr', passwordHash: null }));
  await delegateRegister(ctx, namur.actors['directeur-general'], { userId: namur.actors['administrative-agent'].userId, grant: true, validUntil: addDays(todayIn(ctx.now), 90) });
  await delegateRegister(ctx, namur.actors['directeur-general'], { userId: secondAgent.userId, grant: true, validUntil: addDays(todayIn(ctx.now), 90) });
});
after(() => t.drop());

async function prepared(preparer: Actor = namur.actors['administrative-agent']): Promise<{ requestId: string; sha256: string }> {
  const requestId = await assessedRequest(ctx, namur, prosecutorRequest([person.niss], ['identity', 'domicile-address']), { files: [person.personId] });
  const draft = await prepareDisclosure(ctx, preparer, { requestId });
  return { requestId, sha256: draft.sha256 };
}

test('every role but the directeur général and the président is refused the signature; a delegate too', async () => {
  const signers: string[] = [];
  for (const who of [...ROLES, 'other-social-worker', 'second delegate'] as const) {
    const actor = who === 'second delegate' ? secondAgent : namur.actors[who];
    const { requestId, sha256 } = await prepared();
    try {
      await signDisclosure(ctx, actor, { requestId, sha256 });
      signers.push(who);
      assert.equal((await readRequest(ctx, namur.actors.dpo, { requestId })).state, 'signed');
    } catch (error) {
      assert.equal((error as { code?: string }).code, 'forbidden', who);
      assert.equal((await readRequest(ctx, namur.actors.dpo, { requestId })).state, 'prepared', `${who} changed nothing`);
    }
  }
  assert.deepEqual(signers.sort(), ['directeur-general', 'president']);
});

test('the person who prepared an answer cannot sign it, even as directeur général; another signatory can', async () => {
  const dg = namur.actors['directeur-general'];
  const { requestId, sha256 } = await prepared(dg);
  await assert.rejects(signDisclosure(ctx, dg, { requestId, sha256 }), { code: 'forbidden', message: /prepared/ });
  const denied = await t.db.ownerTransaction((tx) =>
    tx.query<{ entry_text: string }>(`SELECT entry_text FROM access_log_entry WHERE cpas_id = $1 AND entry_text LIKE '%four-eyes%'`, [namur.cpasId]),
  );
  assert.equal(denied.length, 1, 'the attempt is on record');
  const signed = await signDisclosure(ctx, namur.actors.president, { requestId, sha256 });
  assert.equal(signed.signatoryRole, 'president');
});

test('a draft changed after review is not signed', async () => {
  const { requestId, sha256 } = await prepared();
  await addAddress(ctx, namur.actors['administrative-agent'], {
    personId: person.personId, purpose: 'administrative-processing',
    address: { kind: 'domicile', street: 'Avenue Nouvelle', houseNumber: '1', postalCode: '5000', municipality: 'Namur', country: 'BE', validFrom: '2026-03-01' },
  });
  const again = await prepareDisclosure(ctx, namur.actors['administrative-agent'], { requestId });
  assert.notEqual(again.sha256, sha256);
  await assert.rejects(signDisclosure(ctx, namur.actors['directeur-general'], { requestId, sha256 }), { code: 'invalid-state', message: /reviewed/ });
  await signDisclosure(ctx, namur.actors['directeur-general'], { requestId, sha256: again.sha256 });
});

test('a signed answer cannot be changed through the use cases', async () => {
  const { requestId, sha256 } = await prepared();
  await signDisclosure(ctx, namur.actors['directeur-general'], { requestId, sha256 });
  await assert.rejects(prepareDisclosure(ctx, namur.actors['administrative-agent'], { requestId }), { code: 'invalid-state' });
  await assert.rejects(signDisclosure(ctx, namur.actors.president, { requestId, sha256 }), { code: 'invalid-state' });
  const { assessRecordedRequest } = await import('./assess-request.ts');
  await assert.rejects(assessRecordedRequest(ctx, namur.actors['directeur-general'], { requestId }), { code: 'invalid-state' });
});

test('a signed answer cannot be changed or deleted through SQL, as the application or as the owner', async () => {
  const { requestId, sha256 } = await prepared();
  await signDisclosure(ctx, namur.actors['directeur-general'], { requestId, sha256 });
  const fake = '{"v":1}';
  const attempts = [
    `UPDATE request_disclosure SET content_text = '${fake}', content_sha256 = encode(sha256(convert_to('${fake}', 'UTF8')), 'hex') WHERE request_id = $1`,
    `UPDATE request_disclosure SET signed_by = prepared_by WHERE request_id = $1`,
    `UPDATE request_disclosure SET signed_at = signed_at + interval '1 day' WHERE request_id = $1`,
    `UPDATE request_disclosure SET letter_kind = 'refusal' WHERE request_id = $1`,
    `DELETE FROM request_disclosure WHERE request_id = $1`,
  ];
  for (const sql of attempts) {
    await assert.rejects(t.db.transaction((tx) => tx.query(sql, [requestId])), { code: '42501' }, `as confiance_app: ${sql}`);
    await assert.rejects(t.db.ownerTransaction((tx) => tx.query(sql, [requestId])), { code: '42501' }, `as owner: ${sql}`);
  }
  const [row] = await t.db.ownerTransaction((tx) => tx.query<{ content_sha256: string }>('SELECT content_sha256 FROM request_disclosure WHERE request_id = $1', [requestId]));
  assert.equal(row!.content_sha256, sha256);
});

test('the database itself keeps the hash true to the content and the signatory apart from the preparer', async () => {
  const { requestId } = await prepared();
  await assert.rejects(
    t.db.transaction((tx) => tx.query(`UPDATE request_disclosure SET content_text = '{}' WHERE request_id = $1`, [requestId])),
    { code: '23514' },
    'a content that does not match its hash',
  );
  await assert.rejects(
    t.db.transaction((tx) => tx.query(`UPDATE request_disclosure SET signed_by = prepared_by, signed_at = now(), signatory_role = 'president' WHERE request_id = $1`, [requestId])),
    { code: '23514' },
    'four eyes, in the table',
  );
  await assert.rejects(
    t.db.transaction((tx) => tx.query(`DELETE FROM request_state_change WHERE request_id = $1`, [requestId])),
    { code: '42501' },
    'the history of a request is append-only for the application',
  );
});

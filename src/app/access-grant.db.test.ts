// The secret stores decrypt only with an access grant issued by the gate. A set of categories, an
// object shaped like a grant, or a real grant for another person or scope opens nothing; attachment
// names come back sealed-and-opened through the same grant, and their keyed digest catches a swap.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAttachmentContent, loadAttachmentList } from '../adapters/db/stores/attachment-store.ts';
import { loadSecretRecords } from '../adapters/db/stores/secret-record-store.ts';
import type { AccessGrant } from '../domain/access-grant.ts';
import { addAttachment, readAttachment } from './attachments.ts';
import type { AppContext } from './context.ts';
import { createPerson } from './create-person.ts';
import { assignCase } from './manage-staff.ts';
import { openPersonFile } from './open-person-file.ts';
import { gatePersonAccess } from './person-access.ts';
import { writeSecretRecord } from './write-secret-record.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let t: TestDatabase;
let namur: TestCpas;
let ctx: AppContext;
let personId: string;
let otherPersonId: string;
const NAME = 'certificat-psychiatrique.pdf';

before(async () => {
  t = await createTestDatabase();
  namur = await addTestCpas(t.db, 'namur');
  ctx = testContext(t.db);
  const agent = namur.actors['administrative-agent'];
  ({ personId } = await createPerson(ctx, agent, { purpose: 'intake', person: { familyName: 'Grant', givenNames: 'Anne' } }));
  ({ personId: otherPersonId } = await createPerson(ctx, agent, { purpose: 'intake', person: { familyName: 'Autre', givenNames: 'Marc' } }));
  for (const id of [personId, otherPersonId]) {
    await assignCase(ctx, namur.actors['head-of-social-service'], { personId: id, userId: namur.actors['social-worker'].userId, assignedFrom: '2026-01-01' });
  }
  await writeSecretRecord(ctx, namur.actors['social-worker'], { kind: 'case-note', personId, purpose: 'case-follow-up', sealed: { body: 'confidence' } });
});
after(() => t.drop());

test('a secret attachment keeps its name for those who may read it, and shows it to nobody else', async () => {
  const worker = namur.actors['social-worker'];
  const { attachmentId } = await addAttachment(ctx, worker, { personId, purpose: 'case-follow-up', dataClass: 'medical-data', fileName: NAME, mediaType: 'application/pdf', content: Buffer.from('%PDF secret') });
  const file = await openPersonFile(ctx, worker, { personId, purpose: 'case-follow-up' });
  assert.deepEqual(file.attachments.map((a) => a.fileName), [NAME]);
  const read = await readAttachment(ctx, worker, { attachmentId, purpose: 'case-follow-up' });
  assert.equal(read.fileName, NAME);
  assert.equal(read.content.toString(), '%PDF secret');
  const agentView = await openPersonFile(ctx, namur.actors['administrative-agent'], { personId, purpose: 'administrative-processing' });
  assert.deepEqual(agentView.attachments, []);
  const [row] = await t.db.ownerTransaction((tx) => tx.query<{ file_name: Buffer }>('SELECT file_name FROM attachment WHERE attachment_id = $1', [attachmentId]));
  assert.ok(!row!.file_name.includes(Buffer.from('psychiatrique')), 'the stored name is sealed');
});

test('a swapped file fails its keyed digest', async () => {
  const agent = namur.actors['administrative-agent'];
  const a = await addAttachment(ctx, agent, { personId, purpose: 'administrative-processing', dataClass: 'application-data', fileName: 'a.txt', mediaType: 'text/plain', content: Buffer.from('first') });
  const b = await addAttachment(ctx, agent, { personId, purpose: 'administrative-processing', dataClass: 'application-data', fileName: 'b.txt', mediaType: 'text/plain', content: Buffer.from('second') });
  assert.equal((await readAttachment(ctx, agent, { attachmentId: a.attachmentId, purpose: 'administrative-processing' })).content.toString(), 'first');
  await t.db.ownerTransaction((tx) => tx.query(
    'UPDATE attachment SET content = (SELECT content FROM attachment WHERE attachment_id = $2) WHERE attachment_id = $1', [a.attachmentId, b.attachmentId],
  ));
  await assert.rejects(readAttachment(ctx, agent, { attachmentId: a.attachmentId, purpose: 'administrative-processing' }), /keyed digest/);
});

test('only a grant issued by the gate, for this person and scope, opens a secret store', async () => {
  const cpasId = namur.cpasId;
  const forged = { cpasId, personId, categories: new Set(['social-notes', 'medical-data']), scope: { kind: 'person-file' } } as unknown as AccessGrant;
  await t.db.transaction(async (tx) => {
    // @ts-expect-error a set of categories is not a grant: only the gate makes one
    await assert.rejects(loadSecretRecords(tx, ctx.secrets, new Set(['social-notes']), 'case-note'));
    await assert.rejects(loadSecretRecords(tx, ctx.secrets, forged, 'case-note'), /access grant/);
    await assert.rejects(loadAttachmentList(tx, ctx.secrets, forged), /access grant/);
  });
  // A real grant, for another person: the content of this person's attachment stays closed.
  const worker = namur.actors['social-worker'];
  const [attachment] = (await openPersonFile(ctx, worker, { personId, purpose: 'case-follow-up' })).attachments;
  await assert.rejects(
    t.db.transaction(async (tx) => {
      const other = await gatePersonAccess(tx, ctx, worker, { personId: otherPersonId, purpose: 'case-follow-up', action: 'read', logAction: 'read', categories: ['medical-data'], partial: false });
      if (!('grant' in other)) throw new Error('the gate should allow the worker on that case');
      return loadAttachmentContent(tx, ctx.secrets, other.grant, attachment!.attachmentId);
    }),
    /access grant/,
  );
});

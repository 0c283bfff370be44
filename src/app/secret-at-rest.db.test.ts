// Secret content is encrypted at rest: write many secret records with unique canary strings
// through the use cases, take a raw copy of the database (PGlite: the data directory tarball;
// PostgreSQL: pg_dump) and search it. No canary may be there. A positive control (a family name,
// which is administrative and stored in clear) must be found, or the search proves nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { addAttachment } from './attachments.ts';
import { openBreakGlass } from './break-glass.ts';
import { createPerson } from './create-person.ts';
import { assignCase } from './manage-staff.ts';
import { reviewBreakGlass } from './review-break-glass.ts';
import { writeSecretRecord } from './write-secret-record.ts';
import type { SecretRecordInput } from './write-secret-record.ts';
import { addTestCpas, testContext } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const canary = (what: string) => `CANARY-${what}-${randomBytes(6).toString('hex')}`;

async function rawCopy(t: TestDatabase): Promise<Buffer> {
  if (t.db.engine === 'pglite') return Buffer.from(await (await t.db.snapshot!()).arrayBuffer());
  return execFileSync('pg_dump', ['--no-owner', '--dbname', t.url!], { maxBuffer: 512 * 1024 * 1024 });
}

test('no secret text reaches the database in clear; administrative data does (positive control)', async () => {
  const t = await createTestDatabase();
  try {
    const ctx = testContext(t.db);
    const namur = await addTestCpas(t.db, 'namur');
    const worker = namur.actors['social-worker'];
    const secrets: string[] = [];
    const familyName = canary('FAMILY');
    const { personId } = await createPerson(ctx, namur.actors['administrative-agent'], {
      purpose: 'intake', person: { familyName, givenNames: 'Control' },
    });
    await assignCase(ctx, namur.actors['head-of-social-service'], { personId, userId: worker.userId, assignedFrom: '2026-01-01' });

    const records: Omit<SecretRecordInput, 'personId' | 'purpose'>[] = [];
    for (let i = 0; i < 10; i++) {
      const s = () => {
        const value = canary(`secret${i}`);
        secrets.push(value);
        return `${value} : texte confié au travailleur social, numéro ${i}`;
      };
      records.push(
        { kind: 'social-report', date: '2026-11-20', plain: { language: 'fr' }, sealed: { situation: s(), assessment: s() } },
        { kind: 'case-note', sealed: { body: s() } },
        { kind: 'medical-document', date: '2026-11-21', sealed: { description: s() } },
        { kind: 'piis', date: '2026-11-22', sealed: { objectives: s(), evaluation: s() } },
      );
    }
    for (const record of records) await writeSecretRecord(ctx, worker, { ...record, personId, purpose: 'case-follow-up' });
    const digests: string[] = [];
    for (const dataClass of ['social-report', 'medical-data', 'opinions'] as const) {
      const value = canary(`attachment-${dataClass}`);
      // A file name can say as much as the content ("certificat-psychiatrique.pdf").
      const fileName = `${canary(`diagnostic-${dataClass}`)}.txt`;
      secrets.push(value, fileName);
      // A plain digest of the content lets anyone with the database confirm a guessed document.
      digests.push(createHash('sha256').update(value).digest('hex'));
      await addAttachment(ctx, worker, { personId, purpose: 'case-follow-up', dataClass, fileName, mediaType: 'text/plain', content: Buffer.from(value) });
    }
    const reason = canary('break-glass-reason');
    const comment = canary('review-comment');
    secrets.push(reason, comment);
    const { grantId } = await openBreakGlass(ctx, namur.actors['other-social-worker'], { personId, purpose: 'case-follow-up', reason: `${reason}: urgence, travailleur absent` });
    await reviewBreakGlass(ctx, namur.actors.dpo, { grantId, outcome: 'not-justified', comment });

    const dump = await rawCopy(t);
    assert.ok(dump.length > 100_000, 'a real copy of the database');
    assert.ok(dump.includes(familyName), 'the positive control is found: the search works');
    const found = secrets.filter((s) => dump.includes(s));
    assert.deepEqual(found, [], 'secret text found in clear in the raw database copy');
    assert.deepEqual(digests.filter((d) => dump.includes(d) || dump.includes(Buffer.from(d, 'hex'))), [], 'a plain SHA-256 of secret content is stored');
    assert.equal(secrets.length, 10 * 6 + 3 * 2 + 2);
  } finally {
    await t.drop();
  }
});

// Master-key rotation: data keys re-wrapped under the new master key open every secret field,
// the old key can then go, a missing key stops the rotation before anything changes, and a new
// data-key version seals new writes while old fields keep opening.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyVersionOf } from '../adapters/crypto/envelope.ts';
import { newMasterKeyFile, parseMasterKeys, readKeyDir } from '../adapters/crypto/master-keys.ts';
import { createSecretBox } from '../adapters/crypto/secret-box.ts';
import { rotateMasterKey } from '../cli/keys-rotate.ts';
import { assignCase } from './manage-staff.ts';
import { createPerson } from './create-person.ts';
import { openPersonFile } from './open-person-file.ts';
import { addDataKeyVersions, rewrapDataKeys } from './rotate-master-key.ts';
import { writeSecretRecord } from './write-secret-record.ts';
import type { AppContext } from './context.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase } from '../testing/test-database.ts';

const key = (id: string, fill: number) => `${id}:${Buffer.alloc(32, fill).toString('base64')}`;
const withRing = (ctx: AppContext, spec: string): AppContext => ({ ...ctx, secrets: createSecretBox(parseMasterKeys(spec)) });

async function fileWithNote(ctx: AppContext, cpas: TestCpas, text: string): Promise<string> {
  const { personId } = await createPerson(ctx, cpas.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Rotation', givenNames: text } });
  await assignCase(ctx, cpas.actors['head-of-social-service'], { personId, userId: cpas.actors['social-worker'].userId, assignedFrom: '2026-01-01' });
  await writeSecretRecord(ctx, cpas.actors['social-worker'], { personId, purpose: 'case-follow-up', kind: 'case-note', sealed: { body: text } });
  return personId;
}
const noteOf = async (ctx: AppContext, cpas: TestCpas, personId: string) =>
  (await openPersonFile(ctx, cpas.actors['social-worker'], { personId, purpose: 'case-follow-up' })).secret['case-note']?.[0]?.body;

test('rotation re-wraps every data key; the new key alone then opens everything', async () => {
  const t = await createTestDatabase();
  try {
    const old = withRing(testContext(t.db), key('old', 1));
    const namur = await addTestCpas(t.db, 'namur');
    const gent = await addTestCpas(t.db, 'gent');
    const inNamur = await fileWithNote(old, namur, 'note de Namur');
    const inGent = await fileWithNote(old, gent, 'nota van Gent');

    await assert.rejects(rewrapDataKeys(t.db, parseMasterKeys(key('other', 3))), /master key "old" .* is not in the key ring/);
    const report = await rewrapDataKeys(t.db, parseMasterKeys(`${key('new', 2)},${key('old', 1)}`));
    assert.equal(report.rewrapped, 2);
    assert.deepEqual(report.byMasterKey, { new: 2 });

    const fresh = withRing(old, key('new', 2));
    assert.equal(await noteOf(fresh, namur, inNamur), 'note de Namur');
    assert.equal(await noteOf(fresh, gent, inGent), 'nota van Gent');
    assert.equal(await noteOf(old, namur, inNamur), 'note de Namur', 'a running server keeps its unwrapped data keys');
    await assert.rejects(noteOf(withRing(old, key('old', 1)), gent, inGent), 'the old key alone no longer opens them');

    const added = await addDataKeyVersions(t.db, parseMasterKeys(key('new', 2)));
    assert.deepEqual(added.map((a) => a.version), [2, 2]);
    const second = await fileWithNote(fresh, namur, 'écrit après');
    const [sealed] = await t.db.ownerTransaction((tx) => tx.query<{ body_enc: Buffer }>('SELECT body_enc FROM case_note WHERE person_id = $1', [second]));
    assert.equal(keyVersionOf(sealed!.body_enc), 2, 'new writes use the new data-key version');
    assert.equal(await noteOf(fresh, namur, inNamur), 'note de Namur', 'fields of version 1 still open');
  } finally {
    await t.drop();
  }
});

test('keys rotate with a key folder: a new current key file, data keys re-wrapped, old file kept', async () => {
  const t = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'confiance-keys-'));
  try {
    const first = newMasterKeyFile(dir, 'master-first');
    const running = { ...testContext(t.db), secrets: createSecretBox(readKeyDir(dir)) };
    const namur = await addTestCpas(t.db, 'namur');
    const personId = await fileWithNote(running, namur, 'avant rotation');
    // A server started before the rotation that has not yet cached this CPAS's data key.
    const startedBefore = { ...running, secrets: createSecretBox(readKeyDir(dir)) };
    const lines = await rotateMasterKey(t.db, { CONFIANCE_KEY_DIR: dir }, { rewrapOnly: false, dataKeys: false });
    assert.match(lines.join('\n'), /1 data keys re-wrapped/);
    const files = readdirSync(dir).sort();
    assert.equal(files.length, 2);
    assert.ok(files.includes(`${first}.key`), 'the old key file stays');
    assert.equal(await noteOf(startedBefore, namur, personId), 'avant rotation', 'it reads the new key file, no restart needed');
    assert.equal(await noteOf(running, namur, personId), 'avant rotation');
    rmSync(join(dir, files.find((f) => f !== `${first}.key`)!));
    await assert.rejects(noteOf({ ...running, secrets: createSecretBox(readKeyDir(dir)) }, namur, personId), 'without the new key file nothing opens: it must be backed up');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await t.drop();
  }
});

test('keys rotate from the environment: first a new key to install, then the re-wrap', async () => {
  const t = await createTestDatabase();
  try {
    const old = withRing(testContext(t.db), key('env-old', 4));
    await fileWithNote(old, await addTestCpas(t.db, 'namur'), 'x');
    const step1 = await rotateMasterKey(t.db, { CONFIANCE_MASTER_KEYS: key('env-old', 4) }, { rewrapOnly: false, dataKeys: false });
    assert.match(step1.join('\n'), /Put it FIRST in CONFIANCE_MASTER_KEYS/);
    const step2 = await rotateMasterKey(t.db, { CONFIANCE_MASTER_KEYS: `${key('env-new', 5)},${key('env-old', 4)}` }, { rewrapOnly: false, dataKeys: false });
    assert.match(step2.join('\n'), /1 data keys re-wrapped under "env-new"[\s\S]*env-new: 1/);
  } finally {
    await t.drop();
  }
});

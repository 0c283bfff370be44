// The restore drill: back up, destroy, restore into an empty database, verify, read a secret record
// through the normal use case. PGlite restores its data-dir dump into a new folder; PostgreSQL
// restores pg_dump's archive into a new database of the test server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { parseMasterKeys } from '../adapters/crypto/master-keys.ts';
import { type Database, openPglite, openPostgres } from '../adapters/db/database.ts';
import { runBackup, runRestore } from '../cli/backup.ts';
import { DomainError } from '../domain/errors.ts';
import { addTestCpas, TEST_MASTER_KEYS, testContext } from '../testing/fixtures.ts';
import { adminQuery, createTestDatabase, serverUrl, testEngine } from '../testing/test-database.ts';
import { backupDatabase, checkRestoredDatabase, restoreBackup } from './backup-database.ts';
import { createAppContext } from './context.ts';
import { createPerson } from './create-person.ts';
import { assignCase } from './manage-staff.ts';
import { openPersonFile } from './open-person-file.ts';
import { writeSecretRecord } from './write-secret-record.ts';

const scratch = mkdtempSync(join(tmpdir(), 'confiance-backup-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const VERIFY = { key: null, originPrefix: 'confiance.example' };

/** An empty place to restore into, the environment that names it, and how to open it afterwards. */
async function emptyTarget(): Promise<{ env: NodeJS.ProcessEnv; open(): Promise<Database>; drop(): Promise<void> }> {
  if (testEngine() === 'pglite') {
    const dataDir = join(scratch, `restored-${randomBytes(4).toString('hex')}`);
    return { env: { CONFIANCE_DATA_DIR: dataDir }, open: () => openPglite({ dataDir }), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `confiance_restore_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { env: { DATABASE_URL: serverUrl(name) }, open: () => openPostgres(serverUrl(name), 2), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name}`) };
}

test('restore drill: back up, destroy, restore into an empty database, verify, read a secret record', async () => {
  const t = await createTestDatabase();
  const ctx = testContext(t.db);
  const namur = await addTestCpas(t.db, 'namur');
  const worker = namur.actors['social-worker'];
  const { personId } = await createPerson(ctx, namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Restaurée', givenNames: 'Anne' } });
  await assignCase(ctx, namur.actors['head-of-social-service'], { personId, userId: worker.userId, assignedFrom: '2026-01-01' });
  const note = `CANARY-${randomBytes(6).toString('hex')}: confié lors de l'entretien`;
  await writeSecretRecord(ctx, worker, { personId, purpose: 'case-follow-up', kind: 'case-note', sealed: { body: note } });

  const dir = join(scratch, 'backup');
  const manifest = await backupDatabase(t.db, t.url ? { DATABASE_URL: t.url } : {}, dir, () => new Date('2026-11-30T18:00:00Z'));
  const namurChain = manifest.chains.find((c) => c.cpas === 'namur');
  assert.ok(namurChain && namurChain.seq > 0, 'the manifest records the head of the chain in the dump');
  // Never the keys: neither the master key (raw or base64) nor its id's value is in any file of the backup.
  const key = Buffer.from(TEST_MASTER_KEYS.split(':')[1]!, 'base64');
  for (const file of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, file));
    assert.equal(bytes.includes(key), false, `${file} holds the master key`);
    assert.equal(bytes.includes(Buffer.from(key.toString('base64'))), false, `${file} holds the master key in base64`);
    assert.equal(bytes.includes(Buffer.from(note)), false, `${file} holds a secret in clear`);
  }
  await assert.rejects(backupDatabase(t.db, {}, dir, () => new Date()), /--out: .* is not empty/, 'a backup never overwrites another');
  await t.drop();

  const target = await emptyTarget();
  try {
    await restoreBackup(target.env, dir);
    await assert.rejects(restoreBackup(target.env, dir), (e: unknown) => e instanceof DomainError && /not empty/.test(e.message), 'never into a database that holds data');
    const db = await target.open();
    try {
      const restored = testContext(db);
      const check = await checkRestoredDatabase(restored, manifest, VERIFY);
      assert.equal(check.ok, true, check.lines.join('\n'));
      assert.ok(check.lines.includes(`OK: namur: holds the head of the backup (entry ${namurChain.seq})`));
      assert.ok(check.lines.some((line) => /^OK: namur: data key version 1 opens/.test(line)));
      const file = await openPersonFile(restored, worker, { personId, purpose: 'case-follow-up' });
      assert.ok(JSON.stringify(file.secret).includes(note), 'the secret record opens with the separately kept master key');

      // The same database with another key folder, or a manifest of another dump, fails the check.
      const strangerKeys = createAppContext(db, parseMasterKeys(`stranger:${Buffer.alloc(32, 9).toString('base64')}`));
      const wrongKeys = await checkRestoredDatabase(strangerKeys, manifest, VERIFY);
      assert.equal(wrongKeys.ok, false);
      assert.ok(wrongKeys.lines.some((line) => /^namur: data key version 1 does NOT open/.test(line)));
      const otherHead = { ...manifest, chains: manifest.chains.map((c) => ({ ...c, chainHash: 'ab'.repeat(32) })) };
      assert.equal((await checkRestoredDatabase(restored, otherHead, VERIFY)).ok, false);
    } finally {
      await db.close();
    }
  } finally {
    await target.drop();
  }
});

test('backup and restore: options are strict, and a folder without a manifest is no backup', async () => {
  const named = (option: string) => (e: unknown) => e instanceof DomainError && e.code === 'invalid-input' && e.message.startsWith(option);
  await assert.rejects(runBackup(['--out', scratch, '--outt', 'x']), named('--outt'));
  await assert.rejects(runBackup([]), named('--out'));
  await assert.rejects(runRestore(['--form', scratch]), named('--form'));
  const notABackup = join(scratch, 'not-a-backup');
  rmSync(notABackup, { recursive: true, force: true });
  mkdirSync(notABackup);
  writeFileSync(join(notABackup, 'manifest.json'), '{"format":"something-else"}');
  await assert.rejects(runRestore(['--from', notABackup]), named('--from'));
});

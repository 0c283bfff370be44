// `audit checkpoint` writes the signed checkpoints and the verifier key to the export folder; what
// it wrote verifies from the folder alone, with the archived key; unchanged chains are not re-signed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { readCheckpointFolder } from '../adapters/fs/checkpoint-folder.ts';
import { verificationLines, verifyAccessLog } from '../app/verify-access-log.ts';
import { parseVerifierKey } from '../domain/checkpoint.ts';
import { registerCpas } from '../app/register-cpas.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { checkpointAndExport, startCheckpointTimer } from './audit-checkpoint.ts';

test('checkpoints are exported per CPAS with the verifier key, and verify from the archive', async () => {
  const t = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'confiance-checkpoints-'));
  const env = { CONFIANCE_CHECKPOINT_KEY: Buffer.alloc(32, 5).toString('base64') };
  const config = { originPrefix: 'cpas.example', dir, minutes: 0 };
  try {
    // CPAS with no staff made: the chains hold exactly the entries written here (making staff
    // through the separation of duties logs each step).
    const cpas = (code: string) => registerCpas(t.db, { code, name: `CPAS ${code}`, region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue 1', postalCode: '5000', municipality: code });
    const namur = await cpas('namur');
    await cpas('gent');
    for (let i = 0; i < 12; i++) {
      await t.db.transaction((tx) => appendAccessLog(tx, {
        cpasId: namur.cpasId, userId: null, roles: [], purpose: 'bulk-import', action: 'import', personId: null, classes: [], outcome: 'allowed', rule: 'operation',
      }));
    }
    const first = await checkpointAndExport(t.db, config, undefined, env);
    assert.equal(first.refused, false);
    assert.deepEqual(first.lines, ['gent: no entries yet', `namur: checkpoint at size 12 signed: ${join(dir, 'namur', '12.checkpoint')}`]);
    assert.match(readFileSync(join(dir, 'namur', '12.checkpoint'), 'utf8'), /^cpas\.example\/namur\/access-log\n12\n/);
    const again = await checkpointAndExport(t.db, config, undefined, env);
    assert.match(again.lines[1]!, /^namur: unchanged since the checkpoint at size 12/);

    const key = parseVerifierKey(readFileSync(join(dir, 'checkpoint-key.vkey'), 'utf8'));
    const files = readCheckpointFolder(dir).map((f) => ({ source: f.path, cpasCode: f.cpasCode, note: f.note }));
    assert.equal(files.length, 1);
    const results = await verifyAccessLog(t.db, { key, originPrefix: 'cpas.example', files });
    assert.deepEqual(verificationLines(results), ['OK: gent: 0 entries, 0 checkpoints verified', 'OK: namur: 12 entries, 2 checkpoints verified']);
    const wrongOrigin = await verifyAccessLog(t.db, { key, originPrefix: 'other.example', files, cpasCode: 'namur' });
    assert.match(verificationLines(wrongOrigin)[0]!, /origin "cpas\.example\/namur\/access-log" is not this CPAS's log/);
    assert.equal(existsSync(join(dir, 'gent')), false);
    const stop = startCheckpointTimer(t.db, { info: () => undefined, error: () => undefined }, config);
    stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await t.drop();
  }
});

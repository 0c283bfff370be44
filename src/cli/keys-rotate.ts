// `keys rotate [--rewrap-only] [--data-keys]`: master-key rotation without downtime.
//   Key folder (CONFIANCE_KEY_DIR, default ./keys): creates a new master key file, which becomes
//   current, and re-wraps every CPAS data key under it. The old key files stay until the operator
//   removes them.
//   Environment (CONFIANCE_MASTER_KEYS): the process cannot change the servers' environment, so
//   the rotation has two steps: `keys rotate` prints a new key and what to do with it; once it is
//   first in CONFIANCE_MASTER_KEYS everywhere, `keys rotate` again re-wraps under it.
//   --rewrap-only   re-wrap under the current key without creating one (after restarts: catches a
//                   data key a not-yet-restarted server created under the old key).
//   --data-keys     also start a new data-key version per CPAS for new writes (old ones stay readable).
// See docs/operations.md. No key material is printed, except the new key in environment mode,
// where printing it is the only way to hand it over.
import { randomBytes } from 'node:crypto';
import { loadMasterKeys, newMasterKeyFile, parseMasterKeys, readKeyDir } from '../adapters/crypto/master-keys.ts';
import type { Database } from '../adapters/db/database.ts';
import { addDataKeyVersions, rewrapDataKeys } from '../app/rotate-master-key.ts';
import { readArgs } from './args.ts';
import { openRuntime } from './runtime.ts';

export async function rotateMasterKey(db: Database, env: NodeJS.ProcessEnv, options: { rewrapOnly: boolean; dataKeys: boolean }): Promise<string[]> {
  const lines: string[] = [];
  let ring;
  if (env.CONFIANCE_MASTER_KEYS) {
    ring = parseMasterKeys(env.CONFIANCE_MASTER_KEYS);
    const before = await rewrapDataKeys(db, ring);
    if (before.rewrapped === 0 && !options.rewrapOnly && !options.dataKeys) {
      const id = `master-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
      return [
        `Every data key is wrapped by "${ring.currentId}" already. A new master key for CONFIANCE_MASTER_KEYS:`,
        `  ${id}:${randomBytes(32).toString('base64')}`,
        '1. Store it in two offline places first (see docs/operations.md): without it, nothing sealed can be opened.',
        '2. Put it FIRST in CONFIANCE_MASTER_KEYS on every server, keeping the current keys after it; restart the servers one by one.',
        '3. Run `keys rotate` again: it re-wraps every data key under the new key.',
      ];
    }
    lines.push(`${before.rewrapped} data keys re-wrapped under "${ring.currentId}".`);
  } else {
    const dir = env.CONFIANCE_KEY_DIR || './keys';
    if (options.rewrapOnly) {
      ring = loadMasterKeys(env);
    } else {
      const id = newMasterKeyFile(dir);
      ring = readKeyDir(dir);
      // The newest file is the current key; a copied or touched old file would be newer still.
      if (ring.currentId !== id) throw new Error(`the new key ${id} is not the newest file of ${dir}: check the files' modification times`);
      lines.push(`New master key "${id}" written to ${dir}/${id}.key (mode 600). Back it up now, in two offline places.`);
    }
    const report = await rewrapDataKeys(db, ring);
    lines.push(`${report.rewrapped} data keys re-wrapped under "${ring.currentId}".`);
  }
  if (options.dataKeys) {
    const added = await addDataKeyVersions(db, ring);
    lines.push(`${added.length} CPAS start a new data-key version for new writes; older versions stay readable.`);
  }
  const after = await rewrapDataKeys(db, ring);
  lines.push(`Data keys per master key: ${Object.entries(after.byMasterKey).map(([id, n]) => `${id}: ${n}`).join(', ') || 'none yet'}.`);
  lines.push('Keep the old master keys until every server has restarted and `keys rotate --rewrap-only` reports them unused; then remove them.');
  return lines;
}

export async function runKeysRotate(args: string[]): Promise<number> {
  const line = readArgs('keys rotate', args);
  const ctx = await openRuntime();
  try {
    const lines = await rotateMasterKey(ctx.db, process.env, { rewrapOnly: line.flag('rewrap-only'), dataKeys: line.flag('data-keys') });
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await ctx.db.close();
  }
}

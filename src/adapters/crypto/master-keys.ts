// The master keys, read from outside the database. A key ring holds the current master key and,
// during a rotation, the previous ones, so data keys wrapped by either still open.
//   CONFIANCE_MASTER_KEYS   "id1:base64key,id2:base64key" (the first is current), or
//   CONFIANCE_KEY_DIR       a folder of <id>.key files holding base64 keys; the newest file is current.
// Without either, a development key ring is created in ./keys on first start. Losing every
// master key makes every secret field unreadable for good: see docs/operations.md.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface MasterKeyRing {
  readonly currentId: string;
  get(id: string): Buffer;
}

function ringOf(entries: [string, Buffer][]): MasterKeyRing {
  const [current] = entries;
  if (!current) throw new Error('master key ring is empty');
  for (const [id, key] of entries) {
    if (key.length !== 32) throw new Error(`master key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
  }
  const byId = new Map(entries);
  return {
    currentId: current[0],
    get(id) {
      const key = byId.get(id);
      if (!key) throw new Error(`master key "${id}" is not in the key ring`);
      return key;
    },
  };
}

export function parseMasterKeys(spec: string): MasterKeyRing {
  return ringOf(
    spec.split(',').map((part) => {
      const [id, b64] = part.trim().split(':');
      if (!id || !b64) throw new Error('CONFIANCE_MASTER_KEYS must look like "id:base64key,..."');
      return [id, Buffer.from(b64, 'base64')];
    }),
  );
}

function readKeyFiles(dir: string): MasterKeyRing {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.key'))
    .map((f) => ({ id: f.slice(0, -4), mtime: statSync(join(dir, f)).mtimeMs, path: join(dir, f) }))
    .sort((a, b) => b.mtime - a.mtime || b.id.localeCompare(a.id));
  return ringOf(files.map((f) => [f.id, Buffer.from(readFileSync(f.path, 'utf8').trim(), 'base64')]));
}

/**
 * The key ring of a key folder. A key id it does not know makes it read the folder again once:
 * after `keys rotate` re-wraps the data keys under a new master key, a server started before the
 * rotation still opens a CPAS whose data key it had not yet cached, without a restart.
 */
export function readKeyDir(dir: string): MasterKeyRing {
  let ring = readKeyFiles(dir);
  return {
    get currentId() {
      return ring.currentId;
    },
    get(id) {
      try {
        return ring.get(id);
      } catch {
        ring = readKeyFiles(dir);
        return ring.get(id);
      }
    },
  };
}

export function newMasterKeyFile(dir: string, id = `master-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, `${id}.key`), randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return id;
}

export function loadMasterKeys(env: NodeJS.ProcessEnv = process.env): MasterKeyRing {
  if (env.CONFIANCE_MASTER_KEYS) return parseMasterKeys(env.CONFIANCE_MASTER_KEYS);
  const dir = env.CONFIANCE_KEY_DIR || './keys';
  if (!existsSync(dir) || readdirSync(dir).every((f) => !f.endsWith('.key'))) newMasterKeyFile(dir);
  return readKeyDir(dir);
}

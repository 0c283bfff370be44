// The backup folder: the dump and manifest.json (what it holds, and each access-log chain's head
// at the instant of the dump, with the latest signed checkpoint). Never a key: the master keys and
// the checkpoint key are backed up apart (docs/operations.md), or the backup alone opens every secret.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BACKUP_FORMAT = 'confiance-backup/1';

export interface BackupChain {
  readonly cpas: string;
  readonly seq: number;
  /** Hex of the chain hash after entry `seq`. */
  readonly chainHash: string;
  /** The latest signed checkpoint note in the dump, if any. */
  readonly checkpoint: string | null;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly engine: 'postgres' | 'pglite';
  readonly takenAt: string;
  readonly dump: string;
  readonly migrations: readonly string[];
  readonly chains: readonly BackupChain[];
}

/** A new or empty folder, private to this account: a backup never overwrites another. */
export function prepareBackupFolder(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: give a new folder`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

export function writeManifest(dir: string, manifest: BackupManifest): void {
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}

const isChain = (c: unknown): c is BackupChain => {
  const x = c as Partial<BackupChain>;
  return typeof x?.cpas === 'string' && Number.isInteger(x.seq) && typeof x.chainHash === 'string' && /^[0-9a-f]{64}$/.test(x.chainHash)
    && (x.checkpoint === null || typeof x.checkpoint === 'string');
};

/** The manifest of a backup folder, checked field by field; null when there is none or it is not one. */
export function readManifest(dir: string): BackupManifest | null {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return null;
  let parsed: Partial<BackupManifest>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<BackupManifest>;
  } catch {
    return null;
  }
  const ok = parsed.format === BACKUP_FORMAT && (parsed.engine === 'postgres' || parsed.engine === 'pglite') && typeof parsed.takenAt === 'string'
    && typeof parsed.dump === 'string' && /^[\w.-]+$/.test(parsed.dump) && existsSync(join(dir, parsed.dump))
    && Array.isArray(parsed.migrations) && Array.isArray(parsed.chains) && parsed.chains.every(isChain);
  return ok ? (parsed as BackupManifest) : null;
}

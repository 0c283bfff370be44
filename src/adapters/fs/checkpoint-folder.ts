// The export folder of signed checkpoints, <dir>/<cpas code>/<tree size>.checkpoint, which the DPO
// archives outside the server. A copy the database administrator cannot reach is what makes a
// rewritten history detectable even when the checkpoint table itself was rewritten.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_CHECKPOINT_DIR = './audit-checkpoints';

export interface CheckpointFile {
  readonly path: string;
  readonly cpasCode: string;
  readonly note: string;
}

export function writeCheckpointFile(dir: string, cpasCode: string, treeSize: number, note: string): string {
  const folder = join(dir, cpasCode);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${treeSize}.checkpoint`);
  // A file of that size already there holds the same signed head (the chain is append-only, and
  // Ed25519 signatures are deterministic): keep it, even when another signer wrote it a moment ago.
  try {
    writeFileSync(path, note, { flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
  return path;
}

export function writeVerifierKeyFile(dir: string, verifierKey: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'checkpoint-key.vkey');
  writeFileSync(path, `${verifierKey}\n`);
  return path;
}

/** Every *.checkpoint file of the folder, by CPAS sub-folder; none when the folder does not exist. */
export function readCheckpointFolder(dir: string): CheckpointFile[] {
  if (!existsSync(dir)) return [];
  const files: CheckpointFile[] = [];
  for (const cpasCode of readdirSync(dir).sort()) {
    const folder = join(dir, cpasCode);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.checkpoint')).sort()) {
      files.push({ path: join(folder, name), cpasCode, note: readFileSync(join(folder, name), 'utf8') });
    }
  }
  return files;
}

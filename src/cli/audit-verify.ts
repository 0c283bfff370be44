// `audit verify [--cpas CODE] [--checkpoints DIR] [--vkey FILE] [--incremental]
//   [--independent | --database-hashes]`:
// recomputes every access-log chain and checks it against the head rows, the stored checkpoints
// and the archived checkpoint files. --incremental: only the entries after the last signed
// checkpoint. By default (and with --independent) every text is read and hashed here, nothing
// the database computed trusted; --database-hashes lets the server recompute the entry hashes,
// a second opinion by another way (src/app/chain-feed.ts). Prints "OK: <cpas>: N entries, K
// checkpoints verified", or one line per break saying where it is. Exit status 0 when intact, 1
// when a break is found.
import { existsSync, readFileSync } from 'node:fs';
import { loadCheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import { readCheckpointFolder } from '../adapters/fs/checkpoint-folder.ts';
import { isIntact, verificationLines, verifyAccessLog } from '../app/verify-access-log.ts';
import { parseVerifierKey, type VerifierKey } from '../domain/checkpoint.ts';
import { DomainError, invalidInput } from '../domain/errors.ts';
import { runArchiveVerify } from './audit-archive.ts';
import { checkpointConfigFromEnv } from './audit-checkpoint.ts';
import { readArgs } from './args.ts';
import { openRuntime } from './runtime.ts';

/** The trusted key: a verifier-key file the DPO keeps, or the public half of the configured signing key (never created here). */
export function trustedKey(vkeyFile: string | undefined): VerifierKey | null {
  if (vkeyFile) {
    if (!existsSync(vkeyFile)) throw invalidInput('--vkey', `no file ${vkeyFile}`);
    return parseVerifierKey(readFileSync(vkeyFile, 'utf8'));
  }
  return loadCheckpointSigner(process.env, { create: false })?.verifierKey ?? null;
}

export async function runAuditVerify(args: string[]): Promise<number> {
  const line = readArgs('audit verify', args);
  // An archive file is checked offline: no database is opened.
  if (line.text('archive') !== undefined) return runArchiveVerify(line);
  const config = checkpointConfigFromEnv();
  const folder = line.text('checkpoints');
  if (folder && !existsSync(folder)) throw invalidInput('--checkpoints', `no folder ${folder}`);
  const key = trustedKey(line.text('vkey'));
  const files = readCheckpointFolder(folder ?? config.dir).map((f) => ({ source: f.path, cpasCode: f.cpasCode, note: f.note }));
  const cpasCode = line.text('cpas');
  if (line.flag('independent') && line.flag('database-hashes')) throw invalidInput('--database-hashes', 'cannot be combined with --independent');
  const ctx = await openRuntime();
  try {
    const started = Date.now();
    const results = await verifyAccessLog(ctx.db, {
      cpasCode, key, originPrefix: config.originPrefix, files, incremental: line.flag('incremental'), mode: line.flag('database-hashes') ? 'checked' : 'independent',
    });
    if (cpasCode && results.length === 0) throw new DomainError('not-found', `--cpas: no CPAS with code "${cpasCode}"`, '--cpas');
    const known = new Set(results.map((r) => r.code));
    const orphans = cpasCode ? [] : [...new Set(files.map((f) => f.cpasCode))].filter((code) => !known.has(code));
    const lines = [...verificationLines(results), ...orphans.map((code) => `${code}: checkpoint files exist but the database has no such CPAS (deleted?)`)];
    process.stdout.write(`${lines.join('\n')}\n`);
    const entries = results.reduce((n, r) => n + r.entries, 0);
    process.stderr.write(`(verified in ${((Date.now() - started) / 1000).toFixed(1)} s: ${entries} ${entries === 1 ? 'entry' : 'entries'})\n`);
    return isIntact(results) && orphans.length === 0 ? 0 : 1;
  } finally {
    await ctx.db.close();
  }
}

// `audit verify [--cpas CODE] [--checkpoints DIR] [--vkey FILE] [--incremental] [--independent]`:
// recomputes every access-log chain and checks it against the head rows, the stored checkpoints
// and the archived checkpoint files. --incremental: only the entries after the last signed
// checkpoint; --independent: every text read and hashed here, nothing the database computed
// trusted (src/app/chain-feed.ts). Prints "OK: <cpas>: N entries, K checkpoints verified", or one line per break saying
// where it is. Exit status 0 when intact, 1 when a break is found.
import { existsSync, readFileSync } from 'node:fs';
import { loadCheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import { readCheckpointFolder } from '../adapters/fs/checkpoint-folder.ts';
import { isIntact, verificationLines, verifyAccessLog } from '../app/verify-access-log.ts';
import { parseVerifierKey, type VerifierKey } from '../domain/checkpoint.ts';
import { DomainError, invalidInput } from '../domain/errors.ts';
import { runArchiveVerify } from './audit-archive.ts';
import { checkpointConfigFromEnv } from './audit-checkpoint.ts';
import { rejectUnknownOptions } from './command-io.ts';
import { openRuntime, optionText, parseArgs } from './runtime.ts';

/** The trusted key: a verifier-key file the DPO keeps, or the public half of the configured signing key (never created here). */
export function trustedKey(vkeyFile: string | undefined): VerifierKey | null {
  if (vkeyFile) {
    if (!existsSync(vkeyFile)) throw invalidInput('--vkey', `no file ${vkeyFile}`);
    return parseVerifierKey(readFileSync(vkeyFile, 'utf8'));
  }
  return loadCheckpointSigner(process.env, { create: false })?.verifierKey ?? null;
}

export async function runAuditVerify(args: string[]): Promise<number> {
  const { options } = parseArgs(args);
  // An archive file is checked offline: no database is opened.
  if (options.archive !== undefined) return runArchiveVerify(options);
  rejectUnknownOptions(options, ['cpas', 'checkpoints', 'vkey', 'incremental', 'independent'], 'audit verify [--cpas CODE] [--checkpoints DIR] [--vkey FILE] [--incremental] [--independent]');
  const config = checkpointConfigFromEnv();
  const folder = optionText(options, 'checkpoints');
  if (folder && !existsSync(folder)) throw invalidInput('--checkpoints', `no folder ${folder}`);
  const key = trustedKey(optionText(options, 'vkey'));
  const files = readCheckpointFolder(folder ?? config.dir).map((f) => ({ source: f.path, cpasCode: f.cpasCode, note: f.note }));
  const cpasCode = optionText(options, 'cpas');
  const ctx = await openRuntime();
  try {
    const started = Date.now();
    const results = await verifyAccessLog(ctx.db, {
      cpasCode, key, originPrefix: config.originPrefix, files, incremental: options.incremental !== undefined, ...(options.independent !== undefined ? { mode: 'independent' as const } : {}),
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

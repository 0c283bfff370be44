// The access log over years (docs/operations.md):
// - `audit archive --month YYYY-MM --out FILE [--cpas CODE]`: a closed month of each CPAS's chain
//   to a file with a signed checkpoint, recorded in the database;
// - `audit verify --archive FILE [--previous FILE] [--vkey FILE]`: checks such a file offline
//   (no database), and that it starts where the previous month's archive ended;
// - `audit prune [--month YYYY-MM]`: drops the months past CONFIANCE_LOG_RETENTION_MONTHS (or the
//   one named), only once archived.
// The partitions of the coming months are made at every start and hourly by `serve`
// (partition-maintenance.ts).
import { loadCheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import { createArchiveFile, readArchiveLines } from '../adapters/fs/log-archive-file.ts';
import { archiveAccessLog } from '../app/archive-access-log.ts';
import { dropLogMonth, pruneAccessLog } from '../app/prune-access-log.ts';
import { invalidInput } from '../domain/errors.ts';
import { type ArchiveCheckOptions, type ArchiveEnd, ArchiveChecker } from '../domain/log-archive.ts';
import { logMonth } from '../domain/log-month.ts';
import { checkpointConfigFromEnv } from './audit-checkpoint.ts';
import { trustedKey } from './audit-verify.ts';
import { type CommandArgs, readArgs } from './args.ts';
import { openRuntime } from './runtime.ts';

/** CONFIANCE_LOG_RETENTION_MONTHS: whole months kept after the month in progress; unset or empty: the log is kept whole. */
export function logRetentionFromEnv(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.CONFIANCE_LOG_RETENTION_MONTHS;
  if (raw === undefined || raw === '') return null;
  const months = Number(raw);
  if (!Number.isInteger(months) || months < 1) throw invalidInput('CONFIANCE_LOG_RETENTION_MONTHS', 'expected a whole number of months, at least 1 (unset: keep the whole log)');
  return months;
}

export async function runAuditArchive(args: string[]): Promise<number> {
  const line = readArgs('audit archive', args);
  const monthText = line.text('month');
  const out = line.text('out');
  if (!monthText) throw invalidInput('--month', 'required');
  if (!out) throw invalidInput('--out', 'required');
  const month = logMonth(monthText);
  const file = createArchiveFile(out);
  const ctx = await openRuntime();
  try {
    const signer = loadCheckpointSigner(process.env)!;
    const sections = await archiveAccessLog(ctx.db, signer, {
      month, originPrefix: checkpointConfigFromEnv().originPrefix, now: ctx.now, cpasCode: line.text('cpas'), out: file,
    });
    const lines = sections.map((s) => `${s.code}: ${month}: entries ${s.afterSeq + 1}..${s.lastSeq} archived`);
    process.stdout.write(`${[...lines, `archive written: ${out}`].join('\n')}\n`);
    return 0;
  } catch (error) {
    file.discard();
    throw error;
  } finally {
    await ctx.db.close();
  }
}

/** Checks one archive file; returns its findings and the verified ends of its sections. */
async function checkArchiveFile(path: string, field: string, options: ArchiveCheckOptions) {
  const checker = new ArchiveChecker(options);
  const lines = await readArchiveLines(path, field, (text, n) => checker.line(text, n));
  const findings = checker.finish(lines + 1);
  const ends = new Map<string, ArchiveEnd>();
  for (const r of checker.results) if (r.end) ends.set(r.cpasCode, r.end);
  return { findings, results: checker.results, ends };
}

/** `audit verify --archive FILE`: no database is opened. Exit 0 when intact, 1 when anything is wrong. */
export async function runArchiveVerify(line: CommandArgs): Promise<number> {
  // The database options make no sense without a database: refused rather than silently ignored.
  const withDatabase = [...['cpas', 'checkpoints'].filter((o) => line.text(o) !== undefined), ...['incremental', 'independent'].filter((o) => line.flag(o))];
  if (withDatabase.length > 0) throw invalidInput(`--${withDatabase[0]}`, 'not with --archive (audit verify --archive FILE [--previous FILE] [--vkey FILE])');
  const archive = line.text('archive');
  if (!archive) throw invalidInput('--archive', 'expected a file');
  const key = trustedKey(line.text('vkey'));
  const { originPrefix } = checkpointConfigFromEnv();
  const previousFile = line.text('previous');
  let previous: Map<string, ArchiveEnd> | undefined;
  const lines: string[] = [];
  if (previousFile) {
    const checked = await checkArchiveFile(previousFile, '--previous', { key, originPrefix });
    lines.push(...checked.findings.map((f) => `previous archive: ${f}`));
    previous = checked.ends;
  }
  const { findings, results } = await checkArchiveFile(archive, '--archive', { key, originPrefix, previous });
  lines.push(...findings);
  for (const r of results) {
    if (r.findings.length === 0) lines.push(`OK: ${r.cpasCode} ${r.month}: entries ${r.afterSeq + 1}..${r.lastSeq} (${r.entries}), checkpoint verified${previous ? ', anchored to the previous archive' : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return lines.some((l) => !l.startsWith('OK: ')) ? 1 : 0;
}

export async function runAuditPrune(args: string[]): Promise<number> {
  const monthText = readArgs('audit prune', args).text('month');
  const retention = logRetentionFromEnv();
  const ctx = await openRuntime();
  try {
    if (monthText) {
      const month = logMonth(monthText);
      await dropLogMonth(ctx.db, month, ctx.now(), retention);
      process.stdout.write(`${month}: partition dropped\n`);
      return 0;
    }
    if (retention === null) {
      process.stdout.write('CONFIANCE_LOG_RETENTION_MONTHS is not set: the whole log is kept, nothing dropped\n');
      return 0;
    }
    const { dropped, refused } = await pruneAccessLog(ctx.db, { retentionMonths: retention, now: ctx.now() });
    const lines = [...dropped.map((m) => `${m}: partition dropped`), ...refused.map((r) => `KEPT: ${r.reason}`)];
    process.stdout.write(`${lines.length ? lines.join('\n') : `nothing older than ${retention} months to drop`}\n`);
    return refused.length > 0 ? 1 : 0;
  } finally {
    await ctx.db.close();
  }
}

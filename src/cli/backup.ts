// `backup --out DIR`: signs a checkpoint of each chain, then dumps the database in one snapshot
// with the heads of the chains in it (manifest.json). `restore --from DIR`: into an empty database
// (DATABASE_URL, or a new CONFIANCE_DATA_DIR), then verifies the chains, checks that each holds the
// head the backup recorded and that the master keys open every data key. Exit 0 only when all hold.
import { backupDatabase, checkRestoredDatabase, restoreBackup } from '../app/backup-database.ts';
import { invalidInput } from '../domain/errors.ts';
import { checkpointAndExport, checkpointConfigFromEnv } from './audit-checkpoint.ts';
import { trustedKey } from './audit-verify.ts';
import { readArgs } from './args.ts';
import { openRuntime } from './runtime.ts';

const BACKUP_USAGE = 'backup --out DIR';
const RESTORE_USAGE = 'restore --from DIR';

export async function runBackup(args: string[], env: NodeJS.ProcessEnv = process.env, out: { write(text: string): unknown } = process.stdout): Promise<number> {
  const dir = readArgs('backup', args).text('out');
  if (!dir) throw invalidInput('--out', `give the folder to write the backup to (${BACKUP_USAGE})`);
  const ctx = await openRuntime();
  try {
    // A checkpoint at the instant of the backup: a later restore can be compared with a signed head.
    const { lines } = await checkpointAndExport(ctx.db, checkpointConfigFromEnv(env), undefined, env);
    const manifest = await backupDatabase(ctx.db, env, dir, () => new Date());
    out.write(`${[...lines, ...manifest.chains.map((c) => `${c.cpas}: access log at entry ${c.seq}`)].join('\n')}\n`);
    out.write(`backup written to ${dir} (${manifest.dump}). The keys are NOT in it: back up the master keys and the checkpoint key apart (docs/operations.md).\n`);
    return 0;
  } finally {
    await ctx.db.close();
  }
}

export async function runRestore(args: string[], env: NodeJS.ProcessEnv = process.env, out: { write(text: string): unknown } = process.stdout): Promise<number> {
  const dir = readArgs('restore', args).text('from');
  if (!dir) throw invalidInput('--from', `give the backup folder (${RESTORE_USAGE})`);
  const manifest = await restoreBackup(env, dir);
  const ctx = await openRuntime();
  try {
    const { ok, lines } = await checkRestoredDatabase(ctx, manifest, { key: trustedKey(undefined), originPrefix: checkpointConfigFromEnv(env).originPrefix });
    out.write(`restored the backup of ${manifest.takenAt}\n${lines.join('\n')}\n`);
    return ok ? 0 : 1;
  } finally {
    await ctx.db.close();
  }
}

// `backup` and `restore`: a consistent dump with the state of every access-log chain in it, and
// its restore into an empty database followed by the checks that make it trustworthy: the chains
// verify, each still holds the head recorded at backup time (a dump cut short or edited since
// would not), and the separately kept master keys open every CPAS's data key.
import { type Database, databaseConfigFromEnv } from '../adapters/db/database.ts';
import { DUMP_FILE, dumpDatabase, restoreDatabase } from '../adapters/db/backup.ts';
import { listCpasCodes, readChainHead, storedChainHashAt } from '../adapters/db/stores/access-log-chain-store.ts';
import { latestCheckpoint } from '../adapters/db/stores/checkpoint-store.ts';
import { latestDataKeyVersions } from '../adapters/db/stores/data-key-store.ts';
import { appliedMigrationNames } from '../adapters/db/stores/readiness-store.ts';
import { BACKUP_FORMAT, type BackupChain, type BackupManifest, prepareBackupFolder, readManifest, writeManifest } from '../adapters/fs/backup-folder.ts';
import { join } from 'node:path';
import type { AppContext } from './context.ts';
import { isIntact, verificationLines, verifyAccessLog, type VerifyOptions } from './verify-access-log.ts';
import { DomainError, invalidInput } from '../domain/errors.ts';

export type { BackupManifest };

/** `env` names the database as for every command: DATABASE_URL (PostgreSQL) or CONFIANCE_DATA_DIR (PGlite). */
export async function backupDatabase(db: Database, env: NodeJS.ProcessEnv, outDir: string, now: () => Date): Promise<BackupManifest> {
  const config = databaseConfigFromEnv(env);
  try {
    prepareBackupFolder(outDir);
  } catch (error) {
    throw invalidInput('--out', (error as Error).message);
  }
  const dump = DUMP_FILE[db.engine];
  const state = await dumpDatabase(db, config, join(outDir, dump), async (tx) => {
    const chains: BackupChain[] = [];
    for (const { cpasId, code } of await listCpasCodes(tx)) {
      const head = await readChainHead(tx, cpasId);
      const checkpoint = await latestCheckpoint(tx, cpasId);
      chains.push({ cpas: code, seq: head?.seq ?? 0, chainHash: (head?.chainHash ?? Buffer.alloc(32)).toString('hex'), checkpoint: checkpoint?.noteText ?? null });
    }
    return { chains, migrations: await appliedMigrationNames(tx) };
  });
  const manifest: BackupManifest = { format: BACKUP_FORMAT, engine: db.engine, takenAt: now().toISOString(), dump, ...state };
  writeManifest(outDir, manifest);
  return manifest;
}

/** Restores the dump of `fromDir` into the empty database of `config`; returns its manifest. */
export async function restoreBackup(env: NodeJS.ProcessEnv, fromDir: string): Promise<BackupManifest> {
  const config = databaseConfigFromEnv(env);
  const manifest = readManifest(fromDir);
  if (!manifest) throw invalidInput('--from', `${fromDir} holds no backup (manifest.json missing, unreadable or its dump absent)`);
  try {
    await restoreDatabase(manifest.engine, config, join(fromDir, manifest.dump));
  } catch (error) {
    throw new DomainError('invalid-state', `restore refused or failed: ${(error as Error).message}`);
  }
  return manifest;
}

/** After a restore: one line per check, and whether all passed. */
export async function checkRestoredDatabase(
  ctx: AppContext,
  manifest: BackupManifest,
  verify: Pick<VerifyOptions, 'key' | 'originPrefix'>,
): Promise<{ ok: boolean; lines: string[] }> {
  const results = await verifyAccessLog(ctx.db, { ...verify });
  const lines = verificationLines(results);
  let ok = isIntact(results);
  const codes = await ctx.db.transaction((tx) => listCpasCodes(tx));
  for (const chain of manifest.chains) {
    const cpas = codes.find((c) => c.code === chain.cpas);
    const stored = cpas && chain.seq > 0 ? await ctx.db.transaction((tx) => storedChainHashAt(tx, cpas.cpasId, chain.seq)) : null;
    const holds = cpas !== undefined && (chain.seq === 0 || stored?.toString('hex') === chain.chainHash);
    if (!holds) ok = false;
    lines.push(holds ? `OK: ${chain.cpas}: holds the head of the backup (entry ${chain.seq})` : `${chain.cpas}: does NOT hold the head the backup recorded (entry ${chain.seq}): the dump is not the one the manifest describes`);
  }
  for (const { cpasId, version } of await ctx.db.transaction((tx) => latestDataKeyVersions(tx))) {
    const code = codes.find((c) => c.cpasId === cpasId)?.code ?? cpasId;
    // Unwrapping the current data key proves that the key folder fits this database: a wrong or missing master key fails here, not at the first user.
    const opens = await ctx.db.transaction((tx) => ctx.secrets.mac(tx, cpasId, 'restore-check', Buffer.from('restore'))).then(() => true, () => false);
    if (!opens) ok = false;
    lines.push(opens ? `OK: ${code}: data key version ${version} opens with the master keys` : `${code}: data key version ${version} does NOT open: restore the master key folder that belongs to this backup`);
  }
  return { ok, lines };
}

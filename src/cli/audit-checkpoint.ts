// `audit checkpoint [--out DIR] [--cpas CODE]`: signs the current head of each CPAS's access-log
// chain, stores the checkpoint and writes it to DIR/<cpas code>/<size>.checkpoint (default
// ./audit-checkpoints), with the verifier key beside it, for the DPO to archive off the server.
// `serve` also writes checkpoints on a timer (CONFIANCE_CHECKPOINT_MINUTES, default 60; 0 = off):
// signing stays out of the request path, and at most that long of the log rests on the head row alone.
import { loadCheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import type { Database } from '../adapters/db/database.ts';
import { DEFAULT_CHECKPOINT_DIR, writeCheckpointFile, writeVerifierKeyFile } from '../adapters/fs/checkpoint-folder.ts';
import { type CheckpointOutcome, writeCheckpoints } from '../app/write-checkpoints.ts';
import { formatVerifierKey } from '../domain/checkpoint.ts';
import { readArgs } from './args.ts';
import { openRuntime } from './runtime.ts';
import { failureKind } from './failure-kind.ts';

export interface CheckpointConfig {
  /** The origin line is `<originPrefix>/<cpas code>/access-log`. */
  originPrefix: string;
  dir: string;
  minutes: number;
}

export function checkpointConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CheckpointConfig {
  const minutes = Number(env.CONFIANCE_CHECKPOINT_MINUTES ?? 60);
  return {
    originPrefix: env.CONFIANCE_LOG_ORIGIN || 'confiance.example',
    dir: env.CONFIANCE_CHECKPOINT_DIR || DEFAULT_CHECKPOINT_DIR,
    minutes: Number.isFinite(minutes) && minutes >= 0 ? minutes : 60,
  };
}

/** Signs, stores and exports; returns one report line per CPAS. */
export async function checkpointAndExport(
  db: Database,
  config: CheckpointConfig,
  cpasCode?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ lines: string[]; refused: boolean; outcomes: CheckpointOutcome[] }> {
  const signer = loadCheckpointSigner(env)!;
  const outcomes = await writeCheckpoints(db, signer, { originPrefix: config.originPrefix, now: () => new Date(), cpasCode });
  writeVerifierKeyFile(config.dir, formatVerifierKey(signer.verifierKey));
  const lines = outcomes.flatMap((o: CheckpointOutcome) => {
    switch (o.status) {
      case 'signed':
        return [`${o.code}: checkpoint at size ${o.treeSize} signed: ${writeCheckpointFile(config.dir, o.code, o.treeSize, o.note)}`];
      case 'unchanged':
        return [`${o.code}: unchanged since the checkpoint at size ${o.treeSize}: ${writeCheckpointFile(config.dir, o.code, o.treeSize, o.note)}`];
      case 'empty':
        return [`${o.code}: no entries yet`];
      case 'refused':
        return [`${o.code}: NOT SIGNED: the chain does not verify since the last checkpoint; run \`audit verify\``, ...o.findings.map((f) => `${o.code}: ${f.message}`)];
    }
  });
  return { lines, refused: outcomes.some((o) => o.status === 'refused'), outcomes };
}

export async function runAuditCheckpoint(args: string[]): Promise<number> {
  const line = readArgs('audit checkpoint', args);
  const out = line.text('out');
  const config = { ...checkpointConfigFromEnv(), ...(out ? { dir: out } : {}) };
  const ctx = await openRuntime();
  try {
    const { lines, refused } = await checkpointAndExport(ctx.db, config, line.text('cpas'));
    process.stdout.write(`${lines.join('\n')}\n`);
    return refused ? 1 : 0;
  } finally {
    await ctx.db.close();
  }
}

/** The timer of `serve`. Failures are reported by kind only: no entry content ever reaches the server log. */
export function startCheckpointTimer(
  db: Database,
  log: { info(msg: string): void; error(msg: string): void },
  config = checkpointConfigFromEnv(),
  onOutcomes: (outcomes: readonly CheckpointOutcome[]) => void = () => undefined,
): () => void {
  if (config.minutes === 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    checkpointAndExport(db, config)
      .then(({ lines, refused, outcomes }) => {
        onOutcomes(outcomes);
        if (refused) log.error(`access-log checkpoint refused: ${lines.join('; ')}`);
        else log.info(`access-log checkpoints: ${lines.length} CPAS`);
      })
      .catch((error: unknown) => log.error(`access-log checkpoint failed: ${failureKind(error)}`))
      .finally(() => {
        running = false;
      });
  }, config.minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

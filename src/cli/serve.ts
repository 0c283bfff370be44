import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { buildServer, parseTrustProxy } from '../http/server.ts';
import { createMetrics, type Metrics } from '../http/metrics.ts';
import { closeGracefully } from '../http/shutdown.ts';
import { databaseIsEmpty } from '../app/load-demo.ts';
import type { CheckpointOutcome } from '../app/write-checkpoints.ts';
import { loadDemoAndPrint } from './demo.ts';
import { checkpointConfigFromEnv, startCheckpointTimer } from './audit-checkpoint.ts';
import { openRuntime, parseArgs } from './runtime.ts';

/** The hourly checkpoint verifies each chain since its last checkpoint first: its outcome is the verification metric. */
export function recordOutcomes(metrics: Metrics, outcomes: readonly CheckpointOutcome[]): void {
  for (const o of outcomes) {
    if (o.status === 'refused') metrics.recordVerification(o.code, false, 0);
    else metrics.recordVerification(o.code, true, o.status === 'empty' ? 0 : o.treeSize);
  }
}

/**
 * SIGTERM (systemd, Kubernetes) or SIGINT (Ctrl-C): no new connection, requests under way are
 * answered, then the database is closed, so no acknowledged write is lost and no transaction is cut.
 */
export async function stopServing(app: FastifyInstance, ctx: AppContext, stopTimers: () => void): Promise<void> {
  stopTimers();
  await closeGracefully(app);
  await ctx.db.close();
}

export async function runServe(args: string[]): Promise<number> {
  const { options } = parseArgs(args);
  const ctx = await openRuntime();
  if (options['demo-if-empty'] && (await databaseIsEmpty(ctx))) await loadDemoAndPrint(ctx);
  const metrics = createMetrics();
  const app = await buildServer(ctx, {
    logger: true, trustProxy: parseTrustProxy(process.env.CONFIANCE_TRUST_PROXY), metrics, metricsToken: process.env.CONFIANCE_METRICS_TOKEN || undefined,
  });
  const host = process.env.HOST || '127.0.0.1';
  const port = Number(process.env.PORT || 3000);
  await app.listen({ host, port });
  const stopCheckpoints = startCheckpointTimer(ctx.db, app.log, checkpointConfigFromEnv(), (outcomes) => recordOutcomes(metrics, outcomes));
  process.stdout.write(`Confiance listens on http://${host}:${port}/ (API documentation: /api/docs)\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopServing(app, ctx, stopCheckpoints);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

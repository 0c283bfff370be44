import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { buildServer, parseTrustProxy } from '../http/server.ts';
import { createMetrics, type Metrics } from '../http/metrics.ts';
import { closeGracefully } from '../http/shutdown.ts';
import { databaseIsEmpty } from '../app/load-demo.ts';
import type { CheckpointOutcome } from '../app/write-checkpoints.ts';
import { loadDemoAndPrint } from './demo.ts';
import { startPartitionMaintenance } from './partition-maintenance.ts';
import { checkpointConfigFromEnv, startCheckpointTimer } from './audit-checkpoint.ts';
import { startRegisterReminders } from './register-reminders.ts';
import { readArgs } from './args.ts';
import { openRuntime } from './runtime.ts';
import { citizenPortalFromEnv } from '../citizen/config.ts';
import { startCitizenDemo } from './citizen-demo.ts';

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
  const demoIfEmpty = readArgs('serve', args).flag('demo-if-empty');
  const ctx = await openRuntime({ mayCreateDataDir: demoIfEmpty });
  if (demoIfEmpty && (await databaseIsEmpty(ctx))) await loadDemoAndPrint(ctx);
  const metrics = createMetrics();
  const host = process.env.HOST || '127.0.0.1';
  const port = Number(process.env.PORT || 3000);
  // The citizen portal: a configured provider, or in demo mode a local one (never both).
  const demoPortal = demoIfEmpty && !process.env.CONFIANCE_OIDC_ISSUER
    ? await startCitizenDemo(`http://${host}:${port}`, process.env.CONFIANCE_CITIZEN_CPAS || 'namur', Number(process.env.CONFIANCE_DEMO_OIDC_PORT || port + 1))
    : null;
  const citizen = demoPortal?.options ?? citizenPortalFromEnv(process.env, ctx.now) ?? undefined;
  const app = await buildServer(ctx, {
    logger: true, trustProxy: parseTrustProxy(process.env.CONFIANCE_TRUST_PROXY), citizen, metrics, metricsToken: process.env.CONFIANCE_METRICS_TOKEN || undefined,
  });
  await app.listen({ host, port });
  const stopCheckpoints = startCheckpointTimer(ctx.db, app.log, checkpointConfigFromEnv(), (outcomes) => recordOutcomes(metrics, outcomes));
  const stopReminders = startRegisterReminders(ctx, app.log);
  const stopPartitions = startPartitionMaintenance(ctx.db, app.log, ctx.now);
  process.stdout.write(`Confiance listens on http://${host}:${port}/ (API documentation: /api/docs)\n`);
  if (citizen) process.stdout.write(`Citizen portal: http://${host}:${port}/citizen${demoPortal ? ` (demo identity provider ${demoPortal.provider.issuer})` : ''}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopServing(app, ctx, () => {
      stopCheckpoints();
      stopReminders();
      stopPartitions();
    });
    await demoPortal?.provider.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

import { buildServer, parseTrustProxy } from '../http/server.ts';
import { databaseIsEmpty } from '../app/load-demo.ts';
import { loadDemoAndPrint } from './demo.ts';
import { startCheckpointTimer } from './audit-checkpoint.ts';
import { openRuntime, parseArgs } from './runtime.ts';

export async function runServe(args: string[]): Promise<number> {
  const { options } = parseArgs(args);
  const ctx = await openRuntime({ mayCreateDataDir: options['demo-if-empty'] === true });
  if (options['demo-if-empty'] && (await databaseIsEmpty(ctx))) await loadDemoAndPrint(ctx);
  const app = await buildServer(ctx, { logger: true, trustProxy: parseTrustProxy(process.env.CONFIANCE_TRUST_PROXY) });
  const host = process.env.HOST || '127.0.0.1';
  const port = Number(process.env.PORT || 3000);
  await app.listen({ host, port });
  const stopCheckpoints = startCheckpointTimer(ctx.db, app.log);
  process.stdout.write(`Confiance listens on http://${host}:${port}/ (API documentation: /api/docs)\n`);
  const stop = async () => {
    stopCheckpoints();
    await app.close();
    await ctx.db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

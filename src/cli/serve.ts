import { buildServer, parseTrustProxy } from '../http/server.ts';
import { databaseIsEmpty } from '../app/load-demo.ts';
import { loadDemoAndPrint } from './demo.ts';
import { startCheckpointTimer } from './audit-checkpoint.ts';
import { startRegisterReminders } from './register-reminders.ts';
import { openRuntime, parseArgs } from './runtime.ts';
import { citizenPortalFromEnv } from '../citizen/config.ts';
import { startCitizenDemo } from './citizen-demo.ts';

export async function runServe(args: string[]): Promise<number> {
  const { options } = parseArgs(args);
  const ctx = await openRuntime();
  if (options['demo-if-empty'] && (await databaseIsEmpty(ctx))) await loadDemoAndPrint(ctx);
  const host = process.env.HOST || '127.0.0.1';
  const port = Number(process.env.PORT || 3000);
  // The citizen portal: a configured provider, or in demo mode a local one (never both).
  const demoPortal = options['demo-if-empty'] && !process.env.CONFIANCE_OIDC_ISSUER
    ? await startCitizenDemo(`http://${host}:${port}`, process.env.CONFIANCE_CITIZEN_CPAS || 'namur', Number(process.env.CONFIANCE_DEMO_OIDC_PORT || port + 1))
    : null;
  const citizen = demoPortal?.options ?? citizenPortalFromEnv(process.env, ctx.now) ?? undefined;
  const app = await buildServer(ctx, { logger: true, trustProxy: parseTrustProxy(process.env.CONFIANCE_TRUST_PROXY), citizen });
  await app.listen({ host, port });
  const stopCheckpoints = startCheckpointTimer(ctx.db, app.log);
  const stopReminders = startRegisterReminders(ctx, app.log);
  process.stdout.write(`Confiance listens on http://${host}:${port}/ (API documentation: /api/docs)\n`);
  if (citizen) process.stdout.write(`Citizen portal: http://${host}:${port}/citizen${demoPortal ? ` (demo identity provider ${demoPortal.provider.issuer})` : ''}\n`);
  const stop = async () => {
    stopCheckpoints();
    stopReminders();
    await app.close();
    await demoPortal?.provider.close();
    await ctx.db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

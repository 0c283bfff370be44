import { databaseIsEmpty, DEMO_PASSWORD, loadDemo } from '../app/load-demo.ts';
import type { AppContext } from '../app/context.ts';
import { generateDemo } from '../demo/generate.ts';
import { DomainError } from '../domain/errors.ts';
import { readArgs } from './args.ts';
import { openRuntime } from './runtime.ts';
import { refreshStatistics } from '../adapters/db/migrate.ts';

export const DEMO_SEED = 2026;

export async function loadDemoAndPrint(ctx: AppContext): Promise<void> {
  const started = Date.now();
  const { logins } = await loadDemo(ctx, generateDemo(DEMO_SEED));
  await refreshStatistics(ctx.db);
  process.stdout.write(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s. Synthetic persons only, no real data.\n`);
  process.stdout.write(`Demo accounts (password for all: ${DEMO_PASSWORD}):\n`);
  for (const { login, roles } of logins) process.stdout.write(`  ${login.padEnd(40)} ${roles.join(', ')}\n`);
}

export async function runDemo(args: string[]): Promise<number> {
  readArgs('demo', args);
  const ctx = await openRuntime({ mayCreateDataDir: true });
  try {
    if (!(await databaseIsEmpty(ctx))) throw new DomainError('invalid-state', 'the database holds data already; demo loads only into an empty one');
    await loadDemoAndPrint(ctx);
    return 0;
  } finally {
    await ctx.db.close();
  }
}

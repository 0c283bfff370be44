// `requests stats --year YYYY [--format csv|json] --as user@cpas`: the register's statistics of one
// year, with small counts suppressed, as JSON (default) or CSV on standard output. No personal
// data is in either. The acting user must be allowed the statistics (directeur général,
// président, DPO); the read is logged like any other.
import { readRequestStatistics } from '../app/requests/request-statistics.ts';
import { invalidInput } from '../domain/errors.ts';
import { statisticsCsv } from '../domain/requests/statistics.ts';
import { readArgs } from './args.ts';
import { type CommandIo, processIo } from './command-io.ts';
import { actorFromLogin } from './runtime.ts';

const USAGE = 'usage: confiance requests stats --year YYYY [--format csv|json] --as user@cpas';

export async function runRequestsStats(args: string[], io: CommandIo = processIo): Promise<number> {
  const line = readArgs('requests stats', args);
  const yearText = line.text('year') ?? '';
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 2017) throw invalidInput('--year', `give a year from 2017, e.g. --year 2026 (${USAGE})`);
  const format = line.text('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw invalidInput('--format', 'expected csv or json');
  const { ctx, close } = await io.open();
  try {
    const actor = await actorFromLogin(ctx, line.text('as'));
    const stats = await readRequestStatistics(ctx, actor, { year });
    io.stdout.write(format === 'csv' ? statisticsCsv(stats) : `${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  } finally {
    await close();
  }
}

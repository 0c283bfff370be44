// `confiance persons import FILE.csv --as user@cpas [--skip-invalid]`: imports persons from a
// CSV file (format: docs/import-format.md, src/adapters/csv/person-csv.ts).
//
// Every row is checked before anything is written; each fault is one line on stderr,
// `line N: <column>: <reason>`, never the value. Then:
// - without --skip-invalid, one bad row and nothing is imported (exit 2);
// - with --skip-invalid, the good rows are imported and the bad ones counted as skipped (exit 0),
//   unless no row at all could be imported (exit 2: a script must not take that for success);
// - a file that cannot be read as a whole (encoding, header, broken quoting) imports nothing (exit 2).
// The import is one transaction. On a terminal, a progress bar is drawn on stderr; the summary
// `imported N persons (M skipped) in X.Xs` goes to stdout.
import { parsePersonCsv } from '../adapters/csv/person-csv.ts';
import { refreshStatistics } from '../adapters/db/migrate.ts';
import { importPersons, type RowIssue } from '../app/import-persons.ts';
import { invalidInput } from '../domain/errors.ts';
import { readArgs } from './args.ts';
import { type CommandIo, processIo } from './command-io.ts';
import { actorFromLogin } from './runtime.ts';

const USAGE = 'usage: confiance persons import FILE.csv --as user@cpas [--skip-invalid]';
const EXIT_BAD_INPUT = 2;
const BAR_WIDTH = 30;
const REDRAW_MS = 100;

export async function runPersonsImport(args: string[], io: CommandIo = processIo): Promise<number> {
  const started = io.clock();
  const line = readArgs('persons import', args);
  const skipInvalid = line.flag('skip-invalid');
  const [path] = line.positionals;
  if (!path) throw invalidInput('FILE', `give one CSV file (${USAGE})`);
  const bytes = await io.readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw invalidInput('FILE', `cannot read ${path} (${error.code ?? 'read error'})`);
  });

  const { ctx, close } = await io.open();
  try {
    const actor = await actorFromLogin(ctx, line.text('as'));
    const checking = progressBar(io, 'checked');
    const parsed = parsePersonCsv(bytes, { onProgress: checking.update });
    checking.end();
    if (parsed.fatal) {
      report(io, parsed.errors);
      io.stderr.write('nothing imported: the file cannot be read as a person CSV (see docs/import-format.md)\n');
      return EXIT_BAD_INPUT;
    }
    const invalidRows = new Set(parsed.errors.map((e) => e.line)).size;
    const importing = progressBar(io, 'imported');
    const result = await importPersons(ctx, actor, parsed.rows, {
      mode: skipInvalid ? 'skip-invalid' : 'all-or-nothing',
      invalidRows,
      onProgress: importing.update,
    });
    importing.end();
    report(io, [...parsed.errors, ...result.rejected]);
    const badRows = invalidRows + new Set(result.rejected.map((r) => r.line)).size;
    const totalRows = invalidRows + parsed.rows.length;
    if (result.imported === 0 && badRows > 0) {
      io.stderr.write(skipInvalid
        ? `nothing imported: none of the ${totalRows} rows is valid\n`
        : `nothing imported: ${badRows} of ${totalRows} rows are invalid; fix them, or import the others with --skip-invalid\n`);
      return EXIT_BAD_INPUT;
    }
    // Thousands of new rows make the planner's statistics stale: refreshed now, not left to chance.
    if (result.imported > 0) await refreshStatistics(ctx.db);
    const seconds = ((io.clock() - started) / 1000).toFixed(1);
    io.stdout.write(`imported ${result.imported} persons (${result.skipped} skipped) in ${seconds}s\n`);
    return 0;
  } finally {
    await close();
  }
}

/** In file order; the faults of one line keep the order of the columns. */
function report(io: CommandIo, issues: readonly RowIssue[]): void {
  const lines = [...issues].sort((a, b) => a.line - b.line).map((i) => `line ${i.line}: ${i.field}: ${i.message}\n`);
  if (lines.length > 0) io.stderr.write(lines.join(''));
}

/**
 * `\r[#####.....] 42% 42000/100000 rows checked`, redrawn at most ten times a second (a redraw
 * per row would cost more than the rows), and only on a terminal: in a log file the carriage
 * returns would leave thousands of partial lines. Nothing to write, no bar.
 */
function progressBar(io: CommandIo, verb: string) {
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done: number, total: number): void {
      if (!io.stderr.isTTY || total === 0) return;
      const now = io.clock();
      if (done < total && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      drawn = true;
      const share = total === 0 ? 1 : done / total;
      const filled = Math.floor(share * BAR_WIDTH);
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}% ${done}/${total} rows ${verb}`);
    },
    end(): void {
      if (drawn) io.stderr.write('\n');
    },
  };
}

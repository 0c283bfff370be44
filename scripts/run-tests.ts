// Runs the whole suite with node:test. Node 20 does not expand globs in `--test`, so the
// files are listed here. Unit tests (`*.test.ts`) run once; database tests (`*.db.test.ts`)
// run on the embedded PGlite engine and, when TEST_DATABASE_URL is set, again on that
// PostgreSQL server, so one code path is proven on both engines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function listTests(dir: string): string[] {
  const found: string[] = [];
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...listTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found.sort();
}

const filter = process.argv.slice(2);
const selected = (files: string[]) =>
  filter.length === 0 ? files : files.filter((f) => filter.some((part) => f.includes(part)));
const all = selected(listTests('src').concat(listTests('test')));
const unit = all.filter((f) => !f.endsWith('.db.test.ts') && !f.endsWith('.e2e.test.ts'));
const database = all.filter((f) => f.endsWith('.db.test.ts'));
const browser = all.filter((f) => f.endsWith('.e2e.test.ts'));

type Run = { label: string; files: string[]; env: Record<string, string> };
const runs: Run[] = [
  { label: 'unit', files: unit, env: {} },
  { label: 'database on PGlite', files: database, env: { CONFIANCE_TEST_ENGINE: 'pglite' } },
];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  runs.push({ label: 'database on PostgreSQL', files: database, env: { CONFIANCE_TEST_ENGINE: 'postgres' } });
}
if (process.env.CONFIANCE_E2E === '1') {
  runs.push({ label: 'browser (Chromium)', files: browser, env: { CONFIANCE_TEST_ENGINE: 'pglite' } });
}

// Each run also writes TAP to a file, read back for the one total line CI looks for.
const tapDir = mkdtempSync(join(tmpdir(), 'confiance-tests-'));
let failedRuns = 0;
let passed = 0;
let failed = 0;
for (const [index, run] of runs.entries()) {
  if (run.files.length === 0) continue;
  process.stdout.write(`\n== ${run.label}: ${run.files.length} files\n`);
  const tapFile = join(tapDir, `${index}.tap`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...run.files],
    { stdio: 'inherit', env: { ...process.env, ...run.env } },
  );
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  if (result.status !== 0) {
    failedRuns += 1;
    if (count('fail') + count('cancelled') === 0) failed += 1; // the run itself broke
  }
}
rmSync(tapDir, { recursive: true, force: true });
if (!serverUrl) {
  process.stdout.write('\n(TEST_DATABASE_URL not set: database tests ran on PGlite only)\n');
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failedRuns === 0 && passed > 0 ? 0 : 1);

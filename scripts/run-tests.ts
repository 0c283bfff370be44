// Runs the whole suite with node:test. Node 20 does not expand globs in `--test`, so the
// files are listed here. Unit tests (`*.test.ts`) run once; database tests (`*.db.test.ts`)
// run on the embedded PGlite engine and, when TEST_DATABASE_URL is set, again on that
// PostgreSQL server, so one code path is proven on both engines.
//
// Speed (CI must stay under 10 minutes on a 2-core machine): the phases run side by side (browser,
// unit, PGlite, PostgreSQL), which keeps both cores busy while a phase waits on
// the PostgreSQL server or the browser; PGlite is migrated once for every test file (a data-dir
// tarball named in CONFIANCE_PGLITE_TEMPLATE); one Chromium serves every browser test file
// (CONFIANCE_BROWSER_WS). Each phase's report is printed whole when it ends, with its duration.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
const serverUrl = process.env.TEST_DATABASE_URL;
const e2e = process.env.CONFIANCE_E2E === '1';
const runs: Run[] = [
  // The browser phase is the longest: it starts first. Unit tests get their own process too: run
  // before PGlite in one lane, they delayed its start by minutes under load.
  ...(e2e ? [{ label: 'browser (Chromium)', files: browser, env: { CONFIANCE_TEST_ENGINE: 'pglite' } }] : []),
  { label: 'unit', files: unit, env: {} as Record<string, string> },
  { label: 'database on PGlite', files: database, env: { CONFIANCE_TEST_ENGINE: 'pglite' } },
  ...(serverUrl ? [{ label: 'database on PostgreSQL', files: database, env: { CONFIANCE_TEST_ENGINE: 'postgres' } }] : []),
].filter((run) => run.files.length > 0);

const tapDir = mkdtempSync(join(tmpdir(), 'confiance-tests-'));
const shared: Record<string, string> = {};
const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(0)} s`;

// One migration of PGlite for every test file that uses it.
if (runs.some((run) => run.env.CONFIANCE_TEST_ENGINE === 'pglite')) {
  const { makePgliteTemplate, pgliteTemplateName } = await import('../src/testing/test-database.ts');
  const file = join(tapDir, pgliteTemplateName());
  writeFileSync(file, Buffer.from(await (await makePgliteTemplate()).arrayBuffer()));
  shared.CONFIANCE_PGLITE_TEMPLATE = file;
  process.stdout.write(`PGlite template migrated in ${seconds(started)}\n`);
}

// One browser for every browser test file; each file opens its own contexts in it.
let browserServer: { wsEndpoint(): string; close(): Promise<void> } | null = null;
if (runs.some((run) => run.files === browser)) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM, CHROMIUM_ARGS } = await import('../src/ui/e2e/chromium.ts');
  browserServer = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  shared.CONFIANCE_BROWSER_WS = browserServer.wsEndpoint();
}

type Outcome = { label: string; passed: number; failed: number; ok: boolean; seconds: string };

async function runPhase(run: Run, index: number): Promise<Outcome> {
  const tapFile = join(tapDir, `${index}.tap`);
  const specFile = join(tapDir, `${index}.spec`);
  const phaseStart = performance.now();
  const spec = createWriteStream(specFile);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...run.files],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...shared, ...run.env } },
  );
  child.stdout.pipe(spec);
  child.stderr.pipe(spec);
  const status = await new Promise<number | null>((done) => child.once('close', done));
  await new Promise((done) => spec.end(done));
  const took = seconds(phaseStart);
  process.stdout.write(`\n== ${run.label}: ${run.files.length} files, ${took}\n${readFileSync(specFile, 'utf8')}`);
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  let failed = count('fail') + count('cancelled');
  if (status !== 0 && failed === 0) failed = 1; // the run itself broke
  return { label: run.label, passed: count('pass'), failed, ok: status === 0, seconds: took };
}

const outcomes = await Promise.all(runs.map(runPhase));
await browserServer?.close();
rmSync(tapDir, { recursive: true, force: true });

if (!serverUrl) {
  process.stdout.write('\n(TEST_DATABASE_URL not set: database tests ran on PGlite only)\n');
}
const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
process.stdout.write(`\n${outcomes.map((o) => `${o.label} ${o.seconds}`).join(', ')}; all ${seconds(started)} (load ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(outcomes.every((o) => o.ok) && passed > 0 ? 0 : 1);

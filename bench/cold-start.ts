// Cold start under load: `serve` on a fresh copy of a demo PGlite database, and at once N
// concurrent clients that each log in through the API, read their caseload and open one file.
// Reports each step's latency (median, p95, max) and the slowest clients in start order, so a
// serialised stall (each client served ~x ms after the previous one) shows as a staircase.
// Then a second wave on the same, warm server.
// Usage: npx tsx bench/cold-start.ts [--clients 50] [--root DIR ...]
//   --root: a checkout whose `src/cli/main.ts serve` is measured (repeat to compare, e.g. main's
//   tree from `git archive main src | tar -x -C /tmp/main-tree`); default: this checkout.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { percentile } from './support.ts';
import { benchOptions, count } from './options.ts';

const { values: options, lists } = benchOptions('npx tsx bench/cold-start.ts [--clients 50] [--root DIR ...]', { clients: '50' }, ['root']);
const CLIENTS = count('clients', options.clients);
const roots = lists.root!.map((root) => resolve(root));
if (roots.length === 0) roots.push(process.cwd());
const PASSWORD = 'demo-confiance-2026';
const TSX = resolve('node_modules/.bin/tsx');

const scratch = mkdtempSync(join(tmpdir(), 'confiance-cold-'));
const env = (dataDir: string, port = 0) => ({
  ...process.env, CONFIANCE_DATA_DIR: dataDir, CONFIANCE_KEY_DIR: join(scratch, 'keys'), DATABASE_URL: '',
  CONFIANCE_CHECKPOINT_MINUTES: '0', CONFIANCE_CHECKPOINT_DIR: join(scratch, 'checkpoints'), PORT: String(port),
});

// One demo database, copied for each measured start so every start is the same cold state.
console.log('loading the demo database once...');
const demo = spawnSync(TSX, ['src/cli/main.ts', 'demo'], { cwd: roots[0], env: env(join(scratch, 'demo')), encoding: 'utf8' });
if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
const workers = [...demo.stdout.matchAll(/^\s+(\S+@\S+)\s+social-worker\s*$/gm)].map((m) => m[1]!);
if (workers.length === 0) throw new Error('no social-worker account in the demo output');

async function startServer(root: string, dataDir: string, port: number): Promise<{ child: ChildProcess; startMs: number }> {
  const started = performance.now();
  const child = spawn(TSX, ['src/cli/main.ts', 'serve'], { cwd: root, env: env(dataDir, port), stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listens on')) done();
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
  });
  return { child, startMs: performance.now() - started };
}

type Timing = { client: number; login: number; caseload: number; open: number; total: number };

async function client(base: string, index: number, t0: number): Promise<Timing> {
  const at = () => performance.now() - t0;
  const login = workers[index % workers.length]!;
  const session = await fetch(`${base}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (session.status !== 200) throw new Error(`login ${session.status}`);
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const loggedIn = at();
  const caseload = await fetch(`${base}/api/v1/caseload`, { headers: { cookie } });
  const { persons } = (await caseload.json()) as { persons: { personId: string }[] };
  const listed = at();
  const personId = persons[index % persons.length]?.personId;
  if (!personId) throw new Error('empty caseload');
  const file = await fetch(`${base}/api/v1/persons/${personId}?purpose=case-follow-up`, { headers: { cookie } });
  if (file.status !== 200) throw new Error(`open ${file.status}`);
  await file.arrayBuffer();
  const opened = at();
  return { client: index, login: loggedIn, caseload: listed - loggedIn, open: opened - listed, total: opened };
}

const row = (label: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${label.padEnd(22)} median ${percentile(sorted, 50).toFixed(0).padStart(6)} ms   p95 ${percentile(sorted, 95).toFixed(0).padStart(6)} ms   max ${sorted.at(-1)!.toFixed(0).padStart(6)} ms`;
};

function report(title: string, timings: Timing[]): void {
  console.log(title);
  console.log(row('log in (from t0)', timings.map((t) => t.login)));
  console.log(row('caseload', timings.map((t) => t.caseload)));
  console.log(row('open a file', timings.map((t) => t.open)));
  console.log(row('whole client', timings.map((t) => t.total)));
  console.log(`  login done (ms from t0), in start order: ${timings.map((t) => t.login.toFixed(0)).join(' ')}`);
}

const wave = (port: number) => {
  const t0 = performance.now();
  return Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(`http://127.0.0.1:${port}`, c, t0)));
};

// A second wave on the same, now warm, server tells a start-up cost from the work itself.
for (const [i, root] of roots.entries()) {
  const dataDir = join(scratch, `run-${i}`);
  cpSync(join(scratch, 'demo'), dataDir, { recursive: true });
  const port = 3900 + Math.floor(Math.random() * 1000);
  const { child, startMs } = await startServer(root, dataDir, port);
  const cold = await wave(port);
  const warm = await wave(port);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  console.log(`\n${root} (start took ${startMs.toFixed(0)} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  report(`${CLIENTS} concurrent clients right after start:`, cold);
  report(`the same again on the warm server:`, warm);
}
rmSync(scratch, { recursive: true, force: true });

// kill -9 of `serve` while social workers write case notes through the API: after a restart, every
// note the server acknowledged (201) is in the file, and `audit verify` finds every chain intact.
// On PGlite the server runs on a data directory (the crash leaves it to recover on the next open);
// on PostgreSQL on a test database.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { hashPassword } from '../adapters/crypto/passwords.ts';
import type { Database } from '../adapters/db/database.ts';
import { insertAssignment } from '../adapters/db/stores/assignment-store.ts';
import { insertStaff } from '../adapters/db/stores/staff-store.ts';
import { createPerson } from '../app/create-person.ts';
import { addTestCpas, TEST_MASTER_KEYS, testContext } from '../testing/fixtures.ts';
import { createPgliteDataDir, createTestDatabase, type TestDatabase, testEngine } from '../testing/test-database.ts';

const PASSWORD = 'crash-test-password';
const WRITERS = 6;
const scratch = mkdtempSync(join(tmpdir(), 'confiance-crash-'));
let serverEnv: NodeJS.ProcessEnv;
let pgDatabase: TestDatabase | null = null;
let personId: string;

async function seed(db: Database): Promise<void> {
  const ctx = testContext(db);
  const cpas = await addTestCpas(db, 'crash');
  const userId = crypto.randomUUID();
  const passwordHash = await hashPassword(PASSWORD);
  await db.ownerTransaction((tx) => insertStaff(tx, { cpasId: cpas.cpasId, userId, username: 'writer', displayName: 'Writer', language: 'fr', passwordHash, roles: ['social-worker'] }));
  ({ personId } = await createPerson(ctx, cpas.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Crash', givenNames: 'Test' } }));
  await db.ownerTransaction((tx) => insertAssignment(tx, { cpasId: cpas.cpasId, assignmentId: crypto.randomUUID(), personId, userId, assignedFrom: '2020-01-01', assignedUntil: null }));
}

before(async () => {
  const base = {
    ...process.env, CONFIANCE_MASTER_KEYS: TEST_MASTER_KEYS, CONFIANCE_CHECKPOINT_MINUTES: '0',
    CONFIANCE_CHECKPOINT_DIR: join(scratch, 'checkpoints'), CONFIANCE_KEY_DIR: join(scratch, 'keys'),
  };
  if (testEngine() === 'postgres') {
    pgDatabase = await createTestDatabase();
    await seed(pgDatabase.db);
    serverEnv = { ...base, DATABASE_URL: pgDatabase.url! };
  } else {
    const dataDir = join(scratch, 'data');
    const db = await createPgliteDataDir(dataDir);
    await seed(db);
    await db.close();
    serverEnv = { ...base, DATABASE_URL: '', CONFIANCE_DATA_DIR: dataDir };
  }
});
after(async () => {
  await pgDatabase?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

const freePort = () => new Promise<number>((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => done(port));
  });
});

/** `serve` as its own Node process (no wrapper, so SIGKILL reaches the server itself). */
async function startServe(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { env: { ...serverEnv, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((done, fail) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listens on')) done();
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${output.slice(-2000)}`)));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return { child, base: `http://127.0.0.1:${port}/api/v1` };
}

async function logIn(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'writer@crash', password: PASSWORD }) });
  assert.equal(res.status, 200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: csrfToken };
}

const exited = (child: ChildProcess) => new Promise<unknown>((done) => (child.exitCode !== null || child.signalCode !== null ? done(null) : child.once('exit', done)));

test('every case note acknowledged before kill -9 is there after a restart, and the access log verifies', { timeout: 120_000 }, async () => {
  const first = await startServe();
  const session = await logIn(first.base);
  const acknowledged: string[] = [];
  let inFlight = 0;
  let killed = false;
  const writer = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const marker = `crash-note-${w}-${i}`;
      inFlight++;
      try {
        const res = await fetch(`${first.base}/persons/${personId}/case-notes`, {
          method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify({ body: marker, purpose: 'case-follow-up' }),
        });
        if (res.status === 201) acknowledged.push(marker);
        else assert.fail(`write answered ${res.status}`);
      } catch (error) {
        if (!killed) throw error; // a connection cut by the kill: not acknowledged, nothing to find
      } finally {
        inFlight--;
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
  while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 20));
  const pendingAtKill = inFlight;
  first.child.kill('SIGKILL');
  killed = true;
  await exited(first.child);
  await Promise.all(writers);
  assert.ok(pendingAtKill > 0, 'the kill came while writes were in flight');

  const second = await startServe();
  try {
    const again = await logIn(second.base);
    const file = await fetch(`${second.base}/persons/${personId}?purpose=case-follow-up`, { headers: { cookie: again.cookie } });
    assert.equal(file.status, 200);
    const text = await file.text();
    const missing = acknowledged.filter((marker) => !text.includes(`"${marker}"`));
    assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged notes lost`);
  } finally {
    second.child.kill('SIGTERM');
    await exited(second.child);
  }

  const verify = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify'], { env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let report = '';
  verify.stdout!.on('data', (chunk: Buffer) => (report += chunk.toString()));
  verify.stderr!.on('data', (chunk: Buffer) => (report += chunk.toString()));
  const code = await new Promise<number | null>((done) => verify.once('exit', (exitCode) => done(exitCode)));
  assert.equal(code, 0, report);
  assert.match(report, /^OK: crash: \d+ entries/m);
});

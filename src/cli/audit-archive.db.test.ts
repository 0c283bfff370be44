// The access log over years through the real command line, each command its own process as the
// operator and the DPO run them: `audit archive` of a closed month, `audit verify --archive` of the
// file offline (and of a tampered copy, located to the entry), `audit prune` dropping the archived
// partition and keeping the others, and `audit verify` of what remains. Then `serve`'s hourly
// partition maintenance, on mock timers. On PGlite the commands open a data directory (the test
// closes it while they run); on PostgreSQL a test database.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadCheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { type Database, openPglite } from '../adapters/db/database.ts';
import { monthsInDefaultPartition, partitionMonths } from '../adapters/db/stores/log-partition-store.ts';
import { registerCpas } from '../app/register-cpas.ts';
import { formatVerifierKey } from '../domain/checkpoint.ts';
import { addMonths, firstDayOf, type LogMonth, monthBounds, monthOf } from '../domain/log-month.ts';
import { TEST_MASTER_KEYS } from '../testing/fixtures.ts';
import { writeEditedArchive } from '../testing/log-files.ts';
import { createPgliteDataDir, createTestDatabase, type TestDatabase, testEngine } from '../testing/test-database.ts';
import { startPartitionMaintenance } from './partition-maintenance.ts';

const SEED = Buffer.alloc(32, 11).toString('base64');
const signer = loadCheckpointSigner({ CONFIANCE_CHECKPOINT_KEY: SEED })!;
/** The commands run on the real clock: the months are counted back from the month in progress. */
const CURRENT = monthOf(new Date());
const [FIRST, SECOND, THIRD] = [-4, -3, -2].map((n) => addMonths(CURRENT, n)) as [LogMonth, LogMonth, LogMonth];
const ENTRIES_A_MONTH = 4;

const scratch = mkdtempSync(join(tmpdir(), 'confiance-archive-cli-'));
const dataDir = join(scratch, 'data');
const vkey = join(scratch, 'checkpoint.vkey');
let operatorEnv: NodeJS.ProcessEnv;
let pg: TestDatabase | null = null;
let cpasId: string;

/** The database as the test sees it between commands: on PGlite, opened only while no command runs. */
async function inDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  if (pg) return work(pg.db);
  const db = await openPglite({ dataDir });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function seed(db: Database): Promise<void> {
  ({ cpasId } = await registerCpas(db, { code: 'namur', name: 'CPAS namur', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue 1', postalCode: '5000', municipality: 'Namur' }));
  const userId = crypto.randomUUID();
  for (const month of [FIRST, SECOND, THIRD]) {
    for (let n = 0; n < ENTRIES_A_MONTH; n++) {
      const at = new Date(monthBounds(month).start.getTime() + 86_400_000 + n * 3_600_000);
      const draft = { cpasId, userId, roles: ['social-worker' as const], purpose: 'case-follow-up' as const, action: 'read' as const, personId: crypto.randomUUID(), classes: ['identity' as const], outcome: 'allowed' as const, rule: 'operation' as const };
      await db.transaction((tx) => appendAccessLog(tx, draft, at));
    }
  }
}

before(async () => {
  operatorEnv = {
    ...process.env, CONFIANCE_MASTER_KEYS: TEST_MASTER_KEYS, CONFIANCE_CHECKPOINT_KEY: SEED,
    CONFIANCE_KEY_DIR: join(scratch, 'keys'), CONFIANCE_CHECKPOINT_DIR: join(scratch, 'checkpoints'), CONFIANCE_LOG_RETENTION_MONTHS: '',
  };
  if (testEngine() === 'postgres') {
    pg = await createTestDatabase();
    await seed(pg.db);
    operatorEnv.DATABASE_URL = pg.url!;
  } else {
    const db = await createPgliteDataDir(dataDir);
    await seed(db);
    await db.close();
    Object.assign(operatorEnv, { DATABASE_URL: '', CONFIANCE_DATA_DIR: dataDir });
  }
  writeFileSync(vkey, `${formatVerifierKey(signer.verifierKey)}\n`);
});
after(async () => {
  await pg?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `confiance <args>` as its own Node process, as `npm run confiance` starts it. */
function cli(args: string[], env: NodeJS.ProcessEnv = operatorEnv): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done({ ...run, code }));
  });
}

/**
 * The DPO's machine: no database (a data directory that does not exist, and must not come to
 * exist), no signing key, only the archived verifier key.
 */
const dpoEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: '', CONFIANCE_DATA_DIR: join(scratch, 'no-database'), CONFIANCE_KEY_DIR: join(scratch, 'no-keys') });

const archivePath = join(scratch, `namur-${FIRST}.archive`);

test('a command line the command does not know exits 2, naming the option, before anything is opened', async () => {
  const [bogus, month, prune] = await Promise.all([
    cli(['audit', 'archive', '--month', FIRST, '--out', archivePath, '--bogus'], dpoEnv()),
    cli(['audit', 'archive', '--month', `${FIRST}-01`, '--out', archivePath], dpoEnv()),
    cli(['audit', 'prune', '--retention', '3'], dpoEnv()),
  ]);
  assert.deepEqual([bogus.code, bogus.stdout, bogus.stderr], [2, '', 'confiance audit archive: --bogus: unknown option; see confiance audit archive --help\n']);
  assert.deepEqual([month.code, month.stderr], [2, 'confiance audit archive: --month: expected a month as YYYY-MM\n']);
  assert.deepEqual([prune.code, prune.stderr], [2, 'confiance audit prune: --retention: unknown option; see confiance audit prune --help\n']);
  assert.equal(existsSync(join(scratch, 'no-database')), false, 'no data directory was created');
  assert.equal(existsSync(archivePath), false);
});

test('the month in progress is refused (exit 1, no file); the command\'s start gave the past months their partitions', async () => {
  // The entries were appended at past dates into a database whose partitions start at its
  // template's month: they wait in the default partition until a start of the code moves them.
  const open = join(scratch, 'open.archive');
  const refused = await cli(['audit', 'archive', '--month', CURRENT, '--out', open]);
  assert.deepEqual([refused.code, refused.stdout, refused.stderr], [1, '', `confiance audit archive: ${CURRENT} is not closed yet (a month is archived from an hour after its end)\n`]);
  assert.equal(existsSync(open) || existsSync(`${open}.partial`), false, 'neither the archive nor its partial file is left');
  const { months, waiting } = await inDatabase(async (db) => ({
    months: await db.ownerTransaction((tx) => partitionMonths(tx)),
    waiting: await db.ownerTransaction((tx) => monthsInDefaultPartition(tx)),
  }));
  for (const month of [FIRST, SECOND, THIRD, CURRENT]) assert.ok(months.includes(firstDayOf(month)), month);
  assert.deepEqual(waiting, [], 'the default partition is empty');
});

test('a closed month is archived (exit 0) to a file the DPO verifies offline with the archived key (exit 0)', async () => {
  const archived = await cli(['audit', 'archive', '--month', FIRST, '--out', archivePath]);
  assert.deepEqual([archived.code, archived.stdout, archived.stderr], [0, `namur: ${FIRST}: entries 1..${ENTRIES_A_MONTH} archived\narchive written: ${archivePath}\n`, '']);
  assert.equal(readFileSync(archivePath, 'utf8').split('\n').filter(Boolean).length, 1 + ENTRIES_A_MONTH + 1, 'header, entries, signed checkpoint');
  const verified = await cli(['audit', 'verify', '--archive', archivePath, '--vkey', vkey], dpoEnv());
  assert.deepEqual([verified.code, verified.stdout, verified.stderr], [0, `OK: namur ${FIRST}: entries 1..${ENTRIES_A_MONTH} (${ENTRIES_A_MONTH}), checkpoint verified\n`, '']);
  assert.equal(existsSync(join(scratch, 'no-database')), false, 'the check opened no database');
  const again = await cli(['audit', 'archive', '--month', FIRST, '--out', archivePath]);
  assert.deepEqual([again.code, again.stderr], [2, 'confiance audit archive: --out: the file exists already (an archive is never overwritten)\n']);
});

test('an entry edited inside the archive: verify exits 1 and names the CPAS, the month and the entry', async () => {
  const tampered = join(scratch, 'tampered.archive');
  writeEditedArchive(archivePath, 3, tampered);
  const checked = await cli(['audit', 'verify', '--archive', tampered, '--vkey', vkey], dpoEnv());
  assert.equal(checked.code, 1, checked.stderr);
  // The edited entry first; then the signed checkpoint, which no longer matches the chain recomputed from the texts.
  assert.deepEqual(checked.stdout.split('\n').filter(Boolean), [
    `namur ${FIRST}: entry 3: stored text does not match its hash (edited entry)`,
    `namur ${FIRST}: checkpoint at size ${ENTRIES_A_MONTH} does not match the entries (history rewritten between entries 1 and ${ENTRIES_A_MONTH})`,
  ]);
  assert.equal(checked.stderr, '');
});

const partitionLeft = (db: Database, month: LogMonth) =>
  db.ownerTransaction(async (tx) => (await tx.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`access_log_partition.m${month.replace('-', '_')}`]))[0]?.t ?? null);

test('`audit prune` drops the archived month past the retention, keeps the unarchived one (exit 1, KEPT), and the rest still verifies', async () => {
  const unset = await cli(['audit', 'prune']);
  assert.deepEqual([unset.code, unset.stdout], [0, 'CONFIANCE_LOG_RETENTION_MONTHS is not set: the whole log is kept, nothing dropped\n']);
  // Empty partitions older than the entries (the PostgreSQL template's, when it was migrated
  // months ago) are past the retention too, and hold nothing to lose: they go first.
  const older = (await inDatabase((db) => db.ownerTransaction((tx) => partitionMonths(tx)))).filter((day) => day < firstDayOf(FIRST));
  // Two months kept after the month in progress: FIRST and SECOND are past the retention, THIRD is not.
  const pruned = await cli(['audit', 'prune'], { ...operatorEnv, CONFIANCE_LOG_RETENTION_MONTHS: '2' });
  assert.equal(pruned.code, 1, pruned.stderr);
  assert.deepEqual(pruned.stdout.split('\n').filter(Boolean), [
    ...older.map((day) => `${day.slice(0, 7)}: partition dropped`),
    `${FIRST}: partition dropped`,
    `KEPT: ${SECOND}: namur: not archived; run \`audit archive --month ${SECOND}\` first`,
  ]);
  const state = await inDatabase(async (db) => ({
    first: await partitionLeft(db, FIRST),
    second: await partitionLeft(db, SECOND),
    seqs: (await db.ownerTransaction((tx) => tx.query<{ seq: number }>('SELECT seq FROM access_log_entry WHERE cpas_id = $1 ORDER BY seq', [cpasId]))).map((r) => r.seq),
    dropped: await db.ownerTransaction((tx) => tx.query<{ dropped: boolean }>('SELECT dropped_at IS NOT NULL AS dropped FROM access_log_archive WHERE cpas_id = $1', [cpasId])),
  }));
  assert.equal(state.first, null, 'the archived month\'s partition is gone');
  assert.equal(state.second, `access_log_partition.m${SECOND.replace('-', '_')}`);
  assert.deepEqual(state.seqs, Array.from({ length: 2 * ENTRIES_A_MONTH }, (_, i) => ENTRIES_A_MONTH + 1 + i), 'only the archived entries left the log');
  assert.deepEqual(state.dropped, [{ dropped: true }]);

  // What remains starts at the archive's signed end: the whole chain still verifies.
  // One after the other: on PGlite, one process at a time opens the data directory.
  const verified = await cli(['audit', 'verify']);
  const incremental = await cli(['audit', 'verify', '--incremental']);
  assert.equal(verified.code, 0, verified.stdout + verified.stderr);
  assert.equal(verified.stdout, `OK: namur: ${3 * ENTRIES_A_MONTH} entries (${2 * ENTRIES_A_MONTH} since the signed end of archive ${FIRST} at entry ${ENTRIES_A_MONTH}), 0 checkpoints verified\n`);
  // No checkpoint was signed after the archive's end: the incremental run starts there too.
  assert.deepEqual([incremental.code, incremental.stdout], [0, verified.stdout]);
});

test('`serve`\'s hourly maintenance creates the coming months\' partitions and reports a failing database by kind only', async (t) => {
  const fresh = await createTestDatabase();
  try {
    // A clock years ahead: none of its months has a partition yet. Each run reads it first, at once.
    let clockReads = 0;
    const clock = () => {
      clockReads++;
      return new Date('2031-05-15T10:00:00Z');
    };
    const coming = ['2031-05', '2031-06', '2031-07', '2031-08'];
    const months = () => fresh.db.ownerTransaction((tx) => partitionMonths(tx));
    assert.ok(!(await months()).includes('2031-05-01'));
    t.mock.timers.enable({ apis: ['setInterval'] });
    const logged: string[] = [];
    let reported: () => void = () => undefined;
    const report = () => new Promise<void>((done) => (reported = done));
    const log = { info: (m: string) => (logged.push(`info ${m}`), reported()), warn: (m: string) => (logged.push(`warn ${m}`), reported()), error: (m: string) => (logged.push(`error ${m}`), reported()) };
    const stop = startPartitionMaintenance(fresh.db, log, clock);
    // The start's own run is openRuntime's (every command, `serve` included): this one waits an hour.
    t.mock.timers.tick(60 * 60_000 - 1);
    assert.equal(clockReads, 0, 'nothing ran before the hour');
    let next = report();
    t.mock.timers.tick(1);
    await next;
    assert.deepEqual(logged, [`info access-log partitions created: ${coming.join(', ')}`]);
    assert.deepEqual((await months()).filter((day) => day >= '2031-05-01'), coming.map((m) => `${m}-01`));

    // A database that fails, with a message that could carry anything: only its kind is logged.
    await fresh.db.ownerTransaction((tx) => tx.query(`CREATE OR REPLACE FUNCTION access_log_ensure_month(month date) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'no space left for Dupont Marie %', month USING ERRCODE = 'disk_full'; END $$`));
    next = report();
    t.mock.timers.tick(60 * 60_000);
    await next;
    assert.equal(logged.length, 2);
    assert.equal(logged[1], 'error access-log partition maintenance failed: error (code 53100)');
    stop();
    const reads = clockReads;
    t.mock.timers.tick(3 * 60 * 60_000);
    assert.equal(clockReads, reads, 'stopped: no run after');
  } finally {
    await fresh.drop();
  }
});

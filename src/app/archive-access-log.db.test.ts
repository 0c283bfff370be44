// The access log over years, on both engines: a chain spread over three closed months, archived
// month by month to signed files that are checked offline (and located when tampered with), the
// archived months dropped oldest first while `audit verify` of what remains still passes, and the
// drops that would lose entries refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { ensureMonthPartition, monthsInDefaultPartition, partitionMonths } from '../adapters/db/stores/log-partition-store.ts';
import { createArchiveFile, readArchiveLines } from '../adapters/fs/log-archive-file.ts';
import { dispatch } from '../cli/dispatch.ts';
import { formatVerifierKey } from '../domain/checkpoint.ts';
import { DomainError } from '../domain/errors.ts';
import { type ArchiveEnd, ArchiveChecker } from '../domain/log-archive.ts';
import { logMonth } from '../domain/log-month.ts';
import { writeEditedArchive } from '../testing/log-files.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { archiveAccessLog } from './archive-access-log.ts';
import { dropLogMonth, ensureLogPartitions, pruneAccessLog } from './prune-access-log.ts';
import { registerCpas } from './register-cpas.ts';
import { verificationLines, verifyAccessLog } from './verify-access-log.ts';
import { writeCheckpoints } from './write-checkpoints.ts';

const ORIGIN = 'confiance.example';
const signer = loadCheckpointSigner({ CONFIANCE_CHECKPOINT_KEY: Buffer.alloc(32, 7).toString('base64') })!;
/** The clock of the test: mid-April 2025, so January to March are closed. */
const NOW = new Date('2025-04-15T10:00:00Z');
const now = () => NOW;
const MONTHS = ['2025-01', '2025-02', '2025-03'].map((m) => logMonth(m));

let t: TestDatabase;
let cpasId: string;
let dir: string;

before(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'confiance-archive-'));
  cpasId = (await registerCpas(t.db, { code: 'namur', name: 'CPAS namur', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue 1', postalCode: '5000', municipality: 'Namur' })).cpasId;
  const userId = randomUUID();
  const append = (at: number) => {
    const draft = { cpasId, userId, roles: ['social-worker' as const], purpose: 'case-follow-up' as const, action: 'read' as const, personId: randomUUID(), classes: ['identity' as const], outcome: 'allowed' as const, rule: 'operation' as const };
    return t.db.transaction((tx) => appendAccessLog(tx, draft, new Date(at)));
  };
  // Ten entries a month, the first of each month at midnight in Brussels (23:00 UTC the day before):
  // January 1..10, February 11 and 13..21, March 22..31. Entry 12 is a straggler: stamped on 31
  // January at 23:59:59.999 (its use case started then) but appended after entry 11 of February.
  for (const month of MONTHS) {
    const start = Date.parse(`${month}-01T00:00:00+01:00`);
    for (let n = 0; n < 10; n++) {
      await append(start + n * 3_600_000);
      if (month === '2025-02' && n === 0) await append(start - 1);
    }
  }
  // The entries went to the default partition (the template only has partitions from its own
  // month on); the maintenance gives their months partitions and moves them there.
  const created = await ensureLogPartitions(t.db, new Date());
  for (const month of MONTHS) assert.ok(created.includes(month), month);
  assert.deepEqual(await t.db.ownerTransaction((tx) => monthsInDefaultPartition(tx)), [], 'the default partition is empty again');
  assert.equal(await t.db.ownerTransaction((tx) => ensureMonthPartition(tx, '2025-01-01')), false, 'an existing partition is left alone');
  const [checkpoint] = await writeCheckpoints(t.db, signer, { originPrefix: ORIGIN, now });
  assert.equal(checkpoint?.status, 'signed');
});
after(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function archive(month: string, name: string): Promise<string> {
  const path = join(dir, name);
  const file = createArchiveFile(path);
  try {
    await archiveAccessLog(t.db, signer, { month: logMonth(month), originPrefix: ORIGIN, now, out: file });
  } catch (error) {
    file.discard();
    throw error;
  }
  return path;
}

async function check(path: string, previous?: ReadonlyMap<string, ArchiveEnd>) {
  const checker = new ArchiveChecker({ key: signer.verifierKey, originPrefix: ORIGIN, previous });
  const lines = await readArchiveLines(path, '--archive', (text, n) => checker.line(text, n));
  return { findings: checker.finish(lines + 1), results: checker.results };
}

const verifyRest = async () => (await verifyAccessLog(t.db, { key: signer.verifierKey, originPrefix: ORIGIN }))[0]!;

const refusal = (pattern: RegExp) => (error: unknown) => error instanceof DomainError && pattern.test(error.message);

let january = '';
let february = '';

test('the months have their partitions, holding the entries moved out of the default one', async () => {
  const months = await t.db.ownerTransaction((tx) => partitionMonths(tx));
  for (const month of MONTHS) assert.ok(months.includes(`${month}-01`), month);
  const result = await verifyRest();
  assert.deepEqual(result.findings, []);
  assert.equal(result.entries, 31);
});

test('a month is archived in order, once closed, to a file that verifies offline', async () => {
  await assert.rejects(archive('2025-04', 'open.archive'), refusal(/not closed/));
  await assert.rejects(archive('2025-02', 'early.archive'), refusal(/2025-01 is not archived yet/));
  january = await archive('2025-01', 'january.archive');
  const checked = await check(january);
  assert.deepEqual(checked.findings, []);
  // January's section runs to its last stamped entry, the straggler 12, so it holds February's 11 too.
  assert.deepEqual(checked.results.map((r) => [r.cpasCode, r.month, r.afterSeq, r.lastSeq, r.entries]), [['namur', '2025-01', 0, 12, 12]]);
  // Archiving a month again writes the same file (Ed25519 signatures are deterministic).
  assert.deepEqual(readFileSync(await archive('2025-01', 'january-again.archive')), readFileSync(january));
  february = await archive('2025-02', 'february.archive');
  const anchored = await check(february, new Map(checked.results.map((r) => [r.cpasCode, r.end!])));
  assert.deepEqual(anchored.findings, []);
  assert.deepEqual(anchored.results.map((r) => [r.afterSeq, r.lastSeq]), [[12, 21]]);
  // February does not follow on from itself: the anchor check names the mismatch.
  const self = await check(february, new Map(anchored.results.map((r) => [r.cpasCode, r.end!])));
  assert.match(self.findings.join('\n'), /namur 2025-02: does not anchor to the previous archive \(it ends at entry 21/);
});

test('a tampered archive: verification locates the entry and the command exits non-zero', async () => {
  const tampered = join(dir, 'tampered.archive');
  const { lines, at } = writeEditedArchive(february, 14, tampered);
  const { findings } = await check(tampered);
  assert.match(findings[0]!, /^namur 2025-02: entry 14: stored text does not match its hash \(edited entry\)$/);
  const dropped = join(dir, 'dropped-line.archive');
  writeFileSync(dropped, lines.filter((_, i) => i !== at + 2).join('\n'));
  assert.match((await check(dropped)).findings.join('\n'), /entry 16: sequence gap/);

  const vkey = join(dir, 'checkpoint.vkey');
  writeFileSync(vkey, `${formatVerifierKey(signer.verifierKey)}\n`);
  const quiet = { write: () => true };
  const cli = (...args: string[]) => dispatch(['audit', 'verify', ...args, '--vkey', vkey], quiet, quiet);
  assert.equal(await cli('--archive', february, '--previous', january), 0);
  assert.equal(await cli('--archive', tampered), 1);
  assert.equal(await cli('--archive', january, '--previous', february), 1, 'the wrong previous archive');
});

test('dropping is refused for an unarchived month, and an archived one keeps the rest verifiable', async () => {
  await assert.rejects(dropLogMonth(t.db, MONTHS[1]!, NOW, null), refusal(/entries of 2025-01 remain/));
  await assert.rejects(dropLogMonth(t.db, MONTHS[0]!, NOW, 6), refusal(/inside the retention/));
  await dropLogMonth(t.db, MONTHS[0]!, NOW, null);
  // Entry 11, archived with January, is still in February's partition: the chain starts after 12.
  const afterJanuary = await verifyRest();
  assert.deepEqual([afterJanuary.findings, afterJanuary.from, afterJanuary.entries], [[], 12, 31]);
  // The line says where the chain was verified from: the archive's signed end, not a checkpoint.
  assert.deepEqual(verificationLines([afterJanuary]), ['OK: namur: 31 entries (19 since the signed end of archive 2025-01 at entry 12), 1 checkpoint verified']);
  const first = await pruneAccessLog(t.db, { retentionMonths: 1, now: NOW });
  // One month kept after April's: March stays; February is archived and dropped.
  assert.deepEqual(first, { dropped: ['2025-02'], refused: [] });
  const months = await t.db.ownerTransaction((tx) => partitionMonths(tx));
  assert.ok(!months.includes('2025-01-01') && !months.includes('2025-02-01') && months.includes('2025-03-01'));

  const rest = await verifyRest();
  assert.deepEqual(rest.findings, [], 'the chain verifies from the anchor of the latest dropped archive');
  assert.deepEqual([rest.from, rest.entries], [21, 31]);
  await assert.rejects(archive('2025-01', 'january-dropped.archive'), refusal(/archived and dropped/));
  assert.deepEqual(verificationLines([rest]), ['OK: namur: 31 entries (10 since the signed end of archive 2025-02 at entry 21), 1 checkpoint verified']);
  const incremental = (await verifyAccessLog(t.db, { key: signer.verifierKey, originPrefix: ORIGIN, incremental: true }))[0]!;
  assert.deepEqual(incremental.findings, []);
  // Resumed from the checkpoint signed after the archive's end: the line names the checkpoint.
  assert.deepEqual(verificationLines([incremental]), ['OK: namur: 31 entries (0 since the checkpoint at 31), 1 checkpoint verified']);
  await t.db.transaction((tx) => appendAccessLog(tx, { cpasId, userId: randomUUID(), roles: ['social-worker'], purpose: 'case-follow-up', action: 'search', personId: null, classes: ['identity'], outcome: 'allowed', rule: 'operation' }, NOW));
  const [signed] = await writeCheckpoints(t.db, signer, { originPrefix: ORIGIN, now });
  assert.equal(signed?.status, 'signed', 'a checkpoint is still signed after the drop');
  await assert.rejects(dropLogMonth(t.db, MONTHS[2]!, NOW, null), refusal(/2025-03: namur: not archived/));
  // Past the retention, an unarchived month is kept and named.
  const later = await pruneAccessLog(t.db, { retentionMonths: 1, now: new Date('2025-06-15T10:00:00Z') });
  assert.deepEqual(later.dropped, []);
  assert.match(later.refused[0]?.reason ?? '', /^2025-03: namur: not archived; run `audit archive --month 2025-03` first$/);
});

test('an edited anchor row is detected', async () => {
  await t.db.ownerTransaction(async (tx) => {
    await tx.query('ALTER TABLE access_log_archive DISABLE TRIGGER USER');
    await tx.query(`UPDATE access_log_archive SET last_chain_hash = $1 WHERE month = '2025-02-01'`, [Buffer.alloc(32, 9)]);
    await tx.query('ALTER TABLE access_log_archive ENABLE TRIGGER USER');
  });
  const messages = (await verifyRest()).findings.map((f) => f.message).join('\n');
  assert.match(messages, /archive of 2025-02: its last_seq or last_chain_hash does not match its signed checkpoint \(edited archive row\)/);
  await assert.rejects(t.db.ownerTransaction((tx) => tx.query(`UPDATE access_log_archive SET after_seq = 0 WHERE month = '2025-01-01'`)), /fixed once written/);
});

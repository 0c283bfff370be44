// `audit archive --month YYYY-MM`: writes a closed month of each CPAS's access log to a file, with
// a checkpoint signed at its last entry (src/domain/log-archive.ts), and records the archive. A
// CPAS's archives are contiguous: each starts where the previous one ended (its anchor), so months
// are archived in order, and the section of a month holds the entries after the previous archive
// up to the last entry stamped in that month. The chain is verified while it is written: an
// archive must never put a signature on history that was already rewritten, or it would bless it.
import type { CheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import type { Database } from '../adapters/db/database.ts';
import { readChainBatches } from '../adapters/db/stores/access-log-batch-store.ts';
import { listCpasCodes } from '../adapters/db/stores/access-log-chain-store.ts';
import { listCheckpoints } from '../adapters/db/stores/checkpoint-store.ts';
import { archiveOf, insertArchive, latestArchive } from '../adapters/db/stores/log-archive-store.ts';
import { earliestUnarchivedBefore, lastSeqBefore } from '../adapters/db/stores/log-partition-store.ts';
import { GENESIS } from '../domain/access-log-entry.ts';
import { ChainVerifier } from '../domain/chain-verifier.ts';
import { checkpointOrigin, signCheckpoint, verifyCheckpoint } from '../domain/checkpoint.ts';
import { DomainError } from '../domain/errors.ts';
import { archiveCheckpointLine, archiveEntryLine, archiveHeaderLine } from '../domain/log-archive.ts';
import { firstDayOf, isClosed, type LogMonth, monthBounds, monthOf } from '../domain/log-month.ts';

/** Where the archive goes: lines in order, then commit (durable) once every section is written. */
export interface ArchiveSink {
  /** One or more lines, separated by newlines, without the last one. */
  write(lines: string): Promise<void>;
  commit(): Promise<void>;
}

export interface ArchivedSection {
  readonly code: string;
  readonly afterSeq: number;
  readonly lastSeq: number;
}

interface Range {
  cpasId: string;
  code: string;
  afterSeq: number;
  anchor: Buffer;
  lastSeq: number;
}

/** Where the CPAS's section starts and ends; refused when an earlier month is not archived yet. */
async function sectionRange(db: Database, cpasId: string, code: string, month: LogMonth): Promise<Range> {
  const firstDay = firstDayOf(month);
  const { start, end } = monthBounds(month);
  return db.transaction(async (tx) => {
    // Archiving a month again (the file was lost) writes the same section: it starts where it started.
    const again = await archiveOf(tx, cpasId, firstDay);
    if (again?.droppedAt) throw new DomainError('invalid-state', `${code}: ${month} was archived and dropped; its archive file is the only copy`, '--month');
    const latest = again ?? (await latestArchive(tx, cpasId));
    if (latest && latest.month > firstDay) throw new DomainError('invalid-state', `${code}: ${latest.month.slice(0, 7)} is archived already; months are archived in order`, '--month');
    const from = again ? { seq: again.afterSeq, chain: again.anchorHash } : latest ? { seq: latest.lastSeq, chain: latest.lastChainHash } : { seq: 0, chain: GENESIS };
    const earlier = await earliestUnarchivedBefore(tx, cpasId, from.seq, start);
    if (earlier) throw new DomainError('invalid-state', `${code}: ${monthOf(earlier)} is not archived yet; months are archived in order`, '--month');
    const lastSeq = again ? again.lastSeq : Math.max(from.seq, await lastSeqBefore(tx, cpasId, end));
    return { cpasId, code, afterSeq: from.seq, anchor: from.chain, lastSeq };
  });
}

/** Writes one CPAS's section while verifying it; returns the signed note and root, or refuses with the findings. */
async function writeSection(
  db: Database, r: Range, month: LogMonth, signer: CheckpointSigner, originPrefix: string, out: ArchiveSink,
): Promise<{ note: string; root: Buffer }> {
  const verifier = new ChainVerifier(r.cpasId, [r.lastSeq], { seq: r.afterSeq, chain: r.anchor });
  await out.write(archiveHeaderLine({ month, cpasCode: r.code, cpasId: r.cpasId, afterSeq: r.afterSeq, anchor: r.anchor, lastSeq: r.lastSeq }));
  for await (const entries of readChainBatches(db, r.cpasId, { afterSeq: r.afterSeq, upToSeq: r.lastSeq })) {
    // Every entry decoded: the archive file holds the texts.
    const batch = Array.from({ length: entries.length }, (_, i) => entries.entryAt(i));
    for (const row of batch) verifier.push(row);
    // One write per batch: a write per entry cost more than the hashing.
    await out.write(batch.map(archiveEntryLine).join('\n'));
  }
  if (verifier.lastSeq < r.lastSeq) verifier.report('truncated', verifier.lastSeq + 1, r.lastSeq);
  const root = r.lastSeq === r.afterSeq ? r.anchor : verifier.chainAt(r.lastSeq);
  const problems = verifier.findings.map((f) => f.message);
  // The stored checkpoints inside the range must agree with the chain being signed.
  const stored = await db.transaction((tx) => listCheckpoints(tx, r.cpasId));
  for (const c of stored) {
    if (c.treeSize <= r.afterSeq || c.treeSize > r.lastSeq || !verifyCheckpoint(c.noteText, signer.verifierKey).ok) continue;
    const at = c.treeSize === r.lastSeq ? root : verifier.chainAt(c.treeSize);
    if (!at?.equals(c.rootHash)) problems.push(`checkpoint at size ${c.treeSize} does not match the chain (history rewritten)`);
  }
  if (problems.length > 0 || !root) {
    throw new DomainError('invalid-state', `${r.code}: NOT ARCHIVED, the chain does not verify; run \`audit verify\`: ${problems.join('; ')}`);
  }
  const note = signCheckpoint({ origin: checkpointOrigin(originPrefix, r.code), treeSize: r.lastSeq, rootHash: root }, signer);
  await out.write(archiveCheckpointLine(note));
  return { note, root };
}

export async function archiveAccessLog(
  db: Database,
  signer: CheckpointSigner,
  options: { month: LogMonth; originPrefix: string; now: () => Date; cpasCode?: string | undefined; out: ArchiveSink },
): Promise<ArchivedSection[]> {
  const { month } = options;
  // An open month still receives entries: its section would end before them and the next one
  // would have to start inside it.
  if (!isClosed(month, options.now())) throw new DomainError('invalid-state', `${month} is not closed yet (a month is archived from an hour after its end)`, '--month');
  const all = await db.transaction((tx) => listCpasCodes(tx));
  const selected = all.filter((c) => !options.cpasCode || c.code === options.cpasCode);
  if (options.cpasCode && selected.length === 0) throw new DomainError('not-found', `--cpas: no CPAS with code "${options.cpasCode}"`, '--cpas');
  const written: { range: Range; note: string; root: Buffer }[] = [];
  for (const { cpasId, code } of selected) {
    const range = await sectionRange(db, cpasId, code, month);
    if (range.lastSeq === 0) continue;
    written.push({ range, ...(await writeSection(db, range, month, signer, options.originPrefix, options.out)) });
  }
  if (written.length === 0) throw new DomainError('not-found', `${month}: no entries up to the end of this month, nothing to archive`, '--month');
  // Recorded only once the file is complete and durable: a recorded archive allows the drop.
  await options.out.commit();
  await db.transaction(async (tx) => {
    for (const { range, note, root } of written) {
      const row = { cpasId: range.cpasId, month: firstDayOf(month), afterSeq: range.afterSeq, anchorHash: range.anchor, lastSeq: range.lastSeq, lastChainHash: root, noteText: note };
      await insertArchive(tx, row, options.now());
    }
  });
  return written.map(({ range }) => ({ code: range.code, afterSeq: range.afterSeq, lastSeq: range.lastSeq }));
}

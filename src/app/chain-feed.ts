// Feeds a CPAS's chain to a ChainVerifier, in one of two ways:
// - 'independent' (the default): every entry is read by a binary COPY (access-log-copy-store.ts)
//   and every hash recomputed in this process, trusting nothing the database computed. A worker
//   thread hashes each batch (adapters/crypto/entry-hash-worker.ts: the text against the entry
//   hash, the link against the stored predecessor) while this thread reads the next batch and
//   checks the columns of this one on their bytes. A batch found intact joins the chain at once
//   (ChainVerifier.pushCheckedRun); any other is judged entry by entry, so that every break is
//   named where it is.
// - 'checked': the database recomputes each entry hash from the stored text while it reads it
//   (access-log-batch-store.ts), and the rest is checked here; a second opinion that trusts the
//   server's SHA-256.
// Entries judged one by one are checked on their bytes, never decoded, when their hash and columns
// hold (entry-bytes.ts); any other is decoded and judged in full by ChainVerifier.push, which
// names what is wrong.
import type { Database } from '../adapters/db/database.ts';
import { type ChainBatch, type PackedEntry, readChainBatches } from '../adapters/db/stores/access-log-batch-store.ts';
import { type CopiedRun, copyChainRuns } from '../adapters/db/stores/access-log-copy-store.ts';
import { countFailingEntries } from '../adapters/crypto/entry-hash-worker.ts';
import { entryHashOfPrefixed } from '../domain/access-log-entry.ts';
import { columnsMatchBytes } from '../domain/entry-bytes.ts';
import { type ChainVerifier, RING } from '../domain/chain-verifier.ts';

export type VerifyMode = 'checked' | 'independent';

export const defaultMode = (_db: Database): VerifyMode => 'independent';

/** Entries per run read by COPY: small enough that hashing one overlaps with reading the next even in an hour's worth of entries. */
export const COPY_RUN = 4096;

export async function feedChain(
  db: Database,
  verifier: ChainVerifier,
  cpasId: string,
  range: { afterSeq: number; upToSeq?: number | undefined; batchSize?: number | undefined },
  mode: VerifyMode = defaultMode(db),
): Promise<void> {
  if (mode === 'checked') {
    for await (const batch of readChainBatches(db, cpasId, { ...range, hashInDatabase: true })) feedBatch(verifier, batch, false);
    return;
  }
  const start = verifier.textStartBytes;
  const runs = copyChainRuns(db, cpasId, { ...range, runSize: range.batchSize ?? COPY_RUN }, (e) => columnsMatchBytes(start, e));
  // The stored chain hash the next run's first entry follows: the one the verifier starts from, then each run's last.
  let previous = verifier.storedChainHead();
  const next = async () => {
    const read = await runs.next();
    if (read.done) return null;
    const run = read.value;
    const failing = countFailingEntries(run, previous);
    failing.catch(() => undefined);
    previous = Buffer.from(run.hashes.subarray(run.length * 64 - 32, run.length * 64));
    return { run, failing };
  };
  try {
    let current = await next();
    while (current) {
      // The next run is read and sent to the hashing thread before this one joins the chain.
      const following = next();
      following.catch(() => undefined);
      const failing = await current.failing;
      if (!(current.run.regular && failing === 0 && joinRun(verifier, current.run))) await judgeInFull(db, verifier, cpasId, current.run);
      current = await following;
    }
  } finally {
    await runs.return(undefined);
  }
}

/** A run found regular and intact joins the chain at once; false when the chain before it was not intact (ChainVerifier.pushCheckedRun). */
function joinRun(verifier: ChainVerifier, run: CopiedRun): boolean {
  const marks: { seq: number; chainHash: Buffer }[] = [];
  for (let i = 0; i < run.length; i++) {
    const seq = run.afterSeq + 1 + i;
    if (i >= run.length - RING || verifier.watches(seq)) marks.push({ seq, chainHash: Buffer.from(run.hashes.subarray(i * 64 + 32, i * 64 + 64)) });
  }
  const first = { entryHash: Buffer.from(run.hashes.subarray(0, 32)), chainHash: Buffer.from(run.hashes.subarray(32, 64)) };
  return verifier.pushCheckedRun({ afterSeq: run.afterSeq, lastSeq: run.lastSeq, first, marks });
}

/** Something in the run is wrong (or the chain before it was): it is read again and judged entry by entry, so that each break is named. */
async function judgeInFull(db: Database, verifier: ChainVerifier, cpasId: string, run: CopiedRun): Promise<void> {
  for await (const batch of readChainBatches(db, cpasId, { afterSeq: run.afterSeq, upToSeq: run.lastSeq, hashInDatabase: false })) feedBatch(verifier, batch, true);
}

/** One batch, in seq order: an entry whose hash and columns hold on its bytes joins the chain as it is; any other is decoded and judged in full. */
export function feedBatch(verifier: ChainVerifier, batch: ChainBatch, independent: boolean): void {
  const start = verifier.textStartBytes;
  for (let i = 0; i < batch.length; i++) {
    const e = batch.bytesAt(i);
    if (hashMatches(e, independent) && columnsMatchBytes(start, e)) {
      verifier.pushIntact(e.seq, e.columns.subarray(e.entryHashStart, e.entryHashEnd), e.columns.subarray(e.chainHashStart, e.chainHashEnd));
    } else {
      verifier.push(batch.entryAt(i));
    }
  }
}

/** The text hashes to the stored entry hash: as found before the walk (by the database or the hashing thread), or recomputed here. */
function hashMatches(e: PackedEntry, independent: boolean): boolean {
  if (!independent) return e.hashChecked;
  // The byte before the text is the 0x00 the entry hash starts with (access-log-batch-store.ts).
  const hash = entryHashOfPrefixed(e.text.subarray(e.textStart - 1, e.textEnd));
  return e.columns.compare(hash, 0, 32, e.entryHashStart, e.entryHashEnd) === 0;
}

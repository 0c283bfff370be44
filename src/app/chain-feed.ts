// Feeds a CPAS's chain to a ChainVerifier, in one of two ways:
// - 'independent' (the default): every entry is read by a binary COPY (access-log-copy-store.ts)
//   and every hash recomputed in this process, trusting nothing the database computed. Two
//   threads check the runs read (adapters/crypto/entry-check.ts: columns against the text, the
//   text against the entry hash, the link against the stored predecessor) while this thread reads
//   the next ones. A run found intact joins the chain at once (ChainVerifier.pushCheckedRun); any
//   other is judged entry by entry, so that every break is named where it is.
// - 'checked': the database recomputes each entry hash from the stored text while it reads it
//   (access-log-batch-store.ts), and the rest is checked here; a second opinion that trusts the
//   server's SHA-256.
// Entries judged one by one are checked on their bytes, never decoded, when their hash and columns
// hold (entry-bytes.ts); any other is decoded and judged in full by ChainVerifier.push, which
// names what is wrong.
import type { Database } from '../adapters/db/database.ts';
import { type ChainBatch, type PackedEntry, readChainBatches } from '../adapters/db/stores/access-log-batch-store.ts';
import { type CopiedRun, chainHashOf, copyChainRuns, entryHashOf, RunPool } from '../adapters/db/stores/access-log-copy-store.ts';
import { checkRunInThread } from '../adapters/crypto/entry-check-threads.ts';
import { entryHashOfPrefixed } from '../domain/access-log-entry.ts';
import { columnsMatchBytes } from '../domain/entry-bytes.ts';
import { type ChainVerifier, RING } from '../domain/chain-verifier.ts';

export type VerifyMode = 'checked' | 'independent';

export const defaultMode = (_db: Database): VerifyMode => 'independent';

/** Entries per run read by COPY, at most: hashing one overlaps with reading the next. */
export const COPY_RUN = 4096;

/**
 * The run size for about `expected` entries: at least eight runs, so that reading and checking
 * overlap even for an hour's entries (the incremental run), at most COPY_RUN.
 */
export const runSizeFor = (expected: number | undefined) => Math.min(COPY_RUN, Math.max(256, Math.ceil((expected ?? Infinity) / 8)));

export async function feedChain(
  db: Database,
  verifier: ChainVerifier,
  cpasId: string,
  range: { afterSeq: number; upToSeq?: number | undefined; batchSize?: number | undefined; expectedEnd?: number | undefined },
  mode: VerifyMode = defaultMode(db),
): Promise<void> {
  if (mode === 'checked') {
    for await (const batch of readChainBatches(db, cpasId, { ...range, hashInDatabase: true })) feedBatch(verifier, batch, false);
    return;
  }
  const start = verifier.textStartBytes;
  const pool = new RunPool();
  const end = range.upToSeq ?? range.expectedEnd;
  const runSize = range.batchSize ?? runSizeFor(end === undefined ? undefined : end - range.afterSeq);
  const runs = copyChainRuns(db, cpasId, { ...range, runSize }, pool);
  // The stored chain hash the next run's first entry follows: the one the verifier starts from, then each run's last.
  let previous = verifier.storedChainHead();
  const next = async () => {
    const read = await runs.next();
    if (read.done) return null;
    const run = read.value;
    const follows = previous;
    // Taken before the run goes to the thread. An irregular run is judged in full; the one after
    // it then fails its first link and is too.
    previous = run.regular ? Buffer.from(chainHashOf(run, run.length - 1)) : Buffer.alloc(0);
    // In a holder: an async function returning the promise itself would wait for the check.
    const checked = checkRunInThread(run, follows, start);
    checked.catch(() => undefined);
    return { checked };
  };
  // Two runs out at once, results taken in order: while one joins the chain, the next is checked
  // and the one after is read. More runs out only used more CPU (bench/access-log.ts).
  const depth = 2;
  const out: { checked: Promise<{ failing: number; run: CopiedRun }> }[] = [];
  try {
    for (;;) {
      while (out.length < depth) {
        const sent = await next();
        if (!sent) break;
        out.push(sent);
      }
      const current = out.shift();
      if (!current) break;
      const { failing, run } = await current.checked;
      if (!(run.regular && failing === 0 && joinRun(verifier, run))) await judgeInFull(db, verifier, cpasId, run);
      pool.give(run);
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
    if (i >= run.length - RING || verifier.watches(seq)) marks.push({ seq, chainHash: Buffer.from(chainHashOf(run, i)) });
  }
  const first = { entryHash: Buffer.from(entryHashOf(run, 0)), chainHash: Buffer.from(chainHashOf(run, 0)) };
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

/** The text hashes to the stored entry hash: as the database found while reading (checked), or recomputed here. */
function hashMatches(e: PackedEntry, independent: boolean): boolean {
  if (!independent) return e.hashChecked;
  // The byte before the text is the 0x00 the entry hash starts with (access-log-batch-store.ts).
  const hash = entryHashOfPrefixed(e.text.subarray(e.textStart - 1, e.textEnd));
  return e.columns.compare(hash, 0, 32, e.entryHashStart, e.entryHashEnd) === 0;
}

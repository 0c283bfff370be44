// Feeds a CPAS's chain to a ChainVerifier. Every entry's text, columns and hashes arrive in batches
// (access-log-batch-store.ts); the text's hash is checked in one of two ways:
// - 'checked' (the default on PostgreSQL, see defaultMode): the database recomputes each entry
//   hash from the stored text while it reads it, in its own process, beside this one walking the
//   chain: the two halves of the work run on two cores. It trusts the database server's SHA-256.
// - 'independent': every hash is recomputed here, trusting nothing the database computed; kept for
//   a second opinion and for a dump restored on an untrusted server.
// Either way the columns are checked against the text and every chain link is recomputed here. An
// entry whose hash and columns hold is checked on its bytes, never decoded (entry-bytes.ts); any
// other is decoded and judged in full by ChainVerifier.push, which names what is wrong.
import type { Database } from '../adapters/db/database.ts';
import { type ChainBatch, type PackedEntry, readChainBatches } from '../adapters/db/stores/access-log-batch-store.ts';
import { entryHashOfPrefixed } from '../domain/access-log-entry.ts';
import { columnsMatchBytes } from '../domain/entry-bytes.ts';
import type { ChainVerifier } from '../domain/chain-verifier.ts';

export type VerifyMode = 'checked' | 'independent';

/**
 * 'checked' on PostgreSQL, whose server hashes in a process (and often on a machine) of its own.
 * 'independent' on PGlite, which runs inside this process, where SHA-256 in WebAssembly costs more
 * than in Node and would not run beside the chain walk anyway.
 */
export const defaultMode = (db: Database): VerifyMode => (db.engine === 'pglite' ? 'independent' : 'checked');

export async function feedChain(
  db: Database,
  verifier: ChainVerifier,
  cpasId: string,
  range: { afterSeq: number; upToSeq?: number | undefined; batchSize?: number | undefined },
  mode: VerifyMode = defaultMode(db),
): Promise<void> {
  const independent = mode === 'independent';
  for await (const batch of readChainBatches(db, cpasId, { ...range, hashInDatabase: !independent })) feedBatch(verifier, batch, independent);
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

/** The text hashes to the stored entry hash: as the database found it, or recomputed here (independent). */
function hashMatches(e: PackedEntry, independent: boolean): boolean {
  if (!independent) return e.hashChecked;
  // The byte before the text is the 0x00 the entry hash starts with (access-log-batch-store.ts).
  const hash = entryHashOfPrefixed(e.text.subarray(e.textStart - 1, e.textEnd));
  return e.columns.compare(hash, 0, 32, e.entryHashStart, e.entryHashEnd) === 0;
}

// What `audit verify` checks of each entry before the chain walk, on the entry's row as the binary
// COPY delivered it (adapters/db/stores/access-log-copy-row.ts): the row is well formed, the entry
// has the number that follows, its indexed columns say what its text says (domain/entry-bytes.ts:
// without this, a person's "who read my file" could be emptied by editing person_id, leaving every
// hash intact), SHA-256(0x00 || text) is its stored entry hash, and SHA-256(stored chain hash of
// its predecessor || its entry hash) is its stored chain hash. Each entry is checked against its
// stored predecessor, so runs are independent and two threads check two runs at once
// (entry-check-threads.ts). The answer is only how many entries fail: a run with any is read
// again and judged entry by entry (app/chain-feed.ts), which names each break.
import { hash } from 'node:crypto';
import { columnsMatchBytes } from '../../domain/entry-bytes.ts';
import {
  CHAIN_HASH_FROM_END, ENTRY_HASH_FROM_END, emptyView, entryView, hashesWellFormed, readRow, type RowFields, rowFields, uuidsWellFormed,
} from '../db/stores/access-log-copy-row.ts';

/** A run of COPY rows in memory: row i is bytes[rowAt[i], rowAt[i + 1]); the first follows entry afterSeq. */
export interface RunRows {
  readonly bytes: Buffer;
  readonly rowAt: Int32Array;
  readonly length: number;
  readonly afterSeq: number;
}

/**
 * SHA-256 of `data` equals the 32 bytes at b[at]. The digest is asked for as a 'binary' (latin1)
 * string, a character per byte: a digest as a Buffer costs an ArrayBuffer per hash, whose
 * allocation and collection took as long as the hashing (bench/access-log.ts shows both ways).
 */
function digestIs(data: Uint8Array, b: Uint8Array, at: number): boolean {
  const digest = hash('sha256', data, 'binary');
  for (let k = 0; k < 32; k++) if (digest.charCodeAt(k) !== b[at + k]) return false;
  return true;
}

/** A byte loop: for 32 bytes, a call of Buffer.copy costs more than the bytes themselves. */
function copy32(from: Uint8Array, at: number, to: Uint8Array, into: number): void {
  for (let k = 0; k < 32; k++) to[into + k] = from[at + k]!;
}

/** The row at [at, end) has the access log's fields and ends at `end`. */
function rowReads(bytes: Buffer, at: number, end: number, row: RowFields): boolean {
  try {
    return readRow(bytes, at, end, row) === end;
  } catch {
    // Not the fields of an entry: this entry fails, and the run is judged in full.
    return false;
  }
}

/**
 * How many entries of the run fail a check. `previous`: the stored chain hash the first entry
 * follows (32 bytes); `start`: how every text of this CPAS begins (ChainVerifier.textStartBytes).
 * While an entry is hashed, the byte before its text (the last of its length, read already) is
 * the 0x00 its entry hash starts with; it is put back after (no copy of the text is made).
 */
export function countFailingEntries(run: RunRows, previous: Uint8Array, start: Buffer): number {
  const { bytes, rowAt } = run;
  const row = rowFields();
  const view = emptyView();
  // The link's input: the stored chain hash the entry follows (`previous`, then each row's own), then its entry hash.
  const link = Buffer.alloc(64);
  let linked = previous.length === 32;
  if (linked) link.set(previous, 0);
  let failing = 0;
  for (let i = 0; i < run.length; i++) {
    const end = rowAt[i + 1]!;
    if (!rowReads(bytes, rowAt[i]!, end, row) || !hashesWellFormed(row) || !uuidsWellFormed(row)) {
      // No stored chain hash to link the next entry from: it fails too.
      linked = false;
      failing++;
      continue;
    }
    entryView(bytes, row, view);
    const entryHashAt = end - ENTRY_HASH_FROM_END;
    const chainHashAt = end - CHAIN_HASH_FROM_END;
    let holds = linked && view.seq === run.afterSeq + 1 + i && columnsMatchBytes(start, view);
    if (holds) {
      const lengthByte = bytes[view.textStart - 1]!;
      bytes[view.textStart - 1] = 0;
      holds = digestIs(bytes.subarray(view.textStart - 1, view.textEnd), bytes, entryHashAt);
      bytes[view.textStart - 1] = lengthByte;
    }
    if (holds) {
      copy32(bytes, entryHashAt, link, 32);
      holds = digestIs(link, bytes, chainHashAt);
    }
    copy32(bytes, chainHashAt, link, 0);
    linked = true;
    if (!holds) failing++;
  }
  return failing;
}

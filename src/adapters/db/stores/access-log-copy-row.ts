// One access-log entry as a row of the binary COPY that `audit verify` reads
// (access-log-copy-store.ts): PostgreSQL's binary COPY format, a 16-bit field count, then per field
// a 32-bit length (-1 for null) and its bytes, big-endian. Read by the copy store, to cut the
// stream into rows, and by the checking threads (adapters/crypto/entry-check.ts), to find each
// entry's columns, text and hashes in the row's bytes. The column order is the COPY statement's.
// Pure: no I/O.
import type { EntryBytes } from '../../../domain/entry-bytes.ts';

/** The columns, in the order of the COPY and of the fields of each row. */
export const COPY_COLUMNS = ['seq', 'logged_at', 'user_id', 'person_id', 'action', 'entry_text', 'entry_hash', 'chain_hash'] as const;
export const FIELDS = COPY_COLUMNS.length;
const [SEQ, LOGGED_AT, USER, PERSON, ACTION, TEXT, ENTRY_HASH, CHAIN_HASH] = [0, 1, 2, 3, 4, 5, 6, 7] as const;
/** In a well-formed row the two hashes end it: the entry hash, a 4-byte length, the chain hash. */
export const CHAIN_HASH_FROM_END = 32;
export const ENTRY_HASH_FROM_END = 32 + 4 + 32;

/** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
export const int64 = (b: Buffer, at: number) => b.readInt32BE(at) * TWO_32 + b.readUInt32BE(at + 4);

/** Where the fields of the row being read start, and their lengths; reused from row to row. */
export interface RowFields {
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
}

export const rowFields = (): RowFields => ({ starts: new Int32Array(FIELDS), lengths: new Int32Array(FIELDS) });

export const TRAILER = -2;
export const INCOMPLETE = -1;

/**
 * Reads the fields of the row at `at` (bytes up to `end`): the offset after the row, INCOMPLETE
 * when the bytes end inside it, TRAILER at the end of the COPY (2 bytes). Throws when the row
 * does not have the access log's fields, or when a text or action is null: the statement is ours,
 * so that is not an entry but a broken stream.
 */
export function readRow(buf: Buffer, at: number, end: number, row: RowFields): number {
  if (at + 2 > end) return INCOMPLETE;
  const fields = buf.readInt16BE(at);
  if (fields === -1) return TRAILER;
  if (fields !== FIELDS) throw new Error('unexpected access-log COPY row');
  const { starts, lengths } = row;
  let p = at + 2;
  for (let f = 0; f < FIELDS; f++) {
    if (p + 4 > end) return INCOMPLETE;
    const length = buf.readInt32BE(p);
    starts[f] = p + 4;
    lengths[f] = length;
    p += 4 + Math.max(length, 0);
    if (p > end) return INCOMPLETE;
  }
  if (lengths[SEQ] !== 8 || lengths[LOGGED_AT] !== 8 || lengths[ACTION]! < 0 || lengths[TEXT]! < 0) throw new Error('unexpected access-log COPY row');
  return p;
}

export const seqOf = (buf: Buffer, row: RowFields) => int64(buf, row.starts[SEQ]!);

/** Both hashes are 32 bytes (so they end the row as CHAIN_HASH_FROM_END and ENTRY_HASH_FROM_END say). */
export const hashesWellFormed = (row: RowFields) => row.lengths[ENTRY_HASH] === 32 && row.lengths[CHAIN_HASH] === 32;

/** Sets `view` (EntryBytes for entry-bytes.ts) to the row just read from `buf`. */
export function entryView(buf: Buffer, row: RowFields, view: { -readonly [K in keyof EntryBytes]: EntryBytes[K] }): void {
  const { starts, lengths } = row;
  view.seq = int64(buf, starts[SEQ]!);
  view.loggedAtMs = PG_EPOCH_MS + Math.floor(int64(buf, starts[LOGGED_AT]!) / 1000);
  view.columns = buf;
  view.text = buf;
  view.userAt = lengths[USER] === 16 ? starts[USER]! : -1;
  view.personAt = lengths[PERSON] === 16 ? starts[PERSON]! : -1;
  view.actionStart = starts[ACTION]!;
  view.actionEnd = starts[ACTION]! + lengths[ACTION]!;
  view.textStart = starts[TEXT]!;
  view.textEnd = starts[TEXT]! + lengths[TEXT]!;
}

/** A view to fill with entryView. */
export const emptyView = (): { -readonly [K in keyof EntryBytes]: EntryBytes[K] } => ({
  seq: 0, loggedAtMs: 0, columns: Buffer.alloc(0), userAt: -1, personAt: -1, actionStart: 0, actionEnd: 0, text: Buffer.alloc(0), textStart: 0, textEnd: 0,
});

/** The null or 16-byte uuid columns are as the table allows. */
export const uuidsWellFormed = (row: RowFields) => (row.lengths[USER] === 16 || row.lengths[USER] === -1) && (row.lengths[PERSON] === 16 || row.lengths[PERSON] === -1);

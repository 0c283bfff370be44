// Reads a CPAS's access-log chain for verification: in seq order, in batches by key range (the
// primary key index, no OFFSET), each batch in its own short transaction, the next batch fetched
// while the caller checks the current one. Hundreds of thousands of entries stream in constant memory.
//
// A batch travels as three aggregated values, never as a row per entry: decoding rows field by
// field cost several times the hashing they feed (node-postgres and PGlite alike). With `hashInDatabase`, the
// server also recomputes each entry hash from the stored text and says which ones it found right.
import type { StoredEntry } from '../../../domain/chain-verifier.ts';
import type { EntryBytes } from '../../../domain/entry-bytes.ts';
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export const CHAIN_BATCH = 10_000;

/** One entry as stored bytes, for the checks that need no decoded text (entry-bytes.ts). */
export interface PackedEntry extends EntryBytes {
  /** The database recomputed SHA-256(0x00 || text) and found the stored entry hash. */
  readonly hashChecked: boolean;
  readonly entryHashStart: number;
  readonly entryHashEnd: number;
  readonly chainHashStart: number;
  readonly chainHashEnd: number;
}



interface Packed {
  n: number;
  heads: Buffer;
  columns: Buffer;
  /** The texts' UTF-8 bytes, each after a 0x00 byte (the prefix of its entry hash: hashed in place). */
  texts: Buffer;
}

const HEAD = 33;
/** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
const int64 = (b: Buffer, at: number) => b.readInt32BE(at) * TWO_32 + b.readUInt32BE(at + 4);

function uuidOf(b: Buffer, at: number): string {
  const hex = b.toString('hex', at, at + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** logged_at as LOGGED_AT_ISO writes it; a time no Date holds (infinity, a tampered far date) becomes text no entry holds. */
function isoOf(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? `(time out of range: ${ms} ms)` : date.toISOString();
}

/** One batch, its entries in seq order: as bytes for the checks that need no decoded text, or decoded. */
export class ChainBatch {
  readonly length: number;
  readonly lastSeq: number;
  /** Per entry, in seq order: its head's index, and where its columns and text start. */
  private readonly order: Int32Array;
  private readonly columnsAt: Int32Array;
  private readonly textAt: Int32Array;
  private readonly cursor;

  constructor(private readonly packed: Packed) {
    const { n, heads, columns, texts } = packed;
    if (heads.length !== n * HEAD) throw new Error('access-log batch has an unexpected length');
    this.columnsAt = new Int32Array(n);
    this.textAt = new Int32Array(n);
    const seqs = new Float64Array(n);
    let ordered = true;
    for (let i = 0, c = 0, t = 0; i < n; i++) {
      const h = i * HEAD;
      seqs[i] = int64(heads, h);
      if (i > 0 && seqs[i]! <= seqs[i - 1]!) ordered = false;
      this.columnsAt[i] = c;
      this.textAt[i] = t;
      c += 32 + heads.readUInt32BE(h + 17) + heads.readUInt32BE(h + 21) + heads.readUInt32BE(h + 25);
      texts[t] = 0;
      t += 1 + heads.readUInt32BE(h + 29);
      if (i === n - 1 && (c !== columns.length || t !== texts.length)) throw new Error('access-log batch has an unexpected length');
    }
    const indexes = Int32Array.from(seqs.keys());
    // Key order is what the aggregates receive; were it ever not so, the chain is still walked in seq order.
    this.order = ordered ? indexes : indexes.sort((a, b) => seqs[a]! - seqs[b]!);
    this.length = n;
    this.lastSeq = n === 0 ? 0 : seqs[this.order[n - 1]!]!;
    this.cursor = {
      seq: 0, loggedAtMs: 0, columns, userAt: -1, personAt: -1, actionStart: 0, actionEnd: 0, text: texts, textStart: 0, textEnd: 0,
      hashChecked: false, entryHashStart: 0, entryHashEnd: 0, chainHashStart: 0, chainHashEnd: 0,
    };
  }

  /** The i-th entry as bytes; the same object each call, valid until the next. */
  bytesAt(i: number): PackedEntry {
    const { heads } = this.packed;
    const c = this.cursor;
    const k = this.order[i]!;
    const h = k * HEAD;
    const flags = heads[h + 8]!;
    const at = this.columnsAt[k]!;
    c.seq = int64(heads, h);
    c.hashChecked = (flags & 1) === 1;
    c.loggedAtMs = PG_EPOCH_MS + Math.floor(int64(heads, h + 9) / 1000);
    c.userAt = flags & 2 ? -1 : at;
    c.personAt = flags & 4 ? -1 : at + 16;
    c.actionStart = at + 32;
    c.actionEnd = c.entryHashStart = c.actionStart + heads.readUInt32BE(h + 17);
    c.entryHashEnd = c.chainHashStart = c.entryHashStart + heads.readUInt32BE(h + 21);
    c.chainHashEnd = c.chainHashStart + heads.readUInt32BE(h + 25);
    c.textStart = this.textAt[k]! + 1;
    c.textEnd = c.textStart + heads.readUInt32BE(h + 29);
    return c;
  }

  /** The i-th entry decoded. */
  entryAt(i: number): StoredEntry {
    const e = this.bytesAt(i);
    const { columns, texts } = this.packed;
    return {
      seq: e.seq,
      loggedAt: isoOf(e.loggedAtMs),
      userId: e.userAt < 0 ? null : uuidOf(columns, e.userAt),
      personId: e.personAt < 0 ? null : uuidOf(columns, e.personAt),
      action: columns.toString('utf8', e.actionStart, e.actionEnd),
      text: texts.toString('utf8', e.textStart, e.textEnd),
      entryHash: columns.subarray(e.entryHashStart, e.entryHashEnd),
      chainHash: columns.subarray(e.chainHashStart, e.chainHashEnd),
      hashChecked: e.hashChecked,
    };
  }
}

/**
 * The batch as three values, each one aggregate: `heads`, 33 bytes per entry (seq
 * int8; flags: 1 entry hash checked, 2 user null, 4 person null; logged_at int8 microseconds from
 * 2000; the byte lengths of action, entry hash, chain hash and text); `columns`, user and person
 * (16 bytes each, zero when null), action, entry hash and chain hash; `texts`, the texts as text,
 * each after one separator byte. Texts travel as text, not bytea: hex doubled them and decoding
 * it cost more than the server's hashing. The lengths travel, so a tampered hash of the wrong
 * length is read as stored and reported, never misaligns what follows. The subquery reads in key
 * order and the aggregates keep it (ChainBatch checks): no sort. pg_catalog is named so that a
 * function called sha256 in another schema cannot stand in for it.
 */
async function readPackedBatch(db: Database, cpasId: string, afterSeq: number, upToSeq: number, limit: number, hashInDatabase: boolean): Promise<ChainBatch> {
  const row = await db.transaction(async (tx) => {
    const { rows } = await sql<{ n: number; heads: Buffer | null; columns: Buffer | null; texts: string | null }>`
      SELECT count(*)::int AS n,
        string_agg(int8send(seq)
          || set_byte('\\x00'::bytea, 0,
               (CASE WHEN ${hashInDatabase}::boolean AND pg_catalog.sha256('\\x00'::bytea || convert_to(entry_text, 'UTF8')) = entry_hash THEN 1 ELSE 0 END)
               + (CASE WHEN user_id IS NULL THEN 2 ELSE 0 END) + (CASE WHEN person_id IS NULL THEN 4 ELSE 0 END))
          || timestamptz_send(logged_at) || int4send(octet_length(action)) || int4send(octet_length(entry_hash))
          || int4send(octet_length(chain_hash)) || int4send(octet_length(entry_text)), ''::bytea) AS heads,
        string_agg(coalesce(uuid_send(user_id), '\\x00000000000000000000000000000000'::bytea)
          || coalesce(uuid_send(person_id), '\\x00000000000000000000000000000000'::bytea)
          || convert_to(action, 'UTF8') || entry_hash || chain_hash, ''::bytea) AS columns,
        string_agg(E'\\x01' || entry_text, '') AS texts
      FROM (SELECT seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash
            FROM access_log_entry WHERE cpas_id = ${cpasId} AND seq > ${afterSeq} AND seq <= ${upToSeq} ORDER BY seq LIMIT ${limit}) page`.execute(kyselyOf(tx));
    return rows[0];
  });
  if (!row?.heads || !row.columns || row.texts === null || row.n === 0) return NO_ENTRIES;
  // Valid UTF-8 from the server, decoded and encoded again: the same bytes, whose lengths the heads give.
  return new ChainBatch({ n: row.n, heads: row.heads, columns: row.columns, texts: Buffer.from(row.texts, 'utf8') });
}

const NO_ENTRIES = new ChainBatch({ n: 0, heads: Buffer.alloc(0), columns: Buffer.alloc(0), texts: Buffer.alloc(0) });

/**
 * Batches read ahead, each on its own connection: on PostgreSQL the server reads (and, with
 * hashInDatabase, hashes) two batches in two processes while this one checks a third.
 */
const READ_AHEAD = 2;

/**
 * Yields the entries with afterSeq < seq <= upToSeq, in seq order, batch by batch. The batches
 * read ahead start where the previous one would end if the chain has no gap (entry numbers
 * follow each other); a batch that ends elsewhere (a gap, a forged number) drops them and the
 * next is read from where it really ended, so the entries are read exactly once, in order.
 */
export async function* readChainBatches(
  db: Database,
  cpasId: string,
  range: { afterSeq: number; upToSeq?: number | undefined; batchSize?: number | undefined; hashInDatabase?: boolean },
): AsyncGenerator<ChainBatch> {
  const upTo = range.upToSeq ?? Number.MAX_SAFE_INTEGER;
  const size = range.batchSize ?? CHAIN_BATCH;
  const inDatabase = range.hashInDatabase ?? false;
  const read = (after: number) => {
    const batch = readPackedBatch(db, cpasId, after, upTo, size, inDatabase);
    // A read ahead that fails is reported when the walk reaches it, or never if it was dropped: not as unhandled.
    batch.catch(() => undefined);
    return { after, batch };
  };
  const ahead = [read(range.afterSeq)];
  // Reads dropped for a gap are awaited before the walk ends: none is left running on a connection.
  const dropped: Promise<unknown>[] = [];
  try {
    for (;;) {
      const { after, batch: pending } = ahead.shift()!;
      const batch = await pending;
      if (batch.length === 0) return;
      const full = batch.length === size;
      if (!full || batch.lastSeq !== after + size) dropped.push(...ahead.splice(0).map((a) => a.batch));
      if (full) {
        let from = ahead.at(-1)?.after ?? batch.lastSeq - size;
        while (ahead.length < READ_AHEAD && from + size < upTo) ahead.push(read((from += size)));
      }
      yield batch;
      // Fewer than a full batch, or the last one up to upToSeq: nothing is left to read.
      if (!full || ahead.length === 0) return;
    }
  } finally {
    await Promise.allSettled([...dropped, ...ahead.map((a) => a.batch)]);
  }
}

// Reads a CPAS's access-log chain for `audit verify` as a binary COPY: every entry's columns,
// text and hashes as the server stores them, cut into runs of `runSize` entries. Each row is
// looked at once, in the bytes it arrived in: the caller's `inspect` checks its columns against
// its text there (entry-bytes.ts), and only what the hashing thread needs is copied out, into
// shared memory (adapters/crypto/entry-hash-worker.ts): the text after a 0x00 byte, the stored
// entry hash and chain hash. A run that is not regular (a gap, a number out of order, a hash that
// is not 32 bytes, an entry `inspect` refused) is only flagged: the caller reads it again in full
// to say what is wrong (access-log-batch-store.ts).
//
// On PostgreSQL one COPY streams the whole range in one transaction (one snapshot), in seq order
// by the primary key, while the caller checks the runs already read; when the caller falls
// behind, reading pauses. On PGlite (in this process, a COPY's output is one piece in memory)
// each run is its own COPY of `runSize` entries.
import type { EntryBytes } from '../../../domain/entry-bytes.ts';
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
const FIELDS = 8;
/** "PGCOPY\n\377\r\n\0", flags, header extension length: what starts a binary COPY. */
const SIGNATURE = Buffer.from('5047434f50590aff0d0a00', 'hex');
const HEADER = SIGNATURE.length + 8;
/** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
const int64 = (b: Buffer, at: number) => b.readInt32BE(at) * TWO_32 + b.readUInt32BE(at + 4);

/**
 * COPY takes no parameters: the CPAS id and the bounds are written into the statement, and only
 * in the one form each can take (a lower-case uuid, whole numbers), so nothing else can get in.
 */
function copyStatement(cpasId: string, afterSeq: number, upToSeq: number, limit: number | null): string {
  if (!UUID.test(cpasId)) throw new Error('copyStatement: cpas id is not a uuid');
  for (const n of [afterSeq, upToSeq, limit ?? 0]) if (!Number.isSafeInteger(n) || n < 0) throw new Error('copyStatement: bounds must be whole numbers');
  return `COPY (SELECT seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash FROM access_log_entry WHERE cpas_id = '${cpasId}' AND seq > ${afterSeq} AND seq <= ${upToSeq} ORDER BY seq${limit === null ? '' : ` LIMIT ${limit}`}) TO STDOUT (FORMAT binary)`;
}

/** A run of entries as read: what the hashing thread needs, in shared memory, and whether it is regular. */
export interface CopiedRun {
  /** The run holds the entries after this seq (the previous run's last, or the range's start) up to lastSeq. */
  readonly afterSeq: number;
  readonly lastSeq: number;
  readonly length: number;
  /** Numbered afterSeq + 1, + 2, ... with 32-byte hashes, every entry accepted by `inspect`. */
  readonly regular: boolean;
  /** Each text after a 0x00 byte (the input of its entry hash). */
  readonly texts: Buffer;
  /** Per entry, where its hash input starts and ends in `texts`. */
  readonly textAt: Int32Array;
  /** Per entry, 64 bytes: its stored entry hash and chain hash (zeros where not 32 bytes: the run is then irregular). */
  readonly hashes: Buffer;
}

/** A growable buffer in shared memory. */
class SharedBytes {
  bytes: Buffer;
  length = 0;
  constructor(capacity: number) {
    this.bytes = Buffer.from(new SharedArrayBuffer(capacity));
  }
  reserve(n: number): number {
    if (this.length + n > this.bytes.length) {
      const grown = Buffer.from(new SharedArrayBuffer(Math.max(this.bytes.length * 2, this.length + n)));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    const at = this.length;
    this.length += n;
    return at;
  }
}

const sharedInts = (n: number) => new Int32Array(new SharedArrayBuffer(Math.max(n, 1) * 4));

/** Cuts the rows of a binary COPY, arriving in pieces of any size, into runs. */
export class RunBuilder {
  private texts!: SharedBytes;
  private textAt!: Int32Array;
  private hashes!: Buffer;
  private n = 0;
  private regular = true;
  private carry: Buffer | null = null;
  private seenHeader = false;
  private discarding = false;
  ended = false;
  private readonly starts = new Int32Array(FIELDS);
  private readonly lengths = new Int32Array(FIELDS);
  /** The view `inspect` is given: the same object for every row, valid during the call. */
  private readonly view: { -readonly [K in keyof EntryBytes]: EntryBytes[K] } = {
    seq: 0, loggedAtMs: 0, columns: Buffer.alloc(0), userAt: -1, personAt: -1, actionStart: 0, actionEnd: 0, text: Buffer.alloc(0), textStart: 0, textEnd: 0,
  };

  constructor(
    private afterSeq: number,
    readonly runSize: number,
    private readonly inspect: (entry: EntryBytes) => boolean,
    private readonly emit: (run: CopiedRun) => void,
  ) {
    this.reset();
  }

  private reset(): void {
    this.texts = new SharedBytes(this.runSize * 512);
    this.textAt = sharedInts(this.runSize * 2);
    this.hashes = Buffer.from(new SharedArrayBuffer(this.runSize * 64));
    this.n = 0;
    this.regular = true;
  }

  /** Where the next run starts: after the last entry read. */
  afterSeqNow(): number {
    return this.afterSeq;
  }

  /** Ready for another COPY (PGlite reads a run per COPY, each with its own header and end). */
  restart(): void {
    this.seenHeader = false;
    this.ended = false;
    this.carry = null;
  }

  /** From now on, rows are read and dropped. */
  discard(): void {
    this.discarding = true;
  }

  /** Emits the rows read since the last run, if any. */
  flush(): void {
    if (this.n === 0 || this.discarding) return;
    const n = this.n;
    const lastSeq = this.view.seq;
    const run: CopiedRun = {
      afterSeq: this.afterSeq, lastSeq, length: n, regular: this.regular,
      texts: this.texts.bytes.subarray(0, this.texts.length), textAt: this.textAt.subarray(0, n * 2), hashes: this.hashes.subarray(0, n * 64),
    };
    this.afterSeq = lastSeq;
    this.reset();
    this.emit(run);
  }

  push(piece: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, piece]) : piece;
    this.carry = null;
    let at = 0;
    if (!this.seenHeader) {
      if (buf.length < HEADER) {
        this.carry = Buffer.from(buf);
        return;
      }
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY');
      at = HEADER + buf.readUInt32BE(SIGNATURE.length + 4);
      this.seenHeader = true;
    }
    while (at < buf.length && !this.ended) {
      const end = this.row(buf, at);
      if (end < 0) break;
      at = end;
    }
    // Rows never span pieces on PostgreSQL (one CopyData message each), but may elsewhere.
    if (at < buf.length && !this.ended) this.carry = Buffer.from(buf.subarray(at));
  }

  /** Reads the row at `at`; the offset after it, or -1 when the piece ends inside it. */
  private row(buf: Buffer, at: number): number {
    if (at + 2 > buf.length) return -1;
    const fields = buf.readInt16BE(at);
    if (fields === -1) {
      this.ended = true;
      return at + 2;
    }
    if (fields !== FIELDS) throw new Error('unexpected access-log COPY row');
    const { starts, lengths } = this;
    let p = at + 2;
    for (let f = 0; f < FIELDS; f++) {
      if (p + 4 > buf.length) return -1;
      const length = buf.readInt32BE(p);
      starts[f] = p + 4;
      lengths[f] = length;
      p += 4 + Math.max(length, 0);
      if (p > buf.length) return -1;
    }
    if (lengths[0] !== 8 || lengths[1] !== 8 || lengths[4]! < 0 || lengths[5]! < 0) throw new Error('unexpected access-log COPY row');
    if (!this.discarding) this.add(buf);
    if (this.n === this.runSize) this.flush();
    return p;
  }

  private add(buf: Buffer): void {
    const { starts, lengths, view } = this;
    const previous = this.n === 0 ? this.afterSeq : view.seq;
    view.seq = int64(buf, starts[0]!);
    view.loggedAtMs = PG_EPOCH_MS + Math.floor(int64(buf, starts[1]!) / 1000);
    view.columns = buf;
    view.text = buf;
    view.userAt = lengths[2] === 16 ? starts[2]! : -1;
    view.personAt = lengths[3] === 16 ? starts[3]! : -1;
    view.actionStart = starts[4]!;
    view.actionEnd = starts[4]! + lengths[4]!;
    view.textStart = starts[5]!;
    view.textEnd = starts[5]! + lengths[5]!;
    if (this.regular && (view.seq !== previous + 1 || lengths[6] !== 32 || lengths[7] !== 32 || !this.inspect(view))) this.regular = false;
    const t = this.texts.reserve(1 + lengths[5]!);
    const texts = this.texts.bytes;
    texts[t] = 0;
    buf.copy(texts, t + 1, view.textStart, view.textEnd);
    this.textAt[this.n * 2] = t;
    this.textAt[this.n * 2 + 1] = t + 1 + lengths[5]!;
    const h = this.n * 64;
    if (lengths[6] === 32 && lengths[7] === 32) {
      buf.copy(this.hashes, h, starts[6], starts[6]! + 32);
      buf.copy(this.hashes, h + 32, starts[7], starts[7]! + 32);
    } else {
      this.hashes.fill(0, h, h + 64);
    }
    this.n += 1;
  }
}

/** At most this many runs wait for the caller before reading pauses. */
const WAITING = 3;

/**
 * The entries with afterSeq < seq <= upToSeq, in seq order, run by run (each of `runSize` entries
 * but the last), each row shown to `inspect` once as it is read.
 */
export function copyChainRuns(
  db: Database,
  cpasId: string,
  range: { afterSeq: number; upToSeq?: number | undefined; runSize: number },
  inspect: (entry: EntryBytes) => boolean,
): AsyncGenerator<CopiedRun> {
  const upTo = range.upToSeq ?? Number.MAX_SAFE_INTEGER;
  const start = (emit: (run: CopiedRun) => void) => new RunBuilder(range.afterSeq, range.runSize, inspect, emit);
  return db.engine === 'postgres' ? streamed(db, cpasId, upTo, start) : perRun(db, cpasId, upTo, start);
}

async function* perRun(db: Database, cpasId: string, upTo: number, start: (emit: (run: CopiedRun) => void) => RunBuilder): AsyncGenerator<CopiedRun> {
  const runs: CopiedRun[] = [];
  const builder = start((run) => runs.push(run));
  for (;;) {
    const after = builder.afterSeqNow();
    // PGlite hands COPY output over through a virtual file ('/dev/blob'), which PostgreSQL's rules
    // allow only to roles that may write server files: the owner's, here this process's memory.
    // The statement only reads the log.
    await db.ownerTransaction((tx) => tx.copyOut(copyStatement(cpasId, after, upTo, builder.runSize), (piece) => builder.push(piece)).done);
    builder.flush();
    builder.restart();
    const run = runs.shift();
    if (!run) return;
    yield run;
    if (run.length < builder.runSize || run.lastSeq >= upTo) return;
  }
}

/** One COPY for the whole range, in one transaction: batches are handed over as they fill. */
async function* streamed(db: Database, cpasId: string, upTo: number, start: (emit: (run: CopiedRun) => void) => RunBuilder): AsyncGenerator<CopiedRun> {
  const ready: CopiedRun[] = [];
  let wake: (() => void) | null = null;
  let paused = false;
  // Set once the COPY runs; a holder, as it is set in a callback.
  const flow: { control: { pause(): void; resume(): void } | null } = { control: null };
  const notify = () => {
    wake?.();
    wake = null;
  };
  const batcher = start((run) => {
    ready.push(run);
    if (ready.length >= WAITING && !paused) {
      paused = true;
      flow.control?.pause();
    }
    notify();
  });
  let finished = false;
  let failure: unknown = null;
  const reading = db
    .transaction(async (tx) => {
      // The primary key's order, partition after partition, rather than a sort of the whole log.
      await sql`SET LOCAL enable_sort = off`.execute(kyselyOf(tx));
      const copy = tx.copyOut(copyStatement(cpasId, batcher.afterSeqNow(), upTo, null), (piece) => batcher.push(piece));
      flow.control = copy;
      await copy.done;
      batcher.flush();
    })
    .catch((error: unknown) => {
      failure = error;
    })
    .finally(() => {
      finished = true;
      notify();
    });
  try {
    for (;;) {
      const run = ready.shift();
      if (run) {
        if (paused && ready.length < WAITING) {
          paused = false;
          flow.control?.resume();
        }
        yield run;
        continue;
      }
      if (finished) {
        if (failure) throw failure;
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // Stopped early (the caller failed): the rest is read and dropped, so the connection is free again.
    batcher.discard();
    flow.control?.resume();
    await reading;
  }
}

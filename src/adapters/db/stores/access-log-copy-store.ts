// Reads a CPAS's access-log chain for `audit verify` as a binary COPY: every entry's columns,
// text and hashes as the server stores them, cut into runs of `runSize` entries. Each row is
// copied once, whole, into its run's buffer, where a checking thread finds its columns, text and
// hashes (adapters/crypto/entry-check.ts); this thread only cuts the stream into rows and notes
// their numbers. A run's buffers are memory of their own (not shared: a copy into shared memory
// cost twice as much), handed to the checking thread and back without a copy. A run that is not regular (a gap, a number out of order, a hash that is not 32
// bytes) is only flagged: the caller reads it again in full to say what is wrong
// (access-log-batch-store.ts).
//
// On PostgreSQL one COPY streams the whole range in one transaction (one snapshot), in seq order
// by the primary key, while the caller checks the runs already read; when the caller falls
// behind, reading pauses. On PGlite (in this process, a COPY's output is one piece in memory)
// each run is its own COPY of `runSize` entries.
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { kyselyOf } from '../kysely.ts';
import {
  CHAIN_HASH_FROM_END, COPY_COLUMNS, ENTRY_HASH_FROM_END, hashesWellFormed, INCOMPLETE, readRow, rowFields, seqOf, TRAILER,
} from './access-log-copy-row.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
/** "PGCOPY\n\377\r\n\0", flags, header extension length: what starts a binary COPY. */
const SIGNATURE = Buffer.from('5047434f50590aff0d0a00', 'hex');
const HEADER = SIGNATURE.length + 8;

/**
 * COPY takes no parameters: the CPAS id and the bounds are written into the statement, and only
 * in the one form each can take (a lower-case uuid, whole numbers), so nothing else can get in.
 */
function copyStatement(cpasId: string, afterSeq: number, upToSeq: number, limit: number | null): string {
  if (!UUID.test(cpasId)) throw new Error('copyStatement: cpas id is not a uuid');
  for (const n of [afterSeq, upToSeq, limit ?? 0]) if (!Number.isSafeInteger(n) || n < 0) throw new Error('copyStatement: bounds must be whole numbers');
  return `COPY (SELECT ${COPY_COLUMNS.join(', ')} FROM access_log_entry WHERE cpas_id = '${cpasId}' AND seq > ${afterSeq} AND seq <= ${upToSeq} ORDER BY seq${limit === null ? '' : ` LIMIT ${limit}`}) TO STDOUT (FORMAT binary)`;
}

/** A run of entries as read, and whether it is regular. */
export interface CopiedRun {
  /** The run holds the entries after this seq (the previous run's last, or the range's start) up to lastSeq. */
  readonly afterSeq: number;
  readonly lastSeq: number;
  readonly length: number;
  /** Numbered afterSeq + 1, + 2, ... with 32-byte hashes. */
  readonly regular: boolean;
  /** The rows as the COPY sent them: row i is bytes[rowAt[i], rowAt[i + 1]). */
  readonly bytes: Buffer;
  readonly rowAt: Int32Array;
}

/** The stored entry hash of row i of a regular run. */
export const entryHashOf = (run: CopiedRun, i: number) => run.bytes.subarray(run.rowAt[i + 1]! - ENTRY_HASH_FROM_END, run.rowAt[i + 1]! - ENTRY_HASH_FROM_END + 32);
/** The stored chain hash of row i of a regular run. */
export const chainHashOf = (run: CopiedRun, i: number) => run.bytes.subarray(run.rowAt[i + 1]! - CHAIN_HASH_FROM_END, run.rowAt[i + 1]!);

/** A growable buffer over an ArrayBuffer of its own (so that it can be transferred to a thread). */
class RunBytes {
  length = 0;
  constructor(public bytes: Buffer) {}
  reserve(n: number): number {
    if (this.length + n > this.bytes.length) {
      const grown = Buffer.from(new ArrayBuffer(Math.max(this.bytes.length * 2, this.length + n)));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    const at = this.length;
    this.length += n;
    return at;
  }
}

/** Bytes of a typical row: where a run's buffer starts (it grows when rows are longer). */
const ROW_BYTES = 640;

/**
 * Buffers of runs that are done, for the next runs: a new buffer per run (megabytes, outside the
 * JavaScript heap) made the collector run often enough to cost more than the copies into them.
 */
export class RunPool {
  private readonly free: { bytes: Buffer; rowAt: Int32Array }[] = [];

  take(runSize: number): { bytes: Buffer; rowAt: Int32Array } {
    for (;;) {
      const found = this.free.pop();
      if (!found) return { bytes: Buffer.from(new ArrayBuffer(runSize * ROW_BYTES)), rowAt: new Int32Array(runSize + 1) };
      if (found.rowAt.length >= runSize + 1) return found;
    }
  }

  /** The run's buffers may be reused: nothing reads the run any more. */
  give(run: CopiedRun): void {
    if (this.free.length >= 8 || run.bytes.buffer.byteLength === 0) return;
    this.free.push({ bytes: Buffer.from(run.bytes.buffer), rowAt: new Int32Array(run.rowAt.buffer) });
  }
}

/** Cuts the rows of a binary COPY, arriving in pieces of any size, into runs. */
export class RunBuilder {
  private bytes!: RunBytes;
  private rowAt!: Int32Array;
  private n = 0;
  private regular = true;
  private lastSeq = 0;
  private carry: Buffer | null = null;
  private seenHeader = false;
  private discarding = false;
  ended = false;
  private readonly row = rowFields();

  constructor(
    private afterSeq: number,
    readonly runSize: number,
    private readonly emit: (run: CopiedRun) => void,
    private readonly pool = new RunPool(),
  ) {
    this.reset();
  }

  private reset(): void {
    const { bytes, rowAt } = this.pool.take(this.runSize);
    this.bytes = new RunBytes(bytes);
    this.rowAt = rowAt;
    rowAt[0] = 0;
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
    const run: CopiedRun = {
      afterSeq: this.afterSeq, lastSeq: this.lastSeq, length: n, regular: this.regular,
      bytes: this.bytes.bytes.subarray(0, this.bytes.length), rowAt: this.rowAt.subarray(0, n + 1),
    };
    this.afterSeq = this.lastSeq;
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
      const end = readRow(buf, at, buf.length, this.row);
      if (end === INCOMPLETE) break;
      if (end === TRAILER) {
        this.ended = true;
        at += 2;
        break;
      }
      if (!this.discarding) this.take(buf, at, end);
      if (this.n === this.runSize) this.flush();
      at = end;
    }
    // Rows never span pieces on PostgreSQL (one CopyData message each), but may elsewhere.
    if (at < buf.length && !this.ended) this.carry = Buffer.from(buf.subarray(at));
  }

  /** The row buf[at, end) just read: its number noted, its bytes copied whole (one copy: a copy per field cost more). */
  private take(buf: Buffer, at: number, end: number): void {
    const seq = seqOf(buf, this.row);
    const previous = this.n === 0 ? this.afterSeq : this.lastSeq;
    if (seq !== previous + 1 || !hashesWellFormed(this.row)) this.regular = false;
    this.lastSeq = seq;
    const into = this.bytes.reserve(end - at);
    this.bytes.bytes.set(at === 0 && end === buf.length ? buf : buf.subarray(at, end), into);
    this.n += 1;
    this.rowAt[this.n] = into + end - at;
  }
}

/** At most this many runs wait for the caller before reading pauses. */
const WAITING = 3;

/**
 * The entries with afterSeq < seq <= upToSeq, in seq order, run by run (each of `runSize` entries
 * but the last). Runs given back to `pool` lend their buffers to the next.
 */
export function copyChainRuns(
  db: Database,
  cpasId: string,
  range: { afterSeq: number; upToSeq?: number | undefined; runSize: number },
  pool?: RunPool,
): AsyncGenerator<CopiedRun> {
  const upTo = range.upToSeq ?? Number.MAX_SAFE_INTEGER;
  const start = (emit: (run: CopiedRun) => void) => new RunBuilder(range.afterSeq, range.runSize, emit, pool);
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

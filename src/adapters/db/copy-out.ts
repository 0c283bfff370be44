// `COPY (...) TO STDOUT (FORMAT binary)` on both engines, for the few reads too large for rows:
// `audit verify` reads every entry of the access log. The COPY data reaches the caller as it
// arrives, as raw bytes: no text decoding, no hex, no object per row (reading the log as rows or
// as aggregated text cost more than checking it; bench/access-log.ts).
//
// PostgreSQL: node-postgres hands each CopyData message (one row of the COPY) to the running
// query's handleCopyData, which passes it on; `pause` stops reading the socket, so a reader that
// falls behind holds back the server instead of buffering the whole log in memory. Errors (a bad
// statement, a failure halfway) reach node-postgres as usual and reject `done`; the connection stays usable.
// PGlite: the data is written to '/dev/blob' and handed over in one piece: the caller bounds it (LIMIT).
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface CopyOut {
  /** Settles when the COPY has ended (every piece delivered) or failed. */
  readonly done: Promise<void>;
  /** Stop delivering until resume(); what has arrived already may still be delivered. */
  pause(): void;
  resume(): void;
}

export type CopySink = (piece: Buffer) => void;

const isCopyToStdout = (sql: string) => /^COPY \(.*\) TO STDOUT \(FORMAT binary\)$/su.test(sql);

interface PgConnection {
  query(text: string): void;
  stream: { pause(): void; resume(): void };
}

/** A node-postgres "submittable": the client runs it like a query and calls these handlers. */
class PgCopyOut {
  readonly done: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;
  private connection: PgConnection | null = null;
  private failed: unknown = null;

  constructor(
    private readonly text: string,
    private readonly sink: CopySink,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: PgConnection): void {
    this.connection = connection;
    connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    if (this.failed) return;
    try {
      this.sink(message.chunk);
    } catch (error) {
      // The sink cannot take more: the rest of the COPY is read and dropped, then `done` rejects.
      this.failed = error;
      this.resume();
    }
  }

  // node-postgres drops the query on an error and does not call handleReadyForQuery after it.
  handleError(error: unknown): void {
    this.connection?.stream.resume();
    this.reject(this.failed ?? error);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (this.failed) this.reject(this.failed);
    else this.resolve();
  }

  pause(): void {
    this.connection?.stream.pause();
  }

  resume(): void {
    this.connection?.stream.resume();
  }
}

export function copyOutPostgres(client: pg.PoolClient, sql: string, sink: CopySink): CopyOut {
  if (!isCopyToStdout(sql)) throw new Error('copyOut takes COPY (...) TO STDOUT (FORMAT binary) only');
  const copy = new PgCopyOut(sql, sink);
  // The submittable form of query() is typed for pg's own Submittable; this one has its handlers.
  void client.query(copy as unknown as pg.Submittable);
  return { done: copy.done, pause: () => copy.pause(), resume: () => copy.resume() };
}

export function copyOutPglite(q: Pick<PGlite, 'query'>, sql: string, sink: CopySink): CopyOut {
  if (!isCopyToStdout(sql)) throw new Error('copyOut takes COPY (...) TO STDOUT (FORMAT binary) only');
  const done = (async () => {
    const result = await q.query(sql.replace(/TO STDOUT \(FORMAT binary\)$/u, "TO '/dev/blob' (FORMAT binary)"));
    if (!result.blob) throw new Error('COPY returned no data');
    sink(Buffer.from(await result.blob.arrayBuffer()));
  })();
  return { done, pause: () => undefined, resume: () => undefined };
}

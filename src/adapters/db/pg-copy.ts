// `COPY ... FROM STDIN` through node-postgres, which has no API of its own for it (pg-copy-streams
// is that API; this is the part of it the bulk import needs: one block of text per statement).
// COPY is how PostgreSQL takes rows fastest: no statement per batch to parse, no array parameters
// to unpack, and the rows go to the table (and its indexes, constraints and foreign keys, all
// checked as for an INSERT) in multi-row writes. The import of a million persons through
// INSERT ... SELECT FROM unnest(...) took 2.1 times as long as psql's \copy of the same rows.
import type pg from 'pg';

/** The messages of the copy sub-protocol node-postgres's connection sends (not in its typings). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** CopyData messages of at most this many bytes, as psql sends them; the server takes up to 1 GB. */
const MESSAGE_BYTES = 64 * 1024;

/**
 * A query object for `client.query`: node-postgres calls `submit` when the connection is free and
 * passes it the server's answers. The data goes out right behind the statement, without waiting
 * for the server's CopyInResponse: the caller can then prepare its next block while the server
 * reads this one. If the statement fails before it reads the data (a typo, a missing privilege),
 * the server drops the CopyData and CopyDone that follow, as the protocol specifies, and the
 * error is the query's. An error while reading (a unique violation) ends the query at once.
 */
class CopyFromText implements pg.Submittable {
  private settled = false;

  constructor(
    private readonly statement: string,
    private readonly data: Buffer,
    private readonly done: (error: Error | null) => void,
  ) {}

  submit(connection: pg.Connection): void {
    const copy = connection as unknown as CopyConnection;
    copy.query(this.statement);
    for (let at = 0; at < this.data.length; at += MESSAGE_BYTES) copy.sendCopyFromChunk(this.data.subarray(at, at + MESSAGE_BYTES));
    copy.endCopyFrom();
  }

  /** node-postgres forgets the query after an error: this is its end, no ReadyForQuery comes to it. */
  handleError(error: Error): void {
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.settle(null);
  }

  handleCopyInResponse(): void {}
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  private settle(error: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    this.done(error);
  }
}

/**
 * Runs `statement` (a COPY ... FROM STDIN) with `text` as its data, on `client`, in whatever
 * transaction the client is in. The statement is handed to the connection before this returns
 * (when the client is idle, as inside a transaction that awaits each statement).
 */
export function copyFromText(client: pg.ClientBase, statement: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.query(new CopyFromText(statement, Buffer.from(text, 'utf8'), (error) => (error ? reject(error) : resolve())));
  });
}

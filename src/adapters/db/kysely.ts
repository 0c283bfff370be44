// Type-checked queries inside the caller's transaction. `kyselyOf(tx)` gives a Kysely instance
// whose only connection is that transaction: a store's Kysely query and the use case's access-log
// append run on the same connection, in the same transaction, on both engines. Kysely never opens,
// commits or rolls back anything here: database.ts keeps that (and the SET LOCAL ROLE) for both
// engines, so the use cases' transaction semantics are exactly those of `tx.query`.
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Param, Row, Tx } from './database.ts';
import type { DB } from './schema.ts';

export type QueryDb = Kysely<DB>;

class TxConnection implements DatabaseConnection {
  constructor(private readonly tx: Tx) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Kysely's parameters are the values the typed builder accepted, i.e. the column types of schema.ts.
    const rows = await this.tx.query<Row>(compiled.sql, compiled.parameters as readonly Param[]);
    return { rows: rows as R[] };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported inside a transaction');
  }
}

/** Hands out the one transaction connection; refuses to nest a transaction of its own. */
class TxDriver implements Driver {
  private readonly connection: TxConnection;
  constructor(tx: Tx) {
    this.connection = new TxConnection(tx);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('the transaction belongs to database.ts: use Database.transaction');
  }
  async commitTransaction(): Promise<void> {
    throw new Error('the transaction belongs to database.ts');
  }
  async rollbackTransaction(): Promise<void> {
    throw new Error('the transaction belongs to database.ts');
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

const txDialect = (tx: Tx): Dialect => ({
  createAdapter: () => new PostgresAdapter(),
  createDriver: () => new TxDriver(tx),
  createIntrospector: (db) => new PostgresIntrospector(db),
  createQueryCompiler: () => new PostgresQueryCompiler(),
});

const instances = new WeakMap<Tx, QueryDb>();

/** The Kysely view of `tx`, made once per transaction and dropped with it. */
export function kyselyOf(tx: Tx): QueryDb {
  let db = instances.get(tx);
  if (!db) {
    db = new Kysely<DB>({ dialect: txDialect(tx) });
    instances.set(tx, db);
  }
  return db;
}

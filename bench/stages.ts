// Where the time of a load run goes: a Database wrapper that adds up, over every transaction,
// the wait for a connection with BEGIN (and SET LOCAL ROLE), the statements (the access-log append
// apart: it waits for the CPAS's chain head), and COMMIT with its WAL flush; and fastify hooks that
// time each route on the server, so that what is left (policy, sealing, rendering, HTTP) shows.
import type { FastifyInstance } from 'fastify';
import type { Database, Tx } from '../src/adapters/db/database.ts';
import { percentile } from './support.ts';

export interface Stages {
  transactions: number;
  statements: number;
  /** From asking for a transaction to its first statement: pool wait, BEGIN, SET LOCAL ROLE. */
  beginMs: number;
  /** Statements other than the append. */
  sqlMs: number;
  /** The access-log append (the statement that moves the head: it waits for the head's lock). */
  appendMs: number;
  /** The work between statements, in Node (policy, sealing), inside the transaction. */
  workMs: number;
  /** COMMIT: the WAL flush of a transaction that wrote, and the release of the head's lock. */
  commitMs: number;
  /** Time and count per statement text, to name the statements the time went to. */
  bySql: Map<string, { ms: number; count: number }>;
}

export const emptyStages = (): Stages => ({ transactions: 0, statements: 0, beginMs: 0, sqlMs: 0, appendMs: 0, workMs: 0, commitMs: 0, bySql: new Map() });

/** `db` with every transaction's stages added to `stages`. */
export function stagedDatabase(db: Database, stages: Stages): Database {
  const staged = <T>(run: (work: (tx: Tx) => Promise<T>) => Promise<T>, work: (tx: Tx) => Promise<T>): Promise<T> => {
    const asked = performance.now();
    let started = asked;
    let ended = asked;
    let inStatements = 0;
    return run(async (tx) => {
      started = performance.now();
      stages.beginMs += started - asked;
      const timed: Tx = {
        async query(sql, params) {
          const at = performance.now();
          try {
            return await tx.query(sql, params);
          } finally {
            const took = performance.now() - at;
            inStatements += took;
            stages.statements += 1;
            if (sql.includes('UPDATE access_log_head')) stages.appendMs += took;
            else stages.sqlMs += took;
            const entry = stages.bySql.get(sql) ?? { ms: 0, count: 0 };
            entry.ms += took;
            entry.count += 1;
            stages.bySql.set(sql, entry);
          }
        },
        script: (sql) => tx.script(sql),
        copyOut: (sql, sink) => tx.copyOut(sql, sink),
        // Forwarded as it is: without it an import in a bench would take the slower way PGlite takes.
        ...(tx.copyFrom ? { copyFrom: tx.copyFrom } : {}),
      };
      try {
        return await work(timed);
      } finally {
        ended = performance.now();
        stages.workMs += ended - started - inStatements;
      }
    }).finally(() => {
      stages.commitMs += performance.now() - ended;
      stages.transactions += 1;
    });
  };
  return {
    ...db,
    transaction: (work) => staged(db.transaction, work),
    ownerTransaction: (work) => staged(db.ownerTransaction, work),
    transactionAs: (role, work) => staged((w) => db.transactionAs(role, w), work),
  };
}

/** Server time per route (from the request's arrival to the reply sent), in ms. */
export function timeRoutes(app: FastifyInstance): Map<string, number[]> {
  const byRoute = new Map<string, number[]>();
  const started = new WeakMap<object, number>();
  app.addHook('onRequest', async (request) => void started.set(request, performance.now()));
  app.addHook('onResponse', async (request) => {
    const at = started.get(request);
    if (at === undefined) return;
    const route = `${request.method} ${request.routeOptions.url ?? '?'}`;
    const list = byRoute.get(route) ?? [];
    list.push(performance.now() - at);
    byRoute.set(route, list);
  });
  return byRoute;
}

/** Rows for printTable: per transaction, the mean of each stage. */
export function stageRows(label: string, s: Stages): (string | number)[] {
  const per = (ms: number) => (s.transactions ? ms / s.transactions : NaN);
  return [label, s.transactions, s.statements / Math.max(1, s.transactions), per(s.beginMs), per(s.sqlMs), per(s.appendMs), per(s.workMs), per(s.commitMs)];
}
export const STAGE_HEADER = ['', 'transactions', 'statements/tx', 'begin+pool', 'SQL', 'log append', 'Node in tx', 'commit'];

export function routeRows(byRoute: Map<string, number[]>): (string | number)[][] {
  return [...byRoute].map(([route, times]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return [route, sorted.length, percentile(sorted, 50), percentile(sorted, 99)];
  });
}

/** The statements that took the most time in all, with their mean. */
export function topStatements(s: Stages, n = 6): (string | number)[][] {
  const top = [...s.bySql].sort(([, a], [, b]) => b.ms - a.ms).slice(0, n);
  return [['statement', 'count', 'total ms', 'mean ms'], ...top.map(([sql, { ms, count }]) => [sql.replace(/\s+/g, ' ').slice(0, 90), count, ms, ms / count])];
}

// Every statement a workload sends, and whether each one keeps to one CPAS: the plan of every
// data statement is asked of the database (EXPLAIN, nothing executed) and every scan of a table
// distributed by cpas_id must constrain cpas_id itself. A query that reads persons by id alone
// would, on one server, rely on ids never colliding across CPAS; on Citus it would be sent to
// every shard; and a mistake in it (a missing filter) would hand one CPAS's rows to another.
import type { Database, Param, Tx } from '../adapters/db/database.ts';

export interface LoggedStatement {
  readonly sql: string;
  readonly params: readonly Param[];
}

/** The same database, with every statement its transactions send appended to `log`. */
export function recordingDatabase(db: Database, log: LoggedStatement[]): Database {
  const recording = (tx: Tx): Tx => ({
    query(sql, params = []) {
      log.push({ sql, params });
      return tx.query(sql, params);
    },
    script: (sql) => tx.script(sql),
    copyOut(sql, sink) {
      // The statement is the SELECT inside the COPY: that is what reads the rows and must filter them.
      log.push({ sql: sql.replace(/^COPY \((.*)\) TO STDOUT \(FORMAT binary\)$/su, '$1'), params: [] });
      return tx.copyOut(sql, sink);
    },
    // No copyFrom: the bulk import then writes with INSERT ... SELECT FROM unnest, a statement whose
    // plan can be asked (a COPY FROM has none) and whose rows carry their cpas_id the same way.
  });
  return {
    ...db,
    transaction: (work) => db.transaction((tx) => work(recording(tx))),
    ownerTransaction: (work) => db.ownerTransaction((tx) => work(recording(tx))),
    transactionAs: (role, work) => db.transactionAs(role, (tx) => work(recording(tx))),
  };
}

/** Statements whose plan is asked: reads and writes. SET LOCAL, ANALYZE and the like are not about rows. */
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

/** The scans that read a table's rows, and the plan fields that hold their conditions. */
const SCANS = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan', 'Tid Scan', 'Tid Range Scan', 'Sample Scan']);
const CONDITIONS = ['Index Cond', 'Filter', 'Recheck Cond', 'TID Cond'] as const;

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Alias'?: string;
  readonly Plans?: readonly PlanNode[];
  readonly [field: string]: unknown;
}

/** The conditions of a scan, with those of the bitmap index scans under it. */
function conditionsOf(node: PlanNode): string[] {
  const own = CONDITIONS.flatMap((field) => (typeof node[field] === 'string' ? [node[field] as string] : []));
  const bitmaps = node['Node Type'] === 'Bitmap Heap Scan' ? (node.Plans ?? []).flatMap((child) => (child['Node Type'].startsWith('Bitmap') ? conditionsOf(child) : [])) : [];
  return [...own, ...bitmaps];
}

/** `cpas_id = …` on the scanned table itself (qualified by its alias or not), never another table's. */
function constrainsCpas(node: PlanNode): boolean {
  const alias = (node.Alias ?? node['Relation Name'] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const own = new RegExp(`(^|[(\\s])(${alias}\\.)?cpas_id = |= (${alias}\\.)?cpas_id\\b`);
  return conditionsOf(node).some((condition) => own.test(condition));
}

/** The tables the plan scans without constraining cpas_id, among those not in `exempt`. */
export function unconstrainedScans(plan: PlanNode, exempt: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const walk = (node: PlanNode) => {
    const table = node['Relation Name'];
    if (SCANS.has(node['Node Type']) && table && !exempt.has(table) && !constrainsCpas(node)) found.push(table);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return found;
}

export interface TenantFinding {
  readonly sql: string;
  readonly tables: readonly string[];
}

/**
 * Plans each distinct data statement of `log` (with the parameters it was first sent with) and
 * returns those that scan a distributed table without constraining its cpas_id; `scanned` gets
 * every table a plan read, so that a caller can tell the workload reached the tables it meant.
 */
export async function statementsWithoutCpas(tx: Tx, log: readonly LoggedStatement[], exempt: ReadonlySet<string>, scanned = new Set<string>()): Promise<TenantFinding[]> {
  const findings: TenantFinding[] = [];
  const seen = new Set<string>();
  for (const { sql, params } of log) {
    if (seen.has(sql) || !DATA_STATEMENT.test(sql)) continue;
    seen.add(sql);
    const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (VERBOSE, FORMAT JSON) ${sql}`, params);
    const raw = row!['QUERY PLAN'];
    const plan = ((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0]!.Plan;
    const walk = (node: PlanNode) => {
      if (node['Relation Name']) scanned.add(node['Relation Name']);
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(plan);
    const tables = unconstrainedScans(plan, exempt);
    if (tables.length) findings.push({ sql, tables: [...new Set(tables)] });
  }
  return findings;
}

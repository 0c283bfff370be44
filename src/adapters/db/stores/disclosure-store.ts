// The disclosure projection: what a 46bis/1 answer carries about one person, read by the data-class
// catalogue and nothing else. For each category the assessment decided `disclose`, it reads the
// columns the catalogue classifies in that category, from the tables the disclosure role may read,
// and only the rows of that category (an address of kind "domicile" for domicile-address).
//
// It runs as the database role confiance_disclosure (migration 005), which has no grant on any
// table holding secret content. If a change to the catalogue or to this file ever put a social
// report, a case note or a sealed attachment in the plan, the query would fail with "permission
// denied" rather than copy it into a letter: the catalogue says what may go, the database makes
// sure nothing else can.
import { sql } from 'kysely';
import { CATALOGUE, type ColumnClass, tierOf } from '../../../domain/data-classes.ts';
import type { ItemCategory } from '../../../domain/requests/items.ts';
import type { CategoryData, FieldValue } from '../../../domain/requests/letter-content.ts';
import type { Database, Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

/** The tables confiance_disclosure may read (migration 005). The projection never looks elsewhere. */
export const DISCLOSURE_TABLES = ['person', 'person_address', 'household_member', 'application', 'decision', 'bcss_record'] as const;

/**
 * Columns not sent although classified in a disclosed category: person.search_name is a search key
 * derived from the names, not information. Not granted to the role either.
 */
export const NOT_SENT: Readonly<Record<string, readonly string[]>> = { person: ['search_name'] };

export interface TablePlan {
  readonly table: string;
  readonly columns: readonly string[];
  /** Rows whose `column` holds one of `values` (categories that depend on the row). */
  readonly rows: { readonly column: string; readonly values: readonly string[] } | null;
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

function classOf(table: string, column: string): ColumnClass {
  const cls = CATALOGUE[table]?.[column];
  if (!cls) throw new Error(`unclassified column ${table}.${column}`);
  return cls;
}

/** Which columns and rows hold `category`, table by table, from the catalogue. */
export function projectionPlan(category: ItemCategory): TablePlan[] {
  // Defence in depth: the assessment never decides `disclose` for a secret category (R10), and
  // even if it did, the plan of a secret category would be empty, not a query.
  if (tierOf(category) === 'secret') return [];
  const plans: TablePlan[] = [];
  for (const table of DISCLOSURE_TABLES) {
    const columns: string[] = [];
    let rows: TablePlan['rows'] = null;
    for (const column of Object.keys(CATALOGUE[table] ?? {})) {
      if (NOT_SENT[table]?.includes(column)) continue;
      const cls = classOf(table, column);
      if (cls.kind === 'personal' && cls.category === category) columns.push(column);
      if (cls.kind === 'personal-by-row') {
        const values = Object.entries(cls.categories).filter(([, c]) => c === category).map(([v]) => v);
        if (values.length === 0) continue;
        if (rows && rows.column !== cls.column) throw new Error(`${table}: two row discriminators for ${category}`);
        rows = { column: cls.column, values };
        columns.push(column);
      }
    }
    if (columns.length === 0) continue;
    for (const name of [table, ...columns, ...(rows ? [rows.column] : [])]) {
      if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${name}`);
    }
    plans.push({ table, columns, rows });
  }
  return plans;
}

/**
 * The plan names its table and columns from the catalogue at run time, so this query cannot be
 * typed column by column like the other stores'; the names pass the IDENTIFIER check above and are
 * quoted as identifiers (sql.table, sql.ref), the values are parameters.
 */
async function readPlan(tx: Tx, plan: TablePlan, cpasId: string, personId: string): Promise<Record<string, FieldValue>[]> {
  const rowFilter = plan.rows ? sql` AND ${sql.ref(plan.rows.column)} = ANY(${[...plan.rows.values]}::text[])` : sql``;
  const query = sql<Record<string, FieldValue>>`
    SELECT ${sql.join(plan.columns.map((c) => sql.ref(c)))} FROM ${sql.table(plan.table)}
    WHERE cpas_id = ${cpasId} AND person_id = ${personId}${rowFilter}
    ORDER BY ${sql.join(plan.columns.map((c) => sql`${sql.ref(c)} NULLS FIRST`))}`;
  return (await query.execute(kyselyOf(tx))).rows;
}

/** For each person, the data of each category to disclose; one transaction as confiance_disclosure. */
export async function projectDisclosure(
  db: Database,
  cpasId: string,
  personIds: readonly string[],
  categories: readonly ItemCategory[],
): Promise<Map<string, Partial<Record<ItemCategory, CategoryData>>>> {
  const plans = categories.map((category) => [category, projectionPlan(category)] as const);
  return db.transactionAs('confiance_disclosure', async (tx) => {
    const result = new Map<string, Partial<Record<ItemCategory, CategoryData>>>();
    for (const personId of personIds) {
      const data: Partial<Record<ItemCategory, CategoryData>> = {};
      for (const [category, tablePlans] of plans) {
        const tables: Record<string, Record<string, FieldValue>[]> = {};
        for (const plan of tablePlans) tables[plan.table] = await readPlan(tx, plan, cpasId, personId);
        data[category] = tables;
      }
      result.set(personId, data);
    }
    return result;
  });
}

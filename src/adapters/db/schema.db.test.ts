// The Kysely types of schema.ts against the migrated database: every table and column on both
// sides, with the same SQL type, nullability, default and allowed values. Without this test a
// migration could add, drop or change a column while the stores kept compiling against the old one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { type ColumnSpec, SCHEMA } from './schema.ts';

interface DbColumn {
  table: string;
  column: string;
  udt: string;
  nullable: boolean;
  hasDefault: boolean;
}

let t: TestDatabase;
let columns: DbColumn[];
/** table.column -> the values of a single-column CHECK (column = ANY (ARRAY[...])). */
let checkedValues: Map<string, string[]>;

before(async () => {
  t = await createTestDatabase();
  columns = await t.db.ownerTransaction((tx) =>
    tx.query<DbColumn & Record<string, unknown>>(
      `SELECT table_name AS "table", column_name AS "column", udt_name AS udt, is_nullable = 'YES' AS nullable,
              column_default IS NOT NULL AS "hasDefault"
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    ),
  );
  const checks = await t.db.ownerTransaction((tx) =>
    tx.query<{ table: string; column: string; definition: string }>(
      `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column", pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'c' AND cardinality(c.conkey) = 1 AND c.connamespace = 'public'::regnamespace`,
    ),
  );
  checkedValues = new Map();
  for (const check of checks) {
    // PostgreSQL prints `column IN ('a', 'b')` as `(column = ANY (ARRAY['a'::text, 'b'::text]))`,
    // and a list of one value as `(column = 'a'::text)`.
    const list =
      new RegExp(`^CHECK \\(\\(${check.column} = ANY \\(ARRAY\\[(.*)\\]\\)\\)\\)$`).exec(check.definition)?.[1] ??
      new RegExp(`^CHECK \\(\\(${check.column} = ('[^']*'::text)\\)\\)$`).exec(check.definition)?.[1];
    if (list) checkedValues.set(`${check.table}.${check.column}`, [...list.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!));
  }
});
after(() => t.drop());

const specs = (): [string, ColumnSpec][] =>
  Object.entries(SCHEMA).flatMap(([table, cols]) => Object.entries(cols as Record<string, ColumnSpec>).map(([c, spec]) => [`${table}.${c}`, spec] as [string, ColumnSpec]));

test('every column of the database is in schema.ts', () => {
  const declared = new Set(specs().map(([name]) => name));
  const missing = columns.map((c) => `${c.table}.${c.column}`).filter((name) => !declared.has(name));
  assert.deepEqual(missing, [], 'columns of the migrations missing from schema.ts');
});

test('every column of schema.ts exists with its SQL type, nullability and default', () => {
  const actual = new Map(columns.map((c) => [`${c.table}.${c.column}`, c]));
  const wrong: string[] = [];
  for (const [name, spec] of specs()) {
    const column = actual.get(name);
    if (!column) wrong.push(`${name}: not in the database`);
    else if (column.udt !== spec.type) wrong.push(`${name}: ${column.udt} in the database, ${spec.type} in schema.ts`);
    else if (column.nullable !== spec.nullable) wrong.push(`${name}: nullable ${column.nullable} in the database`);
    else if (column.hasDefault !== spec.hasDefault) wrong.push(`${name}: default ${column.hasDefault} in the database`);
  }
  assert.deepEqual(wrong, []);
});

test('a column typed as a list of values has exactly the values its CHECK allows, and every such CHECK is typed', () => {
  const wrong: string[] = [];
  for (const [name, spec] of specs()) {
    const allowed = checkedValues.get(name);
    if (spec.values === null) {
      if (allowed) wrong.push(`${name}: CHECK allows ${allowed.join(', ')}, schema.ts says any text`);
    } else if (!allowed || [...spec.values].sort().join() !== [...allowed].sort().join()) {
      wrong.push(`${name}: schema.ts allows ${spec.values.join(', ')}, CHECK allows ${allowed?.join(', ') ?? 'anything'}`);
    }
  }
  assert.deepEqual(wrong, []);
  // The parser above found the lists it checks: a change of PostgreSQL's printing would otherwise pass silently.
  assert.ok(checkedValues.size >= 20, `only ${checkedValues.size} CHECK lists parsed`);
});

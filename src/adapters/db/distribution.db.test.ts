// The schema stays distributable by CPAS (docs/scaling.md): every table but the listed reference
// and local ones has a NOT NULL cpas_id, and every primary key, unique constraint or index and
// foreign key of those tables includes it. Otherwise Citus could not place a CPAS's rows on one
// shard, and a key shared across CPAS would let one CPAS's data constrain (and reveal) another's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { DISTRIBUTION_COLUMN, LOCAL_TABLES, REFERENCE_TABLES } from './distribution.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t?.drop());

const NOT_DISTRIBUTED = new Set([...Object.keys(REFERENCE_TABLES), ...Object.keys(LOCAL_TABLES)]);

interface KeyRow extends Record<string, unknown> {
  table_name: string;
  name: string;
  kind: string;
  columns: string[] | string;
}

const asList = (value: string[] | string): string[] => (Array.isArray(value) ? value : value.replace(/[{}]/g, '').split(',').filter(Boolean));

test('every distributed table has a NOT NULL cpas_id; the exceptions are listed and exist', async () => {
  const tables = await t.db.ownerTransaction((tx) =>
    tx.query<{ table_name: string; has_key: boolean }>(
      `SELECT c.relname AS table_name,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = $1 AND a.attnotnull AND NOT a.attisdropped) AS has_key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
      [DISTRIBUTION_COLUMN],
    ),
  );
  const names = tables.map((r) => r.table_name);
  assert.ok(names.length > 20, `the migrated schema (${names.length} tables)`);
  for (const exception of NOT_DISTRIBUTED) assert.ok(names.includes(exception), `${exception} is listed but does not exist`);
  const missing = tables.filter((r) => !NOT_DISTRIBUTED.has(r.table_name) && !r.has_key).map((r) => r.table_name);
  assert.deepEqual(missing, [], 'tables without a NOT NULL cpas_id');
});

test('every primary key, unique constraint or index and foreign key of a distributed table includes cpas_id', async () => {
  const keys = await t.db.ownerTransaction((tx) =>
    tx.query<KeyRow>(
      `SELECT cl.relname AS table_name, co.conname AS name, co.contype::text AS kind,
              ARRAY(SELECT a.attname::text FROM unnest(co.conkey) k JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k) AS columns
       FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
       WHERE n.nspname = 'public' AND co.contype IN ('p', 'u', 'f')
       UNION ALL
       SELECT cl.relname, ic.relname, 'index',
              ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k)
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class cl ON cl.oid = i.indrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
       WHERE n.nspname = 'public' AND i.indisunique`,
    ),
  );
  assert.ok(keys.length > 40, `the keys of the schema (${keys.length})`);
  const offending = keys
    .filter((k) => !NOT_DISTRIBUTED.has(k.table_name) && !asList(k.columns).includes(DISTRIBUTION_COLUMN))
    .map((k) => `${k.table_name}.${k.name} (${k.kind}: ${asList(k.columns).join(', ')})`);
  assert.deepEqual(offending, [], 'keys that do not include cpas_id');
});

test('docs/scaling.md names every reference and local table with the same reason', () => {
  const doc = readFileSync(new URL('../../../docs/scaling.md', import.meta.url), 'utf8');
  for (const table of NOT_DISTRIBUTED) assert.ok(doc.includes(`\`${table}\``), `docs/scaling.md does not name ${table}`);
});

// The database role of the disclosure projection, on the engine under test: it holds exactly the
// grants the data-class catalogue allows (keys and administrative columns of six tables), and it
// gets "permission denied" on every other table, above all on every table that can hold a secret.
// PGlite runs as a superuser, so this also proves that SET LOCAL ROLE drops the privileges there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE, mayHoldSecret, tierOf, type ColumnClass } from '../../domain/data-classes.ts';
import { ITEM_CATEGORIES } from '../../domain/requests/items.ts';
import { addTestCpas, testContext } from '../../testing/fixtures.ts';
import { seedPersonFile } from '../../testing/requests.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { DISCLOSURE_TABLES, NOT_SENT, projectDisclosure, projectionPlan } from './stores/disclosure-store.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.drop());

/** What the role may read, derived from the catalogue: keys and administrative-tier columns of the disclosure tables. */
function expectedGrant(table: string, column: string, cls: ColumnClass): boolean {
  if (!(DISCLOSURE_TABLES as readonly string[]).includes(table) || NOT_SENT[table]?.includes(column)) return false;
  if (cls.kind === 'system') return cls.role === 'key';
  if (cls.kind === 'personal') return tierOf(cls.category) === 'administrative';
  return Object.values(cls.categories).every((c) => tierOf(c) === 'administrative');
}

test('the role may SELECT exactly the columns the catalogue allows, and write nothing', async () => {
  const wrong: string[] = [];
  await t.db.ownerTransaction(async (tx) => {
    for (const [table, columns] of Object.entries(CATALOGUE)) {
      for (const [column, cls] of Object.entries(columns)) {
        const [row] = await tx.query<{ ok: boolean }>(`SELECT has_column_privilege('confiance_disclosure', $1, $2, 'SELECT') AS ok`, [table, column]);
        if (row!.ok !== expectedGrant(table, column, cls)) wrong.push(`${table}.${column}: ${row!.ok}`);
      }
      for (const privilege of ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) {
        const [row] = await tx.query<{ ok: boolean }>(`SELECT has_table_privilege('confiance_disclosure', $1, $2) AS ok`, [table, privilege]);
        if (row!.ok) wrong.push(`${table}: ${privilege}`);
      }
    }
  });
  assert.deepEqual(wrong, []);
});

const outsideTables = () => Object.keys(CATALOGUE).filter((t) => !(DISCLOSURE_TABLES as readonly string[]).includes(t));

test('permission denied on every table that can hold a secret, and on every other table outside the six', async () => {
  const secretTables = Object.entries(CATALOGUE).filter(([table, cols]) => Object.keys(cols).some((c) => mayHoldSecret(table, c))).map(([table]) => table);
  assert.ok(secretTables.length >= 5, `secret tables: ${secretTables.join(', ')}`);
  for (const table of ['social_report', 'case_note', 'medical_document', 'piis', 'attachment']) assert.ok(secretTables.includes(table), table);
  const tables = [...new Set([...secretTables, ...outsideTables()])];
  for (const table of tables) {
    await assert.rejects(
      t.db.transactionAs('confiance_disclosure', (tx) => tx.query(`SELECT * FROM ${table} LIMIT 1`)),
      (error: { code?: string; message?: string }) => error.code === '42501' && /permission denied/.test(error.message ?? ''),
      table,
    );
  }
});

test('a column outside the grant is denied even on a granted table', async () => {
  for (const [table, column] of [['person', 'search_name'], ['person', '*']] as const) {
    await assert.rejects(t.db.transactionAs('confiance_disclosure', (tx) => tx.query(`SELECT ${column} FROM ${table}`)), { code: '42501' }, `${table}.${column}`);
  }
  await assert.rejects(
    t.db.transactionAs('confiance_disclosure', (tx) => tx.query(`INSERT INTO bcss_record (cpas_id, record_id, person_id, source, received_on, content) VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'x', '2026-01-01', 'x')`)),
    { code: '42501' },
  );
});

test('the projection plan comes from the catalogue: nothing for a secret category, only the six tables otherwise', () => {
  for (const category of ITEM_CATEGORIES) {
    const plans = projectionPlan(category);
    if (tierOf(category) === 'secret') {
      assert.deepEqual(plans, [], category);
      continue;
    }
    assert.ok(plans.length > 0, `${category} is read from somewhere`);
    for (const plan of plans) {
      assert.ok((DISCLOSURE_TABLES as readonly string[]).includes(plan.table), `${category}: ${plan.table}`);
      for (const column of plan.columns) {
        const cls = CATALOGUE[plan.table]![column]!;
        const categories = cls.kind === 'personal' ? [cls.category] : cls.kind === 'personal-by-row' ? plan.rows!.values.map((v) => cls.categories[v]) : [];
        assert.deepEqual([...new Set(categories)], [category], `${plan.table}.${column} is classified ${category}`);
      }
    }
  }
  assert.deepEqual(projectionPlan('domicile-address'), [{ table: 'person_address', columns: projectionPlan('known-addresses')[0]!.columns, rows: { column: 'kind', values: ['domicile'] } }]);
});

test('every administrative category can be projected as the role, on a full file', async () => {
  const ctx = testContext(t.db);
  const namur = await addTestCpas(t.db, 'namur');
  const person = await seedPersonFile(ctx, namur);
  const administrative = ITEM_CATEGORIES.filter((c) => tierOf(c) === 'administrative');
  const data = (await projectDisclosure(t.db, namur.cpasId, [person.personId], administrative)).get(person.personId)!;
  assert.deepEqual(Object.keys(data).sort(), [...administrative].sort());
  assert.equal(data['known-addresses']?.person_address?.[0]?.street, 'Rue des Brasseurs');
  assert.equal(data['household-composition']?.household_member?.[0]?.given_names, 'Léa');
  assert.match(String(data['decision-motivation']?.decision?.[0]?.motivation), /Conditions légales/);
  assert.equal(data['bcss-data']?.bcss_record?.[0]?.source, 'ONEM');
  assert.ok(!JSON.stringify(data).includes('CANARY'));
});

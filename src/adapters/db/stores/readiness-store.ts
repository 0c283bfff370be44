// What `/readyz` asks the database: is it there, and does it hold every migration this code needs?
// A server on an older schema would fail on its first write; one on a database nobody migrated
// would fail on every request. Both are told to the load balancer before any user meets them.
import type { Tx } from '../database.ts';
import { listMigrations } from '../migrate.ts';

/** Names of the migrations of this build that the database has not applied (none when current). */
export async function pendingMigrationNames(tx: Tx): Promise<string[]> {
  const [table] = await tx.query<{ present: boolean }>(`SELECT to_regclass('schema_migration') IS NOT NULL AS present`);
  if (!table?.present) return listMigrations().map((m) => m.name);
  const applied = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migration')).map((r) => r.name));
  return listMigrations().map((m) => m.name).filter((name) => !applied.has(name));
}

/** The migrations the database has applied, in order (a backup's manifest names them). */
export async function appliedMigrationNames(tx: Tx): Promise<string[]> {
  return (await tx.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name')).map((r) => r.name);
}

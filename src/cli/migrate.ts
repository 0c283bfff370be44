import { databaseConfigFromEnv, openDatabase } from '../adapters/db/database.ts';
import { migrate } from '../adapters/db/migrate.ts';
import { ensureLogPartitions } from '../app/prune-access-log.ts';

export async function runMigrate(): Promise<number> {
  const db = await openDatabase(databaseConfigFromEnv());
  try {
    const applied = await migrate(db);
    // The access log's partitions of the month in progress and the coming ones (019_access_log_partitions.sql).
    const partitions = await ensureLogPartitions(db, new Date());
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'database is up to date\n');
    if (partitions.length) process.stdout.write(`access-log partitions created: ${partitions.join(', ')}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

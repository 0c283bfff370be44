import { databaseConfigFromEnv, openDatabase } from '../adapters/db/database.ts';
import { migrate } from '../adapters/db/migrate.ts';
import { readArgs } from './args.ts';

export async function runMigrate(args: string[]): Promise<number> {
  readArgs('migrate', args);
  const db = await openDatabase(databaseConfigFromEnv());
  try {
    const applied = await migrate(db);
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'database is up to date\n');
    return 0;
  } finally {
    await db.close();
  }
}

// The wrapped data keys of each CPAS (table cpas_data_key): read by the secret box, re-wrapped and
// versioned by the master-key rotation. Keys are stored wrapped under a master key only.
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export interface WrappedDataKey {
  cpasId: string;
  keyVersion: number;
  masterKeyId: string;
  wrappedKey: Buffer;
}

const COLUMNS = ['cpas_id as cpasId', 'key_version as keyVersion', 'master_key_id as masterKeyId', 'wrapped_key as wrappedKey'] as const;

export async function latestDataKey(tx: Tx, cpasId: string): Promise<WrappedDataKey | null> {
  const row = await kyselyOf(tx)
    .selectFrom('cpas_data_key')
    .select(COLUMNS)
    .where('cpas_id', '=', cpasId)
    .orderBy('key_version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function dataKeyOfVersion(tx: Tx, cpasId: string, version: number): Promise<WrappedDataKey | null> {
  const row = await kyselyOf(tx)
    .selectFrom('cpas_data_key')
    .select(COLUMNS)
    .where('cpas_id', '=', cpasId)
    .where('key_version', '=', version)
    .executeTakeFirst();
  return row ?? null;
}

/** Inserts a key version; false when another transaction inserted that version first. */
export async function insertDataKey(tx: Tx, key: WrappedDataKey): Promise<boolean> {
  const inserted = await kyselyOf(tx)
    .insertInto('cpas_data_key')
    .values({ cpas_id: key.cpasId, key_version: key.keyVersion, master_key_id: key.masterKeyId, wrapped_key: key.wrappedKey })
    .onConflict((oc) => oc.doNothing())
    .returning('key_version')
    .execute();
  return inserted.length > 0;
}

/** Every data key, locked until the end of the transaction (a rotation re-wraps them all or none). */
export function lockAllDataKeys(tx: Tx): Promise<WrappedDataKey[]> {
  return kyselyOf(tx)
    .selectFrom('cpas_data_key')
    .select(COLUMNS)
    .orderBy('cpas_id')
    .orderBy('key_version')
    .forUpdate()
    .execute();
}

export async function rewrapDataKey(tx: Tx, key: WrappedDataKey): Promise<void> {
  await kyselyOf(tx)
    .updateTable('cpas_data_key')
    .set({ master_key_id: key.masterKeyId, wrapped_key: key.wrappedKey })
    .where('cpas_id', '=', key.cpasId)
    .where('key_version', '=', key.keyVersion)
    .execute();
}

export async function countDataKeysByMasterKey(tx: Tx): Promise<Record<string, number>> {
  const counts = await kyselyOf(tx)
    .selectFrom('cpas_data_key')
    .select((eb) => ['master_key_id', eb.fn.countAll<number>().as('n')])
    .groupBy('master_key_id')
    .orderBy('master_key_id')
    .execute();
  return Object.fromEntries(counts.map((c) => [c.master_key_id, c.n]));
}

export function latestDataKeyVersions(tx: Tx): Promise<{ cpasId: string; version: number }[]> {
  return kyselyOf(tx)
    .selectFrom('cpas_data_key')
    .select((eb) => ['cpas_id as cpasId', eb.fn.max('key_version').as('version')])
    .groupBy('cpas_id')
    .orderBy('cpas_id')
    .execute();
}

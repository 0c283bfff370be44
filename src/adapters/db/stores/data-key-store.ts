// The wrapped data keys of each CPAS (table cpas_data_key): read by the secret box, re-wrapped and
// versioned by the master-key rotation. Keys are stored wrapped under a master key only.
import type { Tx } from '../database.ts';

export interface WrappedDataKey {
  cpasId: string;
  keyVersion: number;
  masterKeyId: string;
  wrappedKey: Buffer;
}

const COLUMNS = 'cpas_id AS "cpasId", key_version AS "keyVersion", master_key_id AS "masterKeyId", wrapped_key AS "wrappedKey"';

export async function latestDataKey(tx: Tx, cpasId: string): Promise<WrappedDataKey | null> {
  const [row] = await tx.query<WrappedDataKey & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM cpas_data_key WHERE cpas_id = $1 ORDER BY key_version DESC LIMIT 1`, [cpasId]);
  return row ?? null;
}

export async function dataKeyOfVersion(tx: Tx, cpasId: string, version: number): Promise<WrappedDataKey | null> {
  const [row] = await tx.query<WrappedDataKey & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM cpas_data_key WHERE cpas_id = $1 AND key_version = $2`, [cpasId, version]);
  return row ?? null;
}

/** Inserts a key version; false when another transaction inserted that version first. */
export async function insertDataKey(tx: Tx, key: WrappedDataKey): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO cpas_data_key (cpas_id, key_version, master_key_id, wrapped_key) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING key_version`,
    [key.cpasId, key.keyVersion, key.masterKeyId, key.wrappedKey],
  );
  return inserted.length > 0;
}

/** Every data key, locked until the end of the transaction (a rotation re-wraps them all or none). */
export function lockAllDataKeys(tx: Tx): Promise<WrappedDataKey[]> {
  return tx.query<WrappedDataKey & Record<string, unknown>>(`SELECT ${COLUMNS} FROM cpas_data_key ORDER BY cpas_id, key_version FOR UPDATE`);
}

export async function rewrapDataKey(tx: Tx, key: WrappedDataKey): Promise<void> {
  await tx.query('UPDATE cpas_data_key SET master_key_id = $3, wrapped_key = $4 WHERE cpas_id = $1 AND key_version = $2',
    [key.cpasId, key.keyVersion, key.masterKeyId, key.wrappedKey]);
}

export async function countDataKeysByMasterKey(tx: Tx): Promise<Record<string, number>> {
  const counts = await tx.query<{ master_key_id: string; n: number }>(
    'SELECT master_key_id, count(*)::int AS n FROM cpas_data_key GROUP BY master_key_id ORDER BY master_key_id');
  return Object.fromEntries(counts.map((c) => [c.master_key_id, c.n]));
}

export function latestDataKeyVersions(tx: Tx): Promise<{ cpasId: string; version: number }[]> {
  return tx.query<{ cpasId: string; version: number }>(
    'SELECT cpas_id AS "cpasId", max(key_version)::int AS version FROM cpas_data_key GROUP BY cpas_id ORDER BY cpas_id');
}

// Master-key rotation: every CPAS data key is unwrapped with the master key that wraps it and
// wrapped again under the current master key, in one owner transaction. The data keys themselves
// do not change, so no secret field is re-encrypted and running servers keep working with the
// data keys they hold. The old master key must stay readable until every data key is re-wrapped
// and every server has restarted: removing it earlier makes the data keys it wraps unreadable.
import { unwrapDataKey, wrapDataKey, newDataKey } from '../adapters/crypto/envelope.ts';
import type { MasterKeyRing } from '../adapters/crypto/master-keys.ts';
import type { Database } from '../adapters/db/database.ts';
import { DomainError } from '../domain/errors.ts';

type KeyRow = { cpas_id: string; key_version: number; master_key_id: string; wrapped_key: Buffer };

export interface RotationReport {
  readonly currentId: string;
  readonly rewrapped: number;
  /** Data keys per master key id after the rotation: all under currentId when it succeeded. */
  readonly byMasterKey: Readonly<Record<string, number>>;
}

/** Re-wraps every data key not yet under the ring's current master key. All or nothing. */
export async function rewrapDataKeys(db: Database, ring: MasterKeyRing): Promise<RotationReport> {
  return db.ownerTransaction(async (tx) => {
    const rows = await tx.query<KeyRow>('SELECT cpas_id, key_version, master_key_id, wrapped_key FROM cpas_data_key ORDER BY cpas_id, key_version FOR UPDATE');
    const current = ring.get(ring.currentId);
    let rewrapped = 0;
    for (const row of rows.filter((r) => r.master_key_id !== ring.currentId)) {
      let old: Buffer;
      try {
        old = ring.get(row.master_key_id);
      } catch {
        throw new DomainError('invalid-state', `master key "${row.master_key_id}" (wrapping a data key of CPAS ${row.cpas_id}) is not in the key ring: restore it before rotating`);
      }
      const dataKey = unwrapDataKey(old, row.wrapped_key, row.cpas_id, row.key_version);
      const wrapped = wrapDataKey(current, dataKey, row.cpas_id, row.key_version);
      // Prove the new wrapping opens to the same key before the old one is overwritten.
      if (!unwrapDataKey(current, wrapped, row.cpas_id, row.key_version).equals(dataKey)) throw new Error('re-wrapped data key does not open');
      dataKey.fill(0);
      await tx.query('UPDATE cpas_data_key SET master_key_id = $3, wrapped_key = $4 WHERE cpas_id = $1 AND key_version = $2',
        [row.cpas_id, row.key_version, ring.currentId, wrapped]);
      rewrapped += 1;
    }
    const counts = await tx.query<{ master_key_id: string; n: number }>('SELECT master_key_id, count(*)::int AS n FROM cpas_data_key GROUP BY master_key_id ORDER BY master_key_id');
    return { currentId: ring.currentId, rewrapped, byMasterKey: Object.fromEntries(counts.map((c) => [c.master_key_id, c.n])) };
  });
}

/**
 * Adds a new data-key version to every CPAS that has one, wrapped under the current master key.
 * New secret fields are sealed with it (the highest version); older fields keep opening with
 * their own version, which each sealed value names. Nothing is re-encrypted.
 */
export async function addDataKeyVersions(db: Database, ring: MasterKeyRing): Promise<{ cpasId: string; version: number }[]> {
  return db.ownerTransaction(async (tx) => {
    const latest = await tx.query<{ cpas_id: string; version: number }>(
      'SELECT cpas_id, max(key_version)::int AS version FROM cpas_data_key GROUP BY cpas_id ORDER BY cpas_id',
    );
    const added: { cpasId: string; version: number }[] = [];
    for (const { cpas_id, version } of latest) {
      const next = version + 1;
      const key = newDataKey();
      await tx.query('INSERT INTO cpas_data_key (cpas_id, key_version, master_key_id, wrapped_key) VALUES ($1, $2, $3, $4)',
        [cpas_id, next, ring.currentId, wrapDataKey(ring.get(ring.currentId), key, cpas_id, next)]);
      key.fill(0);
      added.push({ cpasId: cpas_id, version: next });
    }
    return added;
  });
}

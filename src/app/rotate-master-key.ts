// Master-key rotation: every CPAS data key is unwrapped with the master key that wraps it and
// wrapped again under the current master key, in one owner transaction. The data keys themselves
// do not change, so no secret field is re-encrypted and running servers keep working with the
// data keys they hold. The old master key must stay readable until every data key is re-wrapped
// and every server has restarted: removing it earlier makes the data keys it wraps unreadable.
import { unwrapDataKey, wrapDataKey, newDataKey } from '../adapters/crypto/envelope.ts';
import type { MasterKeyRing } from '../adapters/crypto/master-keys.ts';
import type { Database } from '../adapters/db/database.ts';
import {
  countDataKeysByMasterKey, insertDataKey, latestDataKeyVersions, lockAllDataKeys, rewrapDataKey,
} from '../adapters/db/stores/data-key-store.ts';
import { DomainError } from '../domain/errors.ts';

export interface RotationReport {
  readonly currentId: string;
  readonly rewrapped: number;
  /** Data keys per master key id after the rotation: all under currentId when it succeeded. */
  readonly byMasterKey: Readonly<Record<string, number>>;
}

/** Re-wraps every data key not yet under the ring's current master key. All or nothing. */
export async function rewrapDataKeys(db: Database, ring: MasterKeyRing): Promise<RotationReport> {
  return db.ownerTransaction(async (tx) => {
    const rows = await lockAllDataKeys(tx);
    const current = ring.get(ring.currentId);
    let rewrapped = 0;
    for (const row of rows.filter((r) => r.masterKeyId !== ring.currentId)) {
      let old: Buffer;
      try {
        old = ring.get(row.masterKeyId);
      } catch {
        throw new DomainError('invalid-state', `master key "${row.masterKeyId}" (wrapping a data key of CPAS ${row.cpasId}) is not in the key ring: restore it before rotating`);
      }
      const dataKey = unwrapDataKey(old, row.wrappedKey, row.cpasId, row.keyVersion);
      const wrapped = wrapDataKey(current, dataKey, row.cpasId, row.keyVersion);
      // Prove the new wrapping opens to the same key before the old one is overwritten.
      if (!unwrapDataKey(current, wrapped, row.cpasId, row.keyVersion).equals(dataKey)) throw new Error('re-wrapped data key does not open');
      dataKey.fill(0);
      await rewrapDataKey(tx, { ...row, masterKeyId: ring.currentId, wrappedKey: wrapped });
      rewrapped += 1;
    }
    return { currentId: ring.currentId, rewrapped, byMasterKey: await countDataKeysByMasterKey(tx) };
  });
}

/**
 * Adds a new data-key version to every CPAS that has one, wrapped under the current master key.
 * New secret fields are sealed with it (the highest version); older fields keep opening with
 * their own version, which each sealed value names. Nothing is re-encrypted.
 */
export async function addDataKeyVersions(db: Database, ring: MasterKeyRing): Promise<{ cpasId: string; version: number }[]> {
  return db.ownerTransaction(async (tx) => {
    const added: { cpasId: string; version: number }[] = [];
    for (const { cpasId, version } of await latestDataKeyVersions(tx)) {
      const next = version + 1;
      const key = newDataKey();
      const wrappedKey = wrapDataKey(ring.get(ring.currentId), key, cpasId, next);
      key.fill(0);
      // The rotation holds the owner transaction; a concurrent insert of this version is a bug, not a race to absorb.
      if (!(await insertDataKey(tx, { cpasId, keyVersion: next, masterKeyId: ring.currentId, wrappedKey }))) throw new Error('data key version exists already');
      added.push({ cpasId, version: next });
    }
    return added;
  });
}

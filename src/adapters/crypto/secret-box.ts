// Seals and opens the secret fields of one CPAS with its current data key, creating the key on
// first use. Unwrapped data keys are cached in memory only; the database holds them wrapped.
import type { Tx } from '../db/database.ts';
import { countDataKeysByMasterKey, dataKeyOfVersion, insertDataKey, latestDataKey, type WrappedDataKey } from '../db/stores/data-key-store.ts';
import {
  type SealedPlace, keyVersionOf, macKeyVersionOf, macWithDataKey, newDataKey, openWithDataKey, sameMac, sealWithDataKey, unwrapDataKey, wrapDataKey,
} from './envelope.ts';
import type { MasterKeyRing } from './master-keys.ts';

export interface SecretBox {
  seal(tx: Tx, place: SealedPlace, plaintext: string | Buffer): Promise<Buffer>;
  open(tx: Tx, place: SealedPlace, sealed: Buffer): Promise<Buffer>;
  openText(tx: Tx, place: SealedPlace, sealed: Buffer): Promise<string>;
  /** A keyed digest of `data` under the CPAS's current data key (see macWithDataKey). */
  mac(tx: Tx, cpasId: string, label: string, data: Buffer): Promise<Buffer>;
  /** Whether `mac` is the keyed digest of `data` with this label, under the data-key version it names. */
  verifyMac(tx: Tx, cpasId: string, label: string, data: Buffer, mac: Buffer): Promise<boolean>;
  /** Forgets unwrapped keys (after a rotation, or in tests). */
  forget(): void;
  /** Ids of the master keys that wrap a data key in the database but are not in the key ring (readiness). */
  missingMasterKeys(tx: Tx): Promise<string[]>;
}

export function createSecretBox(masterKeys: MasterKeyRing): SecretBox {
  const cache = new Map<string, Buffer>();
  const cacheKey = (cpasId: string, version: number) => `${cpasId}/${version}`;

  const unwrap = (row: WrappedDataKey) => {
    const key = unwrapDataKey(masterKeys.get(row.masterKeyId), row.wrappedKey, row.cpasId, row.keyVersion);
    cache.set(cacheKey(row.cpasId, row.keyVersion), key);
    return key;
  };

  async function currentKey(tx: Tx, cpasId: string): Promise<{ version: number; key: Buffer }> {
    const row = await latestDataKey(tx, cpasId);
    if (row) return { version: row.keyVersion, key: cache.get(cacheKey(cpasId, row.keyVersion)) ?? unwrap(row) };
    const key = newDataKey();
    const wrappedKey = wrapDataKey(masterKeys.get(masterKeys.currentId), key, cpasId, 1);
    if (!(await insertDataKey(tx, { cpasId, keyVersion: 1, masterKeyId: masterKeys.currentId, wrappedKey }))) return currentKey(tx, cpasId);
    cache.set(cacheKey(cpasId, 1), key);
    return { version: 1, key };
  }

  async function keyOfVersion(tx: Tx, cpasId: string, version: number): Promise<Buffer> {
    const cached = cache.get(cacheKey(cpasId, version));
    if (cached) return cached;
    const row = await dataKeyOfVersion(tx, cpasId, version);
    if (!row) throw new Error(`data key version ${version} of this CPAS is missing`);
    return unwrap(row);
  }

  return {
    async seal(tx, place, plaintext) {
      const { version, key } = await currentKey(tx, place.cpasId);
      return sealWithDataKey(key, version, Buffer.isBuffer(plaintext) ? plaintext : Buffer.from(plaintext, 'utf8'), place);
    },
    async open(tx, place, sealed) {
      return openWithDataKey(await keyOfVersion(tx, place.cpasId, keyVersionOf(sealed)), sealed, place);
    },
    async openText(tx, place, sealed) {
      return (await this.open(tx, place, sealed)).toString('utf8');
    },
    async mac(tx, cpasId, label, data) {
      const { version, key } = await currentKey(tx, cpasId);
      return macWithDataKey(key, version, cpasId, label, data);
    },
    async verifyMac(tx, cpasId, label, data, mac) {
      const version = macKeyVersionOf(mac);
      return sameMac(mac, macWithDataKey(await keyOfVersion(tx, cpasId, version), version, cpasId, label, data));
    },
    forget: () => cache.clear(),
    async missingMasterKeys(tx) {
      const held = (id: string) => {
        try {
          return masterKeys.get(id).length > 0;
        } catch {
          return false;
        }
      };
      return Object.keys(await countDataKeysByMasterKey(tx)).filter((id) => !held(id));
    },
  };
}

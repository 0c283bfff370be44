// Envelope encryption of secret content. Each CPAS has a random 256-bit data key; the database
// stores it only wrapped (AES-256-GCM) by a master key that lives outside the database (a file
// or an environment variable). Secret fields are sealed with the data key and bound, through the
// GCM additional data, to their place (CPAS, table, column, record): a ciphertext copied into
// another person's file does not open.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + 4 + IV_BYTES + TAG_BYTES;

export interface SealedPlace {
  cpasId: string;
  table: string;
  column: string;
  recordId: string;
}

const aadOf = (place: SealedPlace) => Buffer.from(`${place.cpasId}/${place.table}/${place.column}/${place.recordId}`, 'utf8');

function gcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; body: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), body };
}

function gcmOpen(key: Buffer, iv: Buffer, tag: Buffer, body: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** Sealed value layout: format (1) | data-key version (4) | iv (12) | tag (16) | ciphertext. */
export function sealWithDataKey(dataKey: Buffer, keyVersion: number, plaintext: Buffer, place: SealedPlace): Buffer {
  const { iv, tag, body } = gcmSeal(dataKey, plaintext, aadOf(place));
  const header = Buffer.alloc(5);
  header.writeUInt8(FORMAT, 0);
  header.writeUInt32BE(keyVersion, 1);
  return Buffer.concat([header, iv, tag, body]);
}

export function keyVersionOf(sealed: Buffer): number {
  if (sealed.length < HEADER_BYTES || sealed.readUInt8(0) !== FORMAT) throw new Error('not a sealed value');
  return sealed.readUInt32BE(1);
}

export function openWithDataKey(dataKey: Buffer, sealed: Buffer, place: SealedPlace): Buffer {
  keyVersionOf(sealed);
  const iv = sealed.subarray(5, 5 + IV_BYTES);
  const tag = sealed.subarray(5 + IV_BYTES, HEADER_BYTES);
  return gcmOpen(dataKey, iv, tag, sealed.subarray(HEADER_BYTES), aadOf(place));
}

/** Wrapped key layout: iv (12) | tag (16) | wrapped key (32). Bound to the CPAS and key version. */
export function wrapDataKey(masterKey: Buffer, dataKey: Buffer, cpasId: string, keyVersion: number): Buffer {
  const { iv, tag, body } = gcmSeal(masterKey, dataKey, Buffer.from(`data-key/${cpasId}/${keyVersion}`));
  return Buffer.concat([iv, tag, body]);
}

export function unwrapDataKey(masterKey: Buffer, wrapped: Buffer, cpasId: string, keyVersion: number): Buffer {
  const iv = wrapped.subarray(0, IV_BYTES);
  const tag = wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  return gcmOpen(masterKey, iv, tag, wrapped.subarray(IV_BYTES + TAG_BYTES), Buffer.from(`data-key/${cpasId}/${keyVersion}`));
}

export const newDataKey = () => randomBytes(32);

/**
 * A keyed digest (HMAC-SHA-256) under a key derived (HKDF) from a CPAS data key, so it is kept,
 * wrapped and rotated like the data keys. Unlike a plain digest, it cannot be recomputed by someone
 * holding only the database to confirm a guessed document. Layout: data-key version (4) | MAC (32).
 */
export function macWithDataKey(dataKey: Buffer, keyVersion: number, cpasId: string, label: string, data: Buffer): Buffer {
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `mac/${cpasId}/${keyVersion}/${label}`, 32));
  const version = Buffer.alloc(4);
  version.writeUInt32BE(keyVersion, 0);
  return Buffer.concat([version, createHmac('sha256', macKey).update(data).digest()]);
}

export const MAC_BYTES = 4 + 32;
export const macKeyVersionOf = (mac: Buffer): number => {
  if (mac.length !== MAC_BYTES) throw new Error('not a keyed digest');
  return mac.readUInt32BE(0);
};

export const sameMac = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

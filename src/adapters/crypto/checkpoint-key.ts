// The Ed25519 key that signs access-log checkpoints. It lives outside the database, like the
// master keys: someone who can rewrite the database (a DBA, a stolen backup restored elsewhere)
// must not also be able to sign a rewritten history.
//   CONFIANCE_CHECKPOINT_KEY        PKCS8 PEM, or base64 of the 32-byte Ed25519 seed, or
//   CONFIANCE_KEY_DIR/checkpoint-ed25519.pem   (default ./keys), created on first use.
//   CONFIANCE_CHECKPOINT_KEY_NAME   the signed-note key name (default confiance.example/checkpoint).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertKeyName, type VerifierKey, verifierKeyOf } from '../../domain/checkpoint.ts';

export const CHECKPOINT_KEY_FILE = 'checkpoint-ed25519.pem';
export const DEFAULT_CHECKPOINT_KEY_NAME = 'confiance.example/checkpoint';

export interface CheckpointSigner {
  readonly name: string;
  readonly publicKey: Buffer;
  readonly verifierKey: VerifierKey;
  sign(message: Buffer): Buffer;
}

/** PKCS8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function privateKeyOf(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return createPrivateKey(trimmed);
  const seed = Buffer.from(trimmed, 'base64');
  if (seed.length !== 32) throw new Error('CONFIANCE_CHECKPOINT_KEY must be a PKCS8 PEM or base64 of a 32-byte Ed25519 seed');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function signerOf(privateKey: KeyObject, name: string): CheckpointSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the checkpoint key must be an Ed25519 key');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = Buffer.from(jwk.x ?? '', 'base64url');
  return {
    name: assertKeyName(name),
    publicKey,
    verifierKey: verifierKeyOf(name, publicKey),
    sign: (message) => sign(null, message, privateKey),
  };
}

export const checkpointKeyPath = (env: NodeJS.ProcessEnv = process.env) => join(env.CONFIANCE_KEY_DIR || './keys', CHECKPOINT_KEY_FILE);

/**
 * The signer, or null when no key exists and `create` is false (verification must not invent a
 * key: a missing key is reported, not replaced).
 */
export function loadCheckpointSigner(env: NodeJS.ProcessEnv = process.env, options: { create: boolean } = { create: true }): CheckpointSigner | null {
  const name = env.CONFIANCE_CHECKPOINT_KEY_NAME || DEFAULT_CHECKPOINT_KEY_NAME;
  if (env.CONFIANCE_CHECKPOINT_KEY) return signerOf(privateKeyOf(env.CONFIANCE_CHECKPOINT_KEY), name);
  const path = checkpointKeyPath(env);
  if (!existsSync(path)) {
    if (!options.create) return null;
    mkdirSync(env.CONFIANCE_KEY_DIR || './keys', { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  }
  return signerOf(privateKeyOf(readFileSync(path, 'utf8')), name);
}

// Checkpoints of the access log in the C2SP formats (c2sp.org/tlog-checkpoint inside a
// c2sp.org/signed-note), so that standard transparency-log tooling can read them:
//
//   confiance.example/namur/access-log      origin: which chain
//   5000                                    tree size: the number of entries covered
//   q5Kx...=                                root hash: base64 of the chain hash after entry 5000
//                                           blank line
//   — confiance.example/checkpoint AbCd...  signature line(s): base64(4-byte key id || Ed25519 signature)
//
// The root is the head of the hash chain, not an RFC 6962 Merkle root: the log is a chain.
// Pure: formatting, parsing and verification. The private key stays in the crypto adapter.
import { createHash, createPublicKey, verify } from 'node:crypto';

export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Buffer;
}

export interface NoteSignature {
  readonly keyName: string;
  readonly keyId: Buffer;
  readonly signature: Buffer;
}

/** A public key as a verifier knows it: name, 4-byte key id and the raw 32-byte Ed25519 key. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: Buffer;
  readonly publicKey: Buffer;
}

export interface ParsedNote {
  readonly checkpoint: Checkpoint;
  /** The signed text: the body lines including the final newline, without the blank line. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
}

const ED25519_TYPE = 0x01;
const DASH = '\u2014 ';
/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const checkpointOrigin = (originPrefix: string, cpasCode: string) => `${originPrefix}/${cpasCode}/access-log`;

export function assertKeyName(name: string): string {
  // Signed-note key names: non-empty, no spaces, no '+' (the verifier-key separator).
  if (!name || /[\s+]/u.test(name)) throw new CheckpointFormatError(`key name "${name}" must be non-empty, without spaces or "+"`);
  return name;
}

/** key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4] (c2sp.org/signed-note). */
export function ed25519KeyId(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, ED25519_TYPE])).update(publicKey).digest().subarray(0, 4);
}

export function verifierKeyOf(name: string, publicKey: Buffer): VerifierKey {
  if (publicKey.length !== 32) throw new CheckpointFormatError('an Ed25519 public key has 32 bytes');
  return { name: assertKeyName(name), keyId: ed25519KeyId(name, publicKey), publicKey };
}

/** The verifier-key text, `<name>+<hex key id>+<base64(0x01 || public key)>`, as Go's note package writes it. */
export function formatVerifierKey(key: VerifierKey): string {
  return `${key.name}+${key.keyId.toString('hex')}+${Buffer.concat([Buffer.from([ED25519_TYPE]), key.publicKey]).toString('base64')}`;
}

/**
 * The key data is standard base64, which has '+' in it for about half of all keys: only the first
 * two '+' separate (as Go's note.NewVerifier cuts them). Splitting on every '+' refused those keys,
 * so the DPO's archived .vkey could not verify anything.
 */
const VERIFIER_KEY = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/;

export function parseVerifierKey(text: string): VerifierKey {
  const parts = VERIFIER_KEY.exec(text.trim());
  if (!parts) throw new CheckpointFormatError('verifier key must look like name+hexid+base64key');
  const [, name, hexId, b64] = parts as unknown as [string, string, string, string];
  const encoded = Buffer.from(b64, 'base64');
  if (encoded.length !== 33 || encoded[0] !== ED25519_TYPE || encoded.toString('base64') !== b64) throw new CheckpointFormatError('verifier key is not an Ed25519 key');
  const key = verifierKeyOf(name, encoded.subarray(1));
  if (key.keyId.toString('hex') !== hexId) throw new CheckpointFormatError('verifier key id does not match its key');
  return key;
}

export function checkpointText(checkpoint: Checkpoint): string {
  if (!Number.isSafeInteger(checkpoint.treeSize) || checkpoint.treeSize < 0) throw new CheckpointFormatError('tree size must be a non-negative integer');
  if (checkpoint.rootHash.length !== 32) throw new CheckpointFormatError('root hash must have 32 bytes');
  if (!checkpoint.origin || /[\s\u2014]/u.test(checkpoint.origin)) throw new CheckpointFormatError('origin must be non-empty, without spaces');
  return `${checkpoint.origin}\n${checkpoint.treeSize}\n${checkpoint.rootHash.toString('base64')}\n`;
}

/** Signs a note text (ending in a newline) with one key: text, blank line, signature line. */
export function signNote(text: string, signer: { name: string; publicKey: Buffer; sign(message: Buffer): Buffer }): string {
  if (!text.endsWith('\n')) throw new CheckpointFormatError('a note text ends with a newline');
  const signature = signer.sign(Buffer.from(text, 'utf8'));
  if (signature.length !== 64) throw new CheckpointFormatError('an Ed25519 signature has 64 bytes');
  const keyId = ed25519KeyId(assertKeyName(signer.name), signer.publicKey);
  return `${text}\n${DASH}${signer.name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

/** Formats and signs a checkpoint. `sign` is the private-key operation (Ed25519), kept in the adapter. */
export const signCheckpoint = (checkpoint: Checkpoint, signer: { name: string; publicKey: Buffer; sign(message: Buffer): Buffer }): string =>
  signNote(checkpointText(checkpoint), signer);

const strictBase64 = (text: string): Buffer | null => {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
};

export function parseSignedNote(note: string): { text: string; signatures: NoteSignature[] } {
  // The spec forbids control characters other than newline.
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new CheckpointFormatError('a signed note holds no control characters');
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new CheckpointFormatError('no blank line before the signatures');
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line): NoteSignature => {
      if (!line.startsWith(DASH)) throw new CheckpointFormatError('a signature line starts with an em dash and a space');
      const [keyName, b64, ...rest] = line.slice(DASH.length).split(' ');
      const bytes = b64 ? strictBase64(b64) : null;
      if (!keyName || !bytes || bytes.length < 5 || rest.length > 0) throw new CheckpointFormatError('malformed signature line');
      return { keyName, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) };
    });
  return { text: note.slice(0, split + 1), signatures };
}

export function parseCheckpointText(text: string): Checkpoint {
  const [origin, size, root] = text.slice(0, -1).split('\n');
  if (!origin || !size || !root) throw new CheckpointFormatError('a checkpoint has an origin, a tree size and a root hash line');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size)) throw new CheckpointFormatError('tree size is not a decimal number');
  const rootHash = strictBase64(root);
  if (!rootHash || rootHash.length !== 32) throw new CheckpointFormatError('root hash is not base64 of 32 bytes');
  return { origin, treeSize: Number(size), rootHash };
}

export function parseSignedCheckpoint(note: string): ParsedNote {
  const { text, signatures } = parseSignedNote(note);
  return { checkpoint: parseCheckpointText(text), text, signatures };
}

/**
 * Verifies a signed note against one trusted key: a signature by that key (name and id) must be
 * present and valid. Signatures by other keys are ignored, as the spec requires. Returns the text.
 */
export function verifyNote(note: string, key: VerifierKey): { ok: true; text: string } | { ok: false; reason: string } {
  let parsed: { text: string; signatures: NoteSignature[] };
  try {
    parsed = parseSignedNote(note);
  } catch (error) {
    return { ok: false, reason: `not a signed note (${(error as Error).message})` };
  }
  const ours = parsed.signatures.filter((s) => s.keyName === key.name && s.keyId.equals(key.keyId));
  if (ours.length === 0) return { ok: false, reason: `not signed by key ${key.name}` };
  const publicKey = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, key.publicKey]), format: 'der', type: 'spki' });
  const message = Buffer.from(parsed.text, 'utf8');
  if (!ours.every((s) => s.signature.length === 64 && verify(null, message, publicKey, s.signature))) {
    return { ok: false, reason: `signature by ${key.name} does not verify (forged or altered checkpoint)` };
  }
  return { ok: true, text: parsed.text };
}

export type CheckpointCheck = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string };

export function verifyCheckpoint(note: string, key: VerifierKey): CheckpointCheck {
  const verified = verifyNote(note, key);
  if (!verified.ok) return verified;
  try {
    return { ok: true, checkpoint: parseCheckpointText(verified.text) };
  } catch (error) {
    return { ok: false, reason: `signed, but not a checkpoint (${(error as Error).message})` };
  }
}

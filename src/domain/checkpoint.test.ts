// The checkpoint format against the reference example of Go's golang.org/x/mod/sumdb/note (the
// origin of C2SP signed-note), byte for byte, so any standard tool can verify our checkpoints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import {
  checkpointOrigin, formatVerifierKey, parseSignedCheckpoint, parseVerifierKey, signCheckpoint, signNote, verifyCheckpoint, verifyNote,
} from './checkpoint.ts';

const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
/** The private key of the example: base64 of 0x01 || 32-byte seed (after "PRIVATE+KEY+PeterNeumann+c74f20a3+"). */
const SKEY_B64 = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const SIGNED = `${TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const exampleSigner = () =>
  loadCheckpointSigner({ CONFIANCE_CHECKPOINT_KEY: Buffer.from(SKEY_B64, 'base64').subarray(1).toString('base64'), CONFIANCE_CHECKPOINT_KEY_NAME: 'PeterNeumann' })!;

test('key id, verifier key and signature match the reference example', () => {
  const signer = exampleSigner();
  assert.equal(formatVerifierKey(signer.verifierKey), VKEY);
  assert.equal(parseVerifierKey(VKEY).keyId.toString('hex'), 'c74f20a3');
  assert.equal(signNote(TEXT, signer), SIGNED);
  assert.deepEqual(verifyNote(SIGNED, parseVerifierKey(VKEY)), { ok: true, text: TEXT });
});

test('a checkpoint round-trips and verifies; any change to it does not', () => {
  const signer = loadCheckpointSigner({ CONFIANCE_CHECKPOINT_KEY: Buffer.alloc(32, 9).toString('base64') })!;
  const rootHash = Buffer.alloc(32, 0xab);
  const note = signCheckpoint({ origin: checkpointOrigin('confiance.example', 'namur'), treeSize: 5000, rootHash }, signer);
  assert.match(note, /^confiance\.example\/namur\/access-log\n5000\nq6ur[^\n]+=\n\n\u2014 confiance\.example\/checkpoint [A-Za-z0-9+/]{91}=\n$/);
  const parsed = parseSignedCheckpoint(note);
  assert.equal(parsed.checkpoint.treeSize, 5000);
  assert.ok(parsed.checkpoint.rootHash.equals(rootHash));
  assert.equal(verifyCheckpoint(note, signer.verifierKey).ok, true);

  const altered = note.replace('\n5000\n', '\n4999\n');
  assert.match((verifyCheckpoint(altered, signer.verifierKey) as { reason: string }).reason, /does not verify/);
  const other = loadCheckpointSigner({ CONFIANCE_CHECKPOINT_KEY: Buffer.alloc(32, 1).toString('base64') })!;
  assert.match((verifyCheckpoint(note, other.verifierKey) as { reason: string }).reason, /does not verify|not signed/);
  assert.equal(verifyCheckpoint('garbage', signer.verifierKey).ok, false);
});

test('malformed checkpoints are refused, not half-read', () => {
  const signer = loadCheckpointSigner({ CONFIANCE_CHECKPOINT_KEY: Buffer.alloc(32, 9).toString('base64') })!;
  for (const text of ['origin\n007\n' + Buffer.alloc(32).toString('base64') + '\n', 'origin\n7\nnot-base64\n', 'origin\n7\n']) {
    const check = verifyCheckpoint(signNote(text, signer), signer.verifierKey);
    assert.equal(check.ok, false, text);
  }
  assert.throws(() => parseVerifierKey('name+zzzz+abc'));
  assert.throws(() => parseVerifierKey(`${VKEY}+extra`), /not an Ed25519 key/);
});

test("a verifier key whose base64 holds '+' round-trips (about half of all keys)", () => {
  const signer = loadCheckpointSigner({ CONFIANCE_CHECKPOINT_KEY: Buffer.alloc(32, 11).toString('base64') })!;
  const text = formatVerifierKey(signer.verifierKey);
  assert.ok(text.split('+').length > 3, text);
  const parsed = parseVerifierKey(`${text}\n`);
  assert.ok(parsed.publicKey.equals(signer.publicKey));
  assert.equal(parsed.name, signer.name);
});

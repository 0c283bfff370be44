// One-time codes (account activation, confirmation of a secret-opening role): 20 characters from
// an alphabet without look-alikes (100 bits), shown once, stored as a SHA-256 hash. The entropy,
// not the hash, makes guessing useless; the login lock bounds attempts anyway.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newOneTimeCode(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** Hash of a code as typed: case, spaces and dashes do not matter. */
export function hashOneTimeCode(typed: string): string {
  return createHash('sha256').update(typed.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}

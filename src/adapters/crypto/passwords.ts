// Staff passwords: argon2id with the library's defaults (memory-hard; ~10 ms here).
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);
export const verifyPassword = (stored: string, password: string): Promise<boolean> => verify(stored, password).catch(() => false);
/** A hash of nothing, verified against when the account does not exist, so timing does not tell. */
export const DUMMY_HASH_INPUT = 'confiance-no-such-account';

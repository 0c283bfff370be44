// The canonical text of an access-log entry and the chain arithmetic. Pure: the database adapter
// stores exactly this text and these hashes; `audit verify` recomputes them.
//   entry_hash = SHA-256(0x00 || text)        chain_hash = SHA-256(previous chain || entry_hash)
// An entry records who, why, what kind of access, on whom, which data classes and which rule:
// never a value read or written.
import * as crypto from 'node:crypto';
import type { AccessRule } from './access-policy.ts';
import type { ItemCategory } from './data-classes.ts';
import type { Purpose } from './purposes.ts';
import type { Role } from './roles.ts';

// 'disclosure': a worker recorded, from the file, what they disclosed (or refused) after the guide
// « Puis-je parler ? »; 'disclose' is the register's signed answer to an authority.
export const LOG_ACTIONS = ['read', 'search', 'create', 'update', 'export', 'disclose', 'import', 'read-log', 'break-glass', 'disclosure'] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

export interface AccessLogDraft {
  readonly cpasId: string;
  readonly userId: string | null;
  readonly roles: readonly Role[];
  readonly purpose: Purpose;
  readonly action: LogAction;
  readonly personId: string | null;
  readonly classes: readonly ItemCategory[];
  readonly outcome: 'allowed' | 'denied';
  readonly rule: AccessRule | 'operation';
  /** Counts and identifiers only (result counts, record ids, search criteria kinds): never content. */
  readonly details?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /**
   * 'person' when the person themself acted, through the citizen portal (userId is then null and
   * roles empty). Absent for staff and system entries, whose canonical text is unchanged by it.
   */
  readonly actorKind?: 'person';
}

export const GENESIS = Buffer.alloc(32);

function canonicalFields(draft: AccessLogDraft, seq: number, at: Date) {
  const details = draft.details ? Object.fromEntries(Object.entries(draft.details).sort(([a], [b]) => a.localeCompare(b))) : {};
  return {
    v: 1,
    cpas: draft.cpasId,
    seq,
    at: at.toISOString(),
    user: draft.userId,
    roles: [...draft.roles].sort(),
    purpose: draft.purpose,
    action: draft.action,
    person: draft.personId,
    classes: [...new Set(draft.classes)].sort(),
    outcome: draft.outcome,
    rule: draft.rule,
    details,
    // Last, and only for the person's own entries: every staff entry keeps its exact text.
    ...(draft.actorKind ? { actor: draft.actorKind } : {}),
  };
}

/** The exact text that is hashed and stored. Key order is fixed here, not left to an object. */
export function canonicalEntry(draft: AccessLogDraft, seq: number, at: Date): string {
  return JSON.stringify(canonicalFields(draft, seq, at));
}

/**
 * The canonical text around its seq: canonicalEntry(draft, seq, at) === prefix + String(seq) + suffix
 * for every positive integer seq. The database appends with these two halves, because only the
 * statement that moves the chain head knows the seq (access-log-store.ts).
 */
export function canonicalEntryAroundSeq(draft: AccessLogDraft, at: Date): { prefix: string; suffix: string } {
  const { v, cpas, seq: _seq, ...rest } = canonicalFields(draft, 0, at);
  return { prefix: `${JSON.stringify({ v, cpas }).slice(0, -1)},"seq":`, suffix: `,${JSON.stringify(rest).slice(1)}` };
}

// One-shot hashing (node:crypto `hash`, Node >= 20.12) where available: no Hash object per call,
// which is most of the cost for inputs this small, and `audit verify` hashes twice per entry.
const sha256: (data: string | Buffer) => Buffer = typeof crypto.hash === 'function'
  ? (data) => crypto.hash('sha256', data, 'buffer')
  : (data) => crypto.createHash('sha256').update(data).digest();

/** SHA-256(0x00 || UTF-8 text): '\u0000' is the single byte 0x00 in UTF-8. */
export const entryHash = (text: string): Buffer => sha256(`\u0000${text}`);
/** SHA-256 of bytes that already start with the 0x00 of an entry hash (a text read as bytes, in place). */
export const entryHashOfPrefixed = (zeroAndText: Uint8Array): Buffer => sha256(zeroAndText as Buffer);

// The two halves of a chain link are copied into one buffer kept for the purpose: `audit verify`
// computes this once per entry, and a fresh 64-byte buffer each time cost more than the copy.
const link = Buffer.alloc(64);

export function chainHash(previous: Buffer, entry: Buffer): Buffer {
  if (previous.length !== 32 || entry.length !== 32) return sha256(Buffer.concat([previous, entry], 64));
  previous.copy(link, 0);
  entry.copy(link, 32);
  return sha256(link);
}

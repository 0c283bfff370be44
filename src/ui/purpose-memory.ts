// The purpose a user chose for a file, kept on the server for a short while so it never travels
// in a URL: the purpose form posts it, the file page (GET, reloadable) finds it here. Keyed by a
// hash of the session and the person id; forgotten at log-out, after a quarter of an hour without
// use, or when memory is full. Every view of the file is still logged with this purpose.
import { createHash } from 'node:crypto';
import type { Purpose } from '../domain/purposes.ts';

export const PURPOSE_TTL_MINUTES = 15;
const MAX_ENTRIES = 50_000;

const sessionKey = (sessionId: string) => createHash('sha256').update(sessionId).digest('base64url');

export class PurposeMemory {
  private readonly entries = new Map<string, { purpose: Purpose; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(sessionId: string, personId: string, purpose: Purpose): void {
    const key = `${sessionKey(sessionId)}:${personId}`;
    this.entries.delete(key);
    this.entries.set(key, { purpose, until: this.now() + PURPOSE_TTL_MINUTES * 60_000 });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The purpose, if still fresh; each use extends it. */
  recall(sessionId: string, personId: string): Purpose | null {
    const key = `${sessionKey(sessionId)}:${personId}`;
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    this.remember(sessionId, personId, entry.purpose);
    return entry.purpose;
  }

  forgetSession(sessionId: string): void {
    const prefix = `${sessionKey(sessionId)}:`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

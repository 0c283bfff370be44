// Until when a break-glass grant opened in this session lets its holder read a file, so the file
// page can say so ("emergency access until 10:42"). The database decides whether the grant is
// live (case-relation-store.ts); this only remembers the time to show, for the grant's own hour,
// keyed like PurposeMemory by a hash of the session and the person id. A restart forgets: the page
// then says the access is limited without giving the time.
import { createHash } from 'node:crypto';

const MAX_ENTRIES = 10_000;
const sessionKey = (sessionId: string) => createHash('sha256').update(sessionId).digest('base64url');

export class BreakGlassMemory {
  private readonly entries = new Map<string, Date>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(sessionId: string, personId: string, expiresAt: Date): void {
    const key = `${sessionKey(sessionId)}:${personId}`;
    this.entries.delete(key);
    this.entries.set(key, expiresAt);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  recall(sessionId: string, personId: string): Date | null {
    const key = `${sessionKey(sessionId)}:${personId}`;
    const until = this.entries.get(key);
    if (!until) return null;
    if (until.getTime() <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return until;
  }

  forgetSession(sessionId: string): void {
    const prefix = `${sessionKey(sessionId)}:`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

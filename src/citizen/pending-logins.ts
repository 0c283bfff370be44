// Log-ins under way: what the portal must remember between sending the browser to the identity
// provider and its return (state, nonce, PKCE verifier), keyed by a random id in a short-lived
// cookie. Single use: taking an entry removes it, so a callback cannot be replayed. In memory, as
// the staff pages' purpose memory: one process serves the pages, and a restart only means logging
// in again.
import { randomBytes } from 'node:crypto';
import type { PendingLogin } from '../adapters/oidc/oidc-client.ts';

export const PENDING_LOGIN_MINUTES = 10;

export class PendingLogins {
  private readonly entries = new Map<string, { pending: PendingLogin; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  put(pending: PendingLogin): string {
    const id = randomBytes(24).toString('base64url');
    this.entries.set(id, { pending, at: this.now() });
    // Bounded memory: the oldest log-ins under way go first.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return id;
  }

  take(id: string | undefined): PendingLogin | null {
    if (!id) return null;
    const entry = this.entries.get(id);
    this.entries.delete(id);
    if (!entry || entry.at < this.now() - PENDING_LOGIN_MINUTES * 60_000) return null;
    return entry.pending;
  }
}

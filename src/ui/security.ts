// Browser-facing protections of the pages: the Content-Security-Policy and companion headers, a
// constant-time token comparison (shared with the API), and the per-address limit on failed log-ins.

/**
 * Everything from this origin only, no inline script or style, no framing, forms post back here
 * only. A script injected into a page despite the escaping would still not run.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  // A link out of a file must not tell the other site which file (person id) was open.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export { sameToken } from '../http/auth.ts';

/**
 * Counts failed log-ins per client address in a sliding window. The account lockout stops
 * guessing one account's password; this stops one machine trying a password on many accounts.
 * Only failures count, so a whole office behind one address is not locked out by its own log-ins.
 * In memory: one process serves the UI; a restart forgets, which the account lockout covers.
 */
export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  isBlocked(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  recordFailure(key: string, now = Date.now()): void {
    const kept = this.recent(key, now);
    this.failures.delete(key);
    this.failures.set(key, [...kept, now]);
    // Bounded memory: the least recently failing address goes first.
    if (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }
}

export const LOGIN_FAILURE_LIMIT = { failures: 20, windowMinutes: 10 };

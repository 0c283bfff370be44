// Browser-facing protections of the pages: the Content-Security-Policy and companion headers, a
// constant-time token comparison (shared with the API). The per-address limit on log-ins is the
// API's (src/http/rate-limit.ts), kept in the database.

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

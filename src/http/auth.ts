// Resolves the actor of an HTTP request: a bearer API token, or the session cookie. With a
// cookie, unsafe methods also need the session's CSRF token (header or form field), so another
// site cannot make a logged-in browser write to a file.
import type { FastifyRequest } from 'fastify';
import { authenticateToken, resumeSession } from '../app/authenticate.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../domain/roles.ts';
import { timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'confiance_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Constant-time comparison of two secret tokens (CSRF, log-in form). Compared as bytes: a token
 * with non-ASCII characters has as many characters as the real one but more bytes, and
 * timingSafeEqual throws on buffers of different lengths.
 */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authenticateToken(ctx, authorization.slice(7).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await resumeSession(ctx, cookie);
  if (!session) return null;
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    const field = (request.body as { _csrf?: unknown } | undefined)?._csrf;
    const sent = typeof header === 'string' ? header : typeof field === 'string' ? field : undefined;
    if (!sameToken(sent, session.csrfToken)) return null;
  }
  return session.actor;
}

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

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authenticateToken(ctx, authorization.slice(7).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await resumeSession(ctx, cookie);
  if (!session) return null;
  if (!SAFE_METHODS.has(request.method)) {
    const sent = (request.headers['x-csrf-token'] as string | undefined) ?? (request.body as { _csrf?: string } | undefined)?._csrf;
    if (!sent || !sameText(sent, session.csrfToken)) return null;
  }
  return session.actor;
}

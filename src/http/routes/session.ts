import { z } from 'zod';
import { createApiToken, logIn, logOut } from '../../app/authenticate.ts';
import type { AppContext } from '../../app/context.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { forgetAttemptsOf, LOGIN_ROUTE } from '../rate-limit.ts';
import { actorOf, type Api, errors } from './common.ts';

export function registerSessionRoutes(api: Api, ctx: AppContext): void {
  api.post('/session', {
    config: { public: true, rateLimit: LOGIN_ROUTE },
    schema: {
      tags: ['session'],
      summary: 'Log in with "user@cpas" and password; sets the session cookie and returns the CSRF token',
      body: z.object({ login: z.string().min(3).max(100), password: z.string().min(1).max(200) }).strict(),
      response: { 200: z.object({ csrfToken: z.string(), expiresAt: z.string(), roles: z.array(z.string()) }), ...errors, 423: errors[400], 429: errors[400] },
    },
  }, async (request, reply) => {
    const { login, password } = request.body;
    const session = await logIn(ctx, login, password);
    await forgetAttemptsOf(ctx, request);
    reply.setCookie(SESSION_COOKIE, session.sessionId, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', expires: session.expiresAt,
    });
    return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString(), roles: [...session.actor.roles] };
  });

  api.delete('/session', { schema: { tags: ['session'], summary: 'Log out', response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await logOut(ctx, cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  api.post('/tokens', {
    schema: {
      tags: ['session'],
      summary: 'Issue an API token for the current user (shown once)',
      body: z.object({ label: z.string().trim().min(1).max(100) }).strict(),
      response: { 201: z.object({ token: z.string(), expiresAt: z.string() }), ...errors },
    },
  }, async (request, reply) => {
    const { token, expiresAt } = await createApiToken(ctx, actorOf(request), request.body.label);
    return reply.code(201).send({ token, expiresAt: expiresAt.toISOString() });
  });
}

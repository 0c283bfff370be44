// Log in and log out. The log-in form carries a pre-session token (double-submit cookie), so
// another site cannot log a browser into an account of its choosing; attempts count per client
// address, with the API's (src/http/rate-limit.ts), on top of the per-account lockout.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_LIMITS, logIn, logOut } from '../../app/authenticate.ts';
import { DomainError } from '../../domain/errors.ts';
import { SESSION_COOKIE } from '../../http/auth.ts';
import { forgetAttemptsOf, LOGIN_ROUTE } from '../../http/rate-limit.ts';
import type { FieldErrors } from '../components.ts';
import { asForm, formText } from '../forms.ts';
import { loginPage } from '../pages/login.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, uiOf, urlText } from '../request.ts';
import { sameToken } from '../security.ts';

const LOGIN_TOKEN_COOKIE = 'confiance_login';

function issueLoginToken(request: FastifyRequest, reply: FastifyReply): string {
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(LOGIN_TOKEN_COOKIE, token, { path: '/login', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
  return token;
}

export function registerSessionRoutes(ui: FastifyInstance, deps: UiDeps): void {
  const showForm = (request: FastifyRequest, reply: FastifyReply, login: string, errors: FieldErrors, status: number, notice: string | null = null) =>
    sendPage(request, reply, loginPage(uiOf(request).t, { login, formToken: issueLoginToken(request, reply), errors, notice }), status);

  ui.get('/login', { config: { anonymous: true } }, async (request, reply) => {
    const { t, session } = uiOf(request);
    if (session) return reply.redirect('/', 303);
    const reason = { session: urlText(request, 'query', 'session'), out: urlText(request, 'query', 'out'), activated: urlText(request, 'query', 'activated') };
    const notice = reason.session === 'expired'
      ? t.t('login.expired', { minutes: AUTH_LIMITS.idleMinutes })
      : reason.out === '1' ? t.t('login.loggedOut') : reason.activated === '1' ? t.t('activate.done') : null;
    return showForm(request, reply, '', {}, 200, notice);
  });

  ui.post('/login', {
    config: { anonymous: true, rateLimit: LOGIN_ROUTE },
    // Too many attempts from this address: the form again, saying so; no password is checked.
    errorHandler: (error, request, reply) => {
      if (!(error instanceof DomainError && error.code === 'rate-limited')) throw error;
      const login = formText(asForm(request.body), 'login').trim();
      return showForm(request, reply, login, { login: { id: 'login', message: uiOf(request).t.t('login.rateLimited') } }, 429);
    },
  }, async (request, reply) => {
    const { t } = uiOf(request);
    const body = asForm(request.body);
    const login = formText(body, 'login').trim();
    const password = formText(body, 'password');
    if (!sameToken(formText(body, '_csrf'), request.cookies[LOGIN_TOKEN_COOKIE])) {
      return showForm(request, reply, login, { login: { id: 'login', message: t.t('login.formExpired') } }, 400);
    }
    const missing: Record<string, { id: string; message: string }> = {};
    if (!login) missing.login = { id: 'login', message: t.t('login.missingLogin') };
    if (!password) missing.password = { id: 'password', message: t.t('login.missingPassword') };
    if (Object.keys(missing).length > 0) return showForm(request, reply, login, missing, 400);
    try {
      const session = await logIn(deps.ctx, login, password);
      await forgetAttemptsOf(deps.ctx, request);
      reply.clearCookie(LOGIN_TOKEN_COOKIE, { path: '/login' });
      reply.setCookie(SESSION_COOKIE, session.sessionId, {
        path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', expires: session.expiresAt,
      });
      return seeOther(reply, '/');
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'unauthenticated' && error.code !== 'account-locked')) throw error;
      const message = error.code === 'account-locked' ? t.t('login.locked') : t.t('login.failed');
      return showForm(request, reply, login, { login: { id: 'login', message } }, error.code === 'account-locked' ? 423 : 401);
    }
  });

  ui.post('/logout', async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      await logOut(deps.ctx, cookie);
      deps.purposes.forgetSession(cookie);
      deps.emergencies.forgetSession(cookie);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return seeOther(reply, '/login?out=1');
  });
}

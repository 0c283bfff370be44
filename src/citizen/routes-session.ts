// Logging in and out of the portal through the identity provider, the welcome and home pages, and
// the language switch.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OidcLoginError, type OidcFailure } from '../adapters/oidc/oidc-client.ts';
import { closeCitizenSession, openCitizenSession } from '../app/citizen/citizen-session.ts';
import { PENDING_LOGIN_MINUTES } from './pending-logins.ts';
import { isCitizenLang } from './i18n.ts';
import { homePage } from './pages/home.ts';
import { loginFailedPage, welcomePage } from './pages/messages.ts';
import { CITIZEN_COOKIE, CITIZEN_LANG_COOKIE, CITIZEN_PATH, type CitizenDeps, citizenStateOf, sendCitizenPage } from './plugin.ts';

const PENDING_COOKIE = 'confiance_citizen_login';

/** Only a path of the portal: the language switch must not become an open redirect. */
const safeBack = (value: unknown): string =>
  typeof value === 'string' && /^\/citizen(\/[a-z0-9-]*)*$/i.test(value) ? value : CITIZEN_PATH;

const cookieOptions = (request: FastifyRequest) => ({ path: CITIZEN_PATH, httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' });

function failed(deps: CitizenDeps, request: FastifyRequest, reply: FastifyReply, reason: OidcFailure): FastifyReply {
  reply.clearCookie(PENDING_COOKIE, { path: CITIZEN_PATH });
  // The provider being down is a bad gateway; everything else is a bad answer brought by the browser.
  return sendCitizenPage(deps, request, reply, loginFailedPage(citizenStateOf(request).t, reason), reason === 'unavailable' ? 502 : 400);
}

export function registerCitizenSessionRoutes(portal: FastifyInstance, deps: CitizenDeps): void {
  const anonymous = { config: { citizenAnonymous: true } };

  portal.get('', anonymous, async (request, reply) => {
    const { t, citizen } = citizenStateOf(request);
    if (citizen) return sendCitizenPage(deps, request, reply, homePage(t));
    const query = request.query as { session?: unknown; out?: unknown };
    const notice = query.session === 'expired' ? t.t('welcome.expired') : query.out === '1' ? t.t('welcome.loggedOut') : null;
    return sendCitizenPage(deps, request, reply, welcomePage(t, notice));
  });

  portal.get('/login', anonymous, async (request, reply) => {
    try {
      const { url, pending } = await deps.options.oidc.begin();
      reply.setCookie(PENDING_COOKIE, deps.pending.put(pending), { ...cookieOptions(request), maxAge: PENDING_LOGIN_MINUTES * 60 });
      return reply.redirect(url.href, 303);
    } catch (error) {
      if (error instanceof OidcLoginError) return failed(deps, request, reply, error.reason);
      throw error;
    }
  });

  portal.get('/callback', anonymous, async (request, reply) => {
    // Taken once: a second use of the same callback finds nothing and fails as a wrong state.
    const pending = deps.pending.take(request.cookies[PENDING_COOKIE]);
    if (!pending) return failed(deps, request, reply, 'state');
    // The callback address is the configured one, never rebuilt from the request's Host header.
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const callbackUrl = new URL(deps.options.oidc.redirectUri);
    callbackUrl.search = query;
    let niss: string | null;
    try {
      ({ niss } = await deps.options.oidc.complete(callbackUrl, pending));
    } catch (error) {
      if (error instanceof OidcLoginError) return failed(deps, request, reply, error.reason);
      throw error;
    }
    const session = await openCitizenSession(deps.ctx, { cpasCode: deps.options.cpasCode, niss });
    reply.clearCookie(PENDING_COOKIE, { path: CITIZEN_PATH });
    reply.setCookie(CITIZEN_COOKIE, session.cookie, { ...cookieOptions(request), expires: session.expiresAt });
    return reply.redirect(CITIZEN_PATH, 303);
  });

  portal.post('/logout', async (request, reply) => {
    const cookie = request.cookies[CITIZEN_COOKIE];
    if (cookie) await closeCitizenSession(deps.ctx, cookie);
    reply.clearCookie(CITIZEN_COOKIE, { path: CITIZEN_PATH });
    return reply.redirect('/citizen?out=1', 303);
  });

  portal.get('/language/:lang', anonymous, async (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (isCitizenLang(lang)) reply.setCookie(CITIZEN_LANG_COOKIE, lang, { ...cookieOptions(request), maxAge: 365 * 86_400 });
    return reply.redirect(safeBack((request.query as { back?: unknown }).back), 303);
  });
}

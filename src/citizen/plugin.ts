// The citizen portal under /citizen: one encapsulated Fastify plugin, apart from the staff pages.
// Its own session (cookie `confiance_citizen`, Path=/citizen, one hour at most, 15 minutes idle,
// httpOnly, SameSite=Lax because the identity provider's return is a cross-site top-level GET,
// Secure over HTTPS), its own CSRF token on every form, and the same security headers as the
// staff pages. A staff session gives nothing here and a citizen session nothing there.
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OidcLogin } from '../adapters/oidc/oidc-client.ts';
import { type CitizenActor, portalCpas, resumeCitizenSession } from '../app/citizen/citizen-session.ts';
import type { AppContext } from '../app/context.ts';
import { DomainError } from '../domain/errors.ts';
import { PAGE_SECURITY_HEADERS, sameToken } from '../ui/security.ts';
import { citizenLangFromHeader, citizenTranslator, type CitizenTranslator, isCitizenLang } from './i18n.ts';
import { type CitizenPage, renderCitizenPage } from './layout.ts';
import { errorPage } from './pages/messages.ts';
import { PendingLogins } from './pending-logins.ts';
import { registerCitizenFileRoutes } from './routes-file.ts';
import { registerCitizenRequestRoutes } from './routes-requests.ts';
import { registerCitizenSessionRoutes } from './routes-session.ts';

export const CITIZEN_COOKIE = 'confiance_citizen';
export const CITIZEN_LANG_COOKIE = 'confiance_citizen_lang';
export const CITIZEN_PATH = '/citizen';

export interface CitizenPortalOptions {
  /** The CPAS this portal belongs to: the national number selects a person of this CPAS only. */
  readonly cpasCode: string;
  readonly oidc: OidcLogin;
  /** Whether "who consulted my file" names staff members (default: role and service only). */
  readonly showStaffNames: boolean;
  /** How to reach the CPAS's data protection officer, as shown to the person. */
  readonly dpoContact: string;
}

export interface CitizenDeps {
  readonly ctx: AppContext;
  readonly options: CitizenPortalOptions;
  readonly cpasName: string;
  readonly pending: PendingLogins;
}

export interface CitizenState {
  readonly t: CitizenTranslator;
  readonly citizen: CitizenActor | null;
  readonly csrfToken: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    citizen: CitizenState | null;
  }
  interface FastifyContextConfig {
    /** Portal pages open without a citizen session (welcome, log-in, callback, language). */
    citizenAnonymous?: boolean;
  }
}

export function citizenStateOf(request: FastifyRequest): CitizenState {
  if (!request.citizen) throw new Error('citizen state missing: route registered outside the portal plugin');
  return request.citizen;
}

/** The session's person; the hook has redirected to the welcome page otherwise. */
export function citizenOf(request: FastifyRequest): CitizenActor {
  const { citizen } = citizenStateOf(request);
  if (!citizen) throw new DomainError('unauthenticated', 'log in');
  return citizen;
}

export function sendCitizenPage(deps: CitizenDeps, request: FastifyRequest, reply: FastifyReply, page: CitizenPage, status = 200): FastifyReply {
  const state = request.citizen ?? { t: citizenTranslator('fr'), citizen: null, csrfToken: null };
  const path = request.url.split('?')[0] ?? CITIZEN_PATH;
  return reply.code(status).type('text/html; charset=utf-8').send(renderCitizenPage({ t: state.t, path, cpasName: deps.cpasName, csrfToken: state.csrfToken }, page));
}

export async function registerCitizenPortal(app: FastifyInstance, ctx: AppContext, options: CitizenPortalOptions): Promise<void> {
  const cpas = await portalCpas(ctx, options.cpasCode);
  if (!cpas) throw new Error(`CONFIANCE_CITIZEN_CPAS: no CPAS with code ${options.cpasCode}`);
  const deps: CitizenDeps = { ctx, options, cpasName: cpas.name, pending: new PendingLogins(() => ctx.now().getTime()) };

  await app.register(async (portal) => {
    portal.addHook('onRoute', (route) => {
      // The API's actor hook does not apply: the portal resolves its own session below.
      route.config = { ...route.config, public: true };
      route.schema = { ...route.schema, hide: true };
    });
    portal.decorateRequest('citizen', null);
    // The portal's forms: the API itself reads JSON only (src/http/server.ts), so forms are parsed here.
    await portal.register(formbody);

    portal.addHook('preValidation', async (request, reply) => {
      const chosen = request.cookies[CITIZEN_LANG_COOKIE];
      const t = citizenTranslator(isCitizenLang(chosen) ? chosen : citizenLangFromHeader(request.headers['accept-language']));
      const cookie = request.cookies[CITIZEN_COOKIE];
      const session = cookie ? await resumeCitizenSession(ctx, cookie) : null;
      request.citizen = { t, citizen: session?.citizen ?? null, csrfToken: session?.csrfToken ?? null };
      if (request.routeOptions.config.citizenAnonymous || request.is404) return;
      if (!session) {
        if (cookie) reply.clearCookie(CITIZEN_COOKIE, { path: CITIZEN_PATH });
        return reply.redirect(cookie ? '/citizen?session=expired' : '/citizen', 303);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        const sent = (request.body as { _csrf?: unknown } | undefined)?._csrf;
        if (!sameToken(typeof sent === 'string' ? sent : undefined, session.csrfToken)) return sendCitizenPage(deps, request, reply, errorPage(t, 'csrf'), 403);
      }
    });

    portal.addHook('onSend', async (_request, reply) => {
      for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) reply.header(name, value);
    });

    portal.setErrorHandler((error, request, reply) => {
      const t = request.citizen?.t ?? citizenTranslator('fr');
      if (error instanceof DomainError && error.code === 'unauthenticated') return reply.redirect('/citizen', 303);
      if (error instanceof DomainError && (error.code === 'not-found' || error.code === 'invalid-input')) {
        return sendCitizenPage(deps, request, reply, errorPage(t, 'not-found'), error.code === 'not-found' ? 404 : 400);
      }
      // A body of another type or over the limit: refused, never a failure of the server.
      const status = (error as { statusCode?: number }).statusCode;
      if (error instanceof DomainError && (error.code === 'unsupported-media-type' || error.code === 'too-large')) {
        return sendCitizenPage(deps, request, reply, errorPage(t, 'not-found'), error.code === 'too-large' ? 413 : 415);
      }
      if (typeof status === 'number' && status >= 400 && status < 500) return sendCitizenPage(deps, request, reply, errorPage(t, 'not-found'), status);
      // The type of failure only: messages and stacks may quote data.
      request.log.error({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 'citizen page failure');
      return sendCitizenPage(deps, request, reply, errorPage(t, 'server'), 500);
    });

    portal.setNotFoundHandler((request, reply) => sendCitizenPage(deps, request, reply, errorPage(request.citizen?.t ?? citizenTranslator('fr'), 'not-found'), 404));

    registerCitizenSessionRoutes(portal, deps);
    registerCitizenFileRoutes(portal, deps);
    registerCitizenRequestRoutes(portal, deps);
  }, { prefix: CITIZEN_PATH });
}

// The web application for CPAS staff: server-rendered pages beside the JSON API. Registered as one
// encapsulated plugin, so its hooks apply to its pages only:
// - every page resolves the session itself and, without one, redirects to the log-in page (the
//   API's hook would answer 401 JSON), so pages are "public" to the API hook and hidden from the
//   OpenAPI document; here, a page needs a session unless it is declared `anonymous`;
// - unsafe methods need the session's CSRF token in the form (urlencoded, or multipart for the one
//   form that uploads a file: the intake of an authority's request with its scanned letter);
// - every answer carries the Content-Security-Policy and companion headers.
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resumeSession } from '../app/authenticate.ts';
import { registerRightsOf } from '../app/requests/register-rights.ts';
import type { AppContext } from '../app/context.ts';
import { SESSION_COOKIE } from '../http/auth.ts';
import { DomainError } from '../domain/errors.ts';
import { findNul } from '../domain/input-issues.ts';
import { toErrorBody } from '../http/error-map.ts';
import { BreakGlassMemory } from './break-glass-memory.ts';
import { MULTIPART_LIMITS, normaliseMultipart } from './forms.ts';
import { isLang, langFromAcceptLanguage, type Lang, translator } from './i18n/index.ts';
import { errorPage, ERROR_STATUS, type ErrorKind } from './pages/errors.ts';
import { loadViewerProfile, type ViewerProfile } from './profile.ts';
import { PurposeMemory } from './purpose-memory.ts';
import { sendPage, type UiState } from './request.ts';
import { registerAccountRoutes } from './routes/account.ts';
import { registerAgendaRoutes } from './routes/agenda.ts';
import { registerAgendaPlacementRoutes } from './routes/agenda-placement.ts';
import { registerApplicationRoutes } from './routes/applications.ts';
import { registerAssetRoutes } from './routes/assets.ts';
import { registerAssignmentRoutes } from './routes/assignments.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerDutiesRoutes } from './routes/duties.ts';
import { registerGuideRoutes } from './routes/guide.ts';
import { registerGuideSettingsRoutes } from './routes/guide-settings.ts';
import { registerInfoRoutes } from './routes/info.ts';
import { registerPersonRoutes } from './routes/persons.ts';
import { registerRequestRoutes } from './routes/requests.ts';
import { registerStatisticsRoutes } from './routes/statistics.ts';
import { registerDelegationRoutes } from './routes/delegations.ts';
import { registerSettingsRoutes } from './routes/settings.ts';
import { registerRightsRoutes } from './routes/rights.ts';
import { registerSessionRoutes } from './routes/session.ts';
import { registerStaffRoutes } from './routes/staff.ts';
import { PAGE_SECURITY_HEADERS, sameToken } from './security.ts';

export const LANG_COOKIE = 'confiance_lang';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export interface UiDeps {
  readonly ctx: AppContext;
  readonly purposes: PurposeMemory;
  readonly emergencies: BreakGlassMemory;
}

/** An explicit choice (cookie) first, then the user's own language, then the CPAS's. */
function chooseLanguage(request: FastifyRequest, profile: ViewerProfile | null): Lang {
  const chosen = request.cookies[LANG_COOKIE];
  if (isLang(chosen)) return chosen;
  if (profile) return profile.language ?? profile.cpas.defaultLanguage;
  return langFromAcceptLanguage(request.headers['accept-language']) ?? 'fr';
}

async function resolveUiState(deps: UiDeps, request: FastifyRequest, lookUpSession: boolean): Promise<UiState> {
  const cookie = request.cookies[SESSION_COOKIE];
  const session = lookUpSession && cookie ? await resumeSession(deps.ctx, cookie) : null;
  const profile = session ? await loadViewerProfile(deps.ctx, session.actor) : null;
  const t = translator(chooseLanguage(request, profile));
  if (!session || !profile) return { t, session: null, profile: null, viewer: null };
  return {
    t, session, profile,
    viewer: {
      displayName: profile.displayName, roles: session.actor.roles, cpasName: profile.cpas.name, csrfToken: session.csrfToken,
      registerReader: (await registerRightsOf(deps.ctx, session.actor)).read,
    },
  };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, kind: ErrorKind): FastifyReply {
  request.ui ??= { t: translator('fr'), session: null, profile: null, viewer: null };
  return sendPage(request, reply, errorPage(request.ui.t, kind), ERROR_STATUS[kind]);
}

export async function registerUi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (ui) => {
    const deps: UiDeps = {
      ctx,
      purposes: new PurposeMemory(),
      emergencies: new BreakGlassMemory(() => ctx.now().getTime()),
    };

    ui.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
      route.schema = { ...route.schema, hide: true };
    });
    ui.decorateRequest('ui', null);
    // Registered before the hook below, so a multipart body is parsed (within its limits) when the
    // hook reads its CSRF token. Only this plugin's routes accept multipart.
    await ui.register(formbody);
    await ui.register(multipart, { attachFieldsToBody: true, limits: MULTIPART_LIMITS });

    ui.addHook('preValidation', async (request, reply) => {
      const config = request.routeOptions.config;
      if (config.asset) return;
      const anonymous = Boolean(config.anonymous) || request.is404;
      if (request.isMultipart()) request.body = await normaliseMultipart(request.body);
      request.ui = await resolveUiState(deps, request, !request.is404);
      // A NUL character in a form field: no name or note holds one, and PostgreSQL cannot store it.
      if (findNul(request.body) !== null) return sendError(request, reply, 'bad-input');
      if (anonymous) return;
      const { session } = request.ui;
      if (!session) {
        // A cookie that no longer opens a session: it expired (idle or absolute) or was revoked.
        const hadCookie = Boolean(request.cookies[SESSION_COOKIE]);
        if (hadCookie) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.redirect(hadCookie ? '/login?session=expired' : '/login', 303);
      }
      if (!SAFE_METHODS.has(request.method)) {
        const sent = (request.body as { _csrf?: unknown } | undefined)?._csrf;
        if (!sameToken(typeof sent === 'string' ? sent : undefined, session.csrfToken)) return sendError(request, reply, 'csrf');
      }
    });

    ui.addHook('onSend', async (request, reply) => {
      if (request.routeOptions.config.asset && reply.statusCode === 200) {
        // Assets are public files named by their content hash: cacheable, unlike every page.
        reply.header('cache-control', 'public, max-age=31536000, immutable');
        return;
      }
      // A download sets its own, stricter policy (a sandbox): it is kept.
      for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    });

    ui.setErrorHandler((error, request, reply) => {
      if (error instanceof DomainError) {
        if (error.code === 'unauthenticated') return reply.redirect('/login', 303);
        if (error.code === 'not-found') return sendError(request, reply, 'not-found');
        if (error.code === 'forbidden') return sendError(request, reply, 'forbidden');
        if (error.code === 'purpose-required') return sendError(request, reply, 'purpose');
        // A step the record's state no longer allows (two people acting at once, a reloaded form).
        if (error.code === 'invalid-state' || error.code === 'conflict') return sendError(request, reply, 'invalid-state');
      }
      // A body the server cannot read (too large, a format no form sends, a NUL the database refuses).
      const { status } = toErrorBody(error);
      if (status === 413) return sendError(request, reply, 'too-large');
      if (status >= 400 && status < 500) return sendError(request, reply, 'bad-input');
      // The type of failure only: messages and stacks may quote data.
      request.log.error({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 'page failure');
      return sendError(request, reply, 'server');
    });

    ui.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/')) return reply.code(404).send({ code: 'not-found', message: 'no such route' });
      return sendError(request, reply, 'not-found');
    });

    registerAssetRoutes(ui);
    registerInfoRoutes(ui, deps);
    registerSessionRoutes(ui, deps);
    registerPersonRoutes(ui, deps);
    registerApplicationRoutes(ui, deps);
    registerStaffRoutes(ui, deps);
    registerDutiesRoutes(ui, deps);
    registerAssignmentRoutes(ui, deps);
    registerStatisticsRoutes(ui, deps);
    registerDelegationRoutes(ui, deps);
    registerSettingsRoutes(ui, deps);
    registerRequestRoutes(ui, deps);
    registerAuditRoutes(ui, deps);
    registerGuideRoutes(ui, deps);
    registerGuideSettingsRoutes(ui, deps);
    registerRightsRoutes(ui, deps);
    registerAccountRoutes(ui, deps);
    registerAgendaRoutes(ui, deps);
    registerAgendaPlacementRoutes(ui, deps);
  });
}

// The HTTP server: JSON API under /api/v1 with its OpenAPI document at /api/docs, generated from
// the zod schemas that validate the requests. Every route declares whether it is public; all
// others resolve an actor first (session cookie with CSRF header, or bearer token), deny by default.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../domain/roles.ts';
import { resolveActor } from './auth.ts';
import { NUL_MESSAGE } from '../domain/input-issues.ts';
import { toErrorBody } from './error-map.ts';
import { registerLoginRateLimit } from './rate-limit.ts';
import { validatorCompiler } from './validation.ts';
import { registerApiRoutes } from './routes/index.ts';
import { registerUi } from '../ui/plugin.ts';
import { type CitizenPortalOptions, registerCitizenPortal } from '../citizen/plugin.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { registerCompression, registerOperations } from './operations.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without an actor. Everything else is refused before its handler runs. */
    public?: boolean;
  }
}

/**
 * A request Node's parser refused before Fastify saw it (headers too large, malformed): answered
 * on the socket with the common body, as every other error.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const { status, body } = toErrorBody({ statusCode: error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400 });
  const json = JSON.stringify(body);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(json)}\r\nconnection: close\r\n\r\n${json}`);
}

export type TrustProxy = boolean | number | string[];

/**
 * CONFIANCE_TRUST_PROXY: which proxies may say, in X-Forwarded-For/-Proto, the client's address
 * and whether it came over HTTPS. Unset or "false": nobody, so a client cannot claim HTTPS or
 * another address (the log-in limit counts per address). "true": every hop; a number: that many
 * hops; else a comma-separated list of addresses or CIDR ranges of the proxies.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

/** Trust that many hops nearest to the server. */
const hopsOf = (hops: number) => (_address: string, hop: number): boolean => hop < hops;

/**
 * The documentation's page (swagger-ui) gets a policy of its own: its scripts and styles from this
 * origin plus the hashes of its inline parts that swagger-ui computes, nothing from elsewhere, no
 * framing. The pages' policy would block swagger-ui; none at all would let an injected script run.
 */
/** The one style element swagger-ui's bundle inserts at run time (checked in Chromium by docs.e2e.test.ts). */
const SWAGGER_UI_INLINE_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";
const docsPolicy = (generated: string): string =>
  generated
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && directive !== 'upgrade-insecure-requests')
    .map((directive) => directive.replace(/\s+(https:|validator\.swagger\.io)/g, '').replace(/^frame-ancestors .*/, "frame-ancestors 'none'").replace(/^base-uri .*/, "base-uri 'none'"))
    .map((directive) => (directive.startsWith('style-src') ? `${directive} ${SWAGGER_UI_INLINE_STYLE}` : directive))
    .concat(["connect-src 'self'", "form-action 'none'"])
    .join('; ');

export interface ServerOptions {
  readonly logger?: boolean;
  /** Where the log goes (stdout by default); tests read it. */
  readonly logStream?: Writable;
  readonly trustProxy?: TrustProxy;
  /** The citizen portal (issue 11): absent, no portal. */
  readonly citizen?: CitizenPortalOptions | undefined;
  /** The metrics the server reports to (`serve` also feeds them the hourly verification); a new set by default. */
  readonly metrics?: Metrics;
  /** CONFIANCE_METRICS_TOKEN: the bearer token that opens `/metrics` (without it: loopback only, see operations.ts). */
  readonly metricsToken?: string | undefined;
}

export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          ...(options.logStream ? { stream: options.logStream } : {}),
          // Request bodies and query strings may carry personal data: never logged.
          serializers: { req: (req) => ({ method: req.method, route: req.routeOptions?.url }) },
        }
      : false,
    bodyLimit: 15 * 1024 * 1024,
    trustProxy: typeof options.trustProxy === 'number' ? hopsOf(options.trustProxy) : options.trustProxy ?? false,
    // A URL the router cannot decode: the common body, not the framework's, which quotes the URL.
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = toErrorBody(error);
      void (reply as FastifyReply).code(status).send(body);
    },
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await registerCompression(app);
  registerOperations(app, ctx, options.metrics ?? createMetrics(), options.metricsToken);
  // The API reads JSON only (forms are the pages' business, in their plugin): any other body is 415.
  app.removeContentTypeParser('text/plain');
  await app.register(swagger, {
    openapi: {
      info: { title: 'Confiance API', version: '1', description: 'Social files of a CPAS/OCMW under professional secrecy. Every read is logged.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'confiance_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true, transformStaticCSP: docsPolicy });

  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    // A NUL in the path or query reaches file lookups (the documentation's static files) and the
    // database before any schema: refused here for every route, pages included.
    if (/%00|\u0000/i.test(request.url)) return reply.code(400).send({ code: 'invalid-input', message: `url: ${NUL_MESSAGE}` });
  });
  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    // A path that matches no route protects nothing: its 404 (a page, or JSON under /api) needs no actor.
    if (request.routeOptions.config.public || request.is404 || request.url.startsWith('/api/docs')) return;
    request.actor = await resolveActor(ctx, request);
    if (!request.actor) {
      return reply.code(401).send({ code: 'unauthenticated', message: 'log in or give an API token' });
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    // Personal data must not be kept by browsers or proxies.
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error);
    // The type of failure only: messages and stacks may quote data.
    if (status >= 500) request.log.error({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 'unexpected failure');
    return reply.code(status).send(body);
  });
  await registerLoginRateLimit(app, ctx);
  await registerApiRoutes(app, ctx);
  await registerUi(app, ctx);
  // The person's own portal under /citizen, when configured (src/citizen/config.ts).
  if (options.citizen) await registerCitizenPortal(app, ctx, options.citizen);
  return app;
}

// The HTTP server: JSON API under /api/v1 with its OpenAPI document at /api/docs, generated from
// the zod schemas that validate the requests. Every route declares whether it is public; all
// others resolve an actor first (session cookie with CSRF header, or bearer token), deny by default.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { resolveActor } from './auth.ts';
import { toErrorBody } from './error-map.ts';
import { registerApiRoutes } from './routes/index.ts';
import { registerUi } from '../ui/plugin.ts';
import { type CitizenPortalOptions, registerCitizenPortal } from '../citizen/plugin.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without an actor. Everything else is refused before its handler runs. */
    public?: boolean;
  }
}

export async function buildServer(ctx: AppContext, options: { logger?: boolean; citizen?: CitizenPortalOptions | undefined } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          // Request bodies and query strings may carry personal data: never logged.
          serializers: { req: (req) => ({ method: req.method, route: req.routeOptions?.url }) },
        }
      : false,
    bodyLimit: 15 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(formbody);
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
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.decorateRequest('actor', null);
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
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0];
      const where = (error as { validationContext?: string }).validationContext ?? 'body';
      const path = issue?.instancePath ? issue.instancePath.slice(1).replace(/\//g, '.') : where;
      const message = issue?.message ?? 'is invalid';
      return reply.code(400).send({ code: 'invalid-input', message: `${path}: ${message}` });
    }
    if ((error as { statusCode?: number }).statusCode === 400 || (error as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return reply.code(400).send({ code: 'invalid-input', message: `(body): ${(error as Error).message.split('\n')[0]}` });
    }
    if (!(error instanceof DomainError)) request.log.error({ err: { type: (error as Error).name } }, 'unexpected failure');
    const { status, body } = toErrorBody(error);
    return reply.code(status).send(body);
  });
  await registerApiRoutes(app, ctx);
  await registerUi(app, ctx);
  // The person's own portal under /citizen, when configured (src/citizen/config.ts).
  if (options.citizen) await registerCitizenPortal(app, ctx, options.citizen);
  return app;
}

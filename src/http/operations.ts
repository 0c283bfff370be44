// What the hosting team and its load balancer talk to: `/healthz` (the process answers),
// `/readyz` (it can serve: database, schema, keys), `/metrics` (Prometheus), and the compression
// of answers. None of them needs a session; `/metrics` has its own rule (metricsAllowed).
import { createHash, timingSafeEqual } from 'node:crypto';
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkReadiness } from '../app/check-readiness.ts';
import type { AppContext } from '../app/context.ts';
import type { Metrics } from './metrics.ts';

/**
 * Who may read `/metrics`. They hold no personal data, but they tell the load, the routes and
 * whether a chain broke, which is nobody else's business. With a token configured
 * (CONFIANCE_METRICS_TOKEN), whoever presents it as a bearer token, from anywhere; without one,
 * only a client on this machine (loopback) that came through no proxy: a reverse proxy on the
 * same host relays the whole internet from loopback, so a forwarded request is refused even then.
 */
export function metricsAllowed(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const digest = (text: string) => createHash('sha256').update(text).digest();
    return timingSafeEqual(digest(given), digest(token));
  }
  const peer = request.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || /^(::ffff:)?127\./.test(peer);
  return loopback && request.headers['x-forwarded-for'] === undefined && request.headers.forwarded === undefined;
}

/** Kinds of answer worth compressing; everything else (PDF, images, archives: compressed already) is sent as it is. */
const COMPRESSIBLE = /^(text\/(html|css|plain|csv)|application\/(json|javascript)|image\/svg\+xml)\b/;

/** Registered before any route: the plugin equips the routes added after it. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Request bodies are never inflated: a few kilobytes of gzip would expand to the body limit
  // many times over, and no client of this API sends compressed bodies.
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), decompress: false } as typeof route.config;
  });
  await app.register(compress, { threshold: 1024, customTypes: (type: string) => COMPRESSIBLE.test(type) });
  // BREACH: an attacker who makes a victim's browser send requests could learn a secret in a
  // compressed page from its size. Cross-site requests carry no session (SameSite=Strict), and
  // they are not compressed either.
  app.addHook('onRequest', async (request) => {
    if (request.headers['sec-fetch-site'] === 'cross-site') request.headers['x-no-compression'] = '1';
  });
}

export function registerOperations(app: FastifyInstance, ctx: AppContext, metrics: Metrics, metricsToken: string | undefined): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.addHook('onClose', async () => metrics.dispose());
  const hidden = { schema: { hide: true }, config: { public: true } };
  app.get('/healthz', hidden, async () => ({ status: 'up' }));
  app.get('/readyz', hidden, async (_request, reply) => {
    const readiness = await checkReadiness(ctx);
    return readiness.ready ? { status: 'ready' } : reply.code(503).send({ status: 'not-ready', reason: readiness.reason });
  });
  app.get('/metrics', hidden, async (request, reply) => {
    if (!metricsAllowed(request, metricsToken)) {
      return reply.code(403).send({ code: 'forbidden', message: 'metrics: from this machine or with the metrics token only' });
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

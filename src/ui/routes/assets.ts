import type { FastifyInstance } from 'fastify';
import { findAsset } from '../assets.ts';

export function registerAssetRoutes(ui: FastifyInstance): void {
  ui.get('/assets/:name', { config: { asset: true, anonymous: true } }, async (request, reply) => {
    const found = findAsset((request.params as { name: string }).name);
    if (!found) return reply.callNotFound();
    return reply.type(found.type).header('etag', `"${found.hash}"`).send(found.body);
  });
}

import type { FastifyInstance } from 'fastify';
import { findAsset } from '../assets.ts';
import { urlText } from '../request.ts';

export function registerAssetRoutes(ui: FastifyInstance): void {
  ui.get('/assets/:name', { config: { asset: true, anonymous: true } }, async (request, reply) => {
    const found = findAsset(urlText(request, 'params', 'name'));
    if (!found) return reply.callNotFound();
    return reply.type(found.type).header('etag', `"${found.hash}"`).send(found.body);
  });
}

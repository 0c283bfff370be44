import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { isPurpose, type Purpose } from '../../domain/purposes.ts';
import type { Actor } from '../../domain/roles.ts';
import { purposeSchema } from '../../domain/schemas.ts';

/** The API's routes are typed by their zod schemas: params, query and body need no cast. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The actor resolved by the server's hook; a route without one never reaches its handler. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'log in or give an API token');
  return request.actor;
}

export const asPurpose = (value: string): Purpose => {
  if (!isPurpose(value)) throw new DomainError('invalid-input', 'purpose: unknown purpose', 'purpose');
  return value;
};

export const personParams = z.object({ personId: z.string().uuid('must be a UUID') });
export const purposeQuery = z.object({ purpose: purposeSchema });
/** An answer documented as an object whose fields the use case defines (a file, a register line). */
export const anyObject = z.object({}).catchall(z.any());
export const errorBody = z.object({ code: z.string(), message: z.string() });
export const created = (idName: string) => z.object({ [idName]: z.string() });
export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

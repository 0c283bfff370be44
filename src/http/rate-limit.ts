// The limit on log-in attempts per client address, for the API (POST /api/v1/session) and the
// page (POST /login) together: @fastify/rate-limit with a store in the database, so that every
// server process counts the same attempts. The per-account lockout (src/app/authenticate.ts)
// stops guessing one account's password; this stops one machine trying passwords on many accounts.
// The address is the client's as trustProxy (CONFIANCE_TRUST_PROXY) lets the server see it.
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { countLoginAttempt, forgetLoginAttempts } from '../app/count-login-attempts.ts';
import type { AppContext } from '../app/context.ts';
import { DomainError } from '../domain/errors.ts';

export const LOGIN_RATE_LIMIT = { max: 20, windowMinutes: 10 } as const;
const WINDOW_MS = LOGIN_RATE_LIMIT.windowMinutes * 60_000;

const loginKey = (request: FastifyRequest): string => `login:${request.ip}`;

function databaseStore(ctx: AppContext): FastifyRateLimitStoreCtor {
  return class DatabaseStore implements FastifyRateLimitStore {
    // The plugin passes the route's window as a third argument, which its types do not declare.
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number = WINDOW_MS): void {
      countLoginAttempt(ctx, key, timeWindow).then(
        ({ attempts, msLeft }) => callback(null, { current: attempts, ttl: msLeft }),
        (error: Error) => callback(error),
      );
    }

    child(): FastifyRateLimitStore {
      return new DatabaseStore();
    }
  };
}

/** Registers the limiter; routes opt in with `config: { rateLimit: LOGIN_ROUTE }`. */
export async function registerLoginRateLimit(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    // After the pages' hook (language, form) and the schema: a refusal can be rendered as the form.
    hook: 'preHandler',
    store: databaseStore(ctx),
    keyGenerator: loginKey,
    max: LOGIN_RATE_LIMIT.max,
    timeWindow: WINDOW_MS,
    errorResponseBuilder: () => new DomainError('rate-limited', 'too many log-in attempts from this address; try again later'),
  });
}

export const LOGIN_ROUTE = {} as const;

/** After a successful log-in: the address's failed attempts no longer count against it. */
export const forgetAttemptsOf = (ctx: AppContext, request: FastifyRequest): Promise<void> => forgetLoginAttempts(ctx, loginKey(request));

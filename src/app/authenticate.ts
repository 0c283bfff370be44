// Staff authentication: password log-in opening a session, API tokens, and resolving either into
// an actor. Failures are deliberately generic ("unauthenticated"): the answer never says whether
// the account exists. Repeated failures lock the account for a while.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DUMMY_HASH_INPUT, hashPassword, verifyPassword } from '../adapters/crypto/passwords.ts';
import { deleteSession, findLiveTokenUser, insertApiToken, insertSession, touchSession } from '../adapters/db/stores/session-store.ts';
import { findStaffById, findStaffByLogin, recordLoginFailure, recordLoginSuccess } from '../adapters/db/stores/staff-store.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import type { Tx } from '../adapters/db/database.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

export const AUTH_LIMITS = {
  maxFailures: 5,
  lockMinutes: 15,
  sessionHours: 10,
  idleMinutes: 30,
  tokenDays: 90,
};

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const unauthenticated = () => new DomainError('unauthenticated', 'wrong login or password');
let dummyHash: Promise<string> | null = null;

export interface Session {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

/** Login is "username@cpas-code", e.g. "social-worker@namur". */
export function parseLogin(login: string): { username: string; cpasCode: string } | null {
  const match = /^([a-z0-9][a-z0-9._-]{1,63})@([a-z0-9-]{2,32})$/.exec(login.trim().toLowerCase());
  return match ? { username: match[1]!, cpasCode: match[2]! } : null;
}

export async function logIn(ctx: AppContext, login: string, password: string): Promise<Session> {
  const parsed = parseLogin(login);
  const now = ctx.now();
  const find = (tx: Tx) => (parsed ? findStaffByLogin(tx, parsed.cpasCode, parsed.username) : Promise.resolve(null));
  // The password is checked between two transactions, never inside one: argon2 costs tens to
  // hundreds of ms of CPU, and PGlite's one connection made every other request wait behind each
  // log-in in turn (the cold-start stalls of bench/cold-start.ts).
  const seen = await ctx.db.transaction(find);
  const usable = seen?.active && seen.passwordHash ? seen.passwordHash : null;
  const locked = (staff: { lockedUntil: Date | null }) => staff.lockedUntil !== null && staff.lockedUntil > now;
  let verified: boolean | 'not-checked' = 'not-checked';
  if (!usable) {
    dummyHash ??= hashPassword(DUMMY_HASH_INPUT);
    await verifyPassword(await dummyHash, password);
  } else if (!locked(seen!)) verified = await verifyPassword(usable, password);
  return runAudited(ctx, async (tx) => {
    const staff = await find(tx);
    // Only the hash that was checked counts: a password changed or an account disabled meanwhile is refused.
    if (!staff || !staff.active || !staff.passwordHash || staff.passwordHash !== usable) return new Refusal(unauthenticated());
    if (locked(staff)) {
      return new Refusal(new DomainError('account-locked', 'too many failed attempts: the account is locked for a while'));
    }
    if (verified === 'not-checked') return new Refusal(unauthenticated());
    if (!verified) {
      await recordLoginFailure(tx, staff.cpasId, staff.userId, AUTH_LIMITS.maxFailures, new Date(now.getTime() + AUTH_LIMITS.lockMinutes * 60_000));
      return new Refusal(unauthenticated());
    }
    await recordLoginSuccess(tx, staff.cpasId, staff.userId);
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + AUTH_LIMITS.sessionHours * 3_600_000);
    // The cookie carries the CPAS id so the session row is found by its full key.
    await insertSession(tx, {
      cpasId: staff.cpasId, sessionHash: sha256(sessionId), userId: staff.userId, expiresAt, idleUntil: new Date(now.getTime() + AUTH_LIMITS.idleMinutes * 60_000), csrfToken,
    });
    return { sessionId: `${staff.cpasId}.${sessionId}`, csrfToken, expiresAt, actor: { cpasId: staff.cpasId, userId: staff.userId, roles: staff.roles } };
  });
}

const splitCredential = (value: string) => {
  const dot = value.indexOf('.');
  return dot > 0 ? { cpasId: value.slice(0, dot), secret: value.slice(dot + 1) } : null;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Resolves a session cookie into its session, sliding the idle timeout; null when invalid or expired. */
export async function resumeSession(ctx: AppContext, cookie: string): Promise<Session | null> {
  const parts = splitCredential(cookie);
  if (!parts || !UUID.test(parts.cpasId)) return null;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const row = await touchSession(tx, parts.cpasId, sha256(parts.secret), now, new Date(now.getTime() + AUTH_LIMITS.idleMinutes * 60_000));
    if (!row) return null;
    const staff = await findStaffById(tx, parts.cpasId, row.userId);
    if (!staff?.active) return null;
    return { sessionId: cookie, csrfToken: row.csrfToken, expiresAt: row.expiresAt, actor: { cpasId: staff.cpasId, userId: staff.userId, roles: staff.roles } };
  });
}

export async function logOut(ctx: AppContext, cookie: string): Promise<void> {
  const parts = splitCredential(cookie);
  if (!parts || !UUID.test(parts.cpasId)) return;
  await ctx.db.transaction((tx) => deleteSession(tx, parts.cpasId, sha256(parts.secret)));
}

/** Issues an API token for the actor ("<cpas id>.<token id>.<secret>"); only its hash is stored. */
export async function createApiToken(ctx: AppContext, actor: Actor, label: string): Promise<{ token: string; expiresAt: Date }> {
  const tokenId = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + AUTH_LIMITS.tokenDays * 86_400_000);
  await ctx.db.transaction((tx) => insertApiToken(tx, { cpasId: actor.cpasId, tokenId, userId: actor.userId, tokenHash: sha256(secret), label, expiresAt }));
  return { token: `${actor.cpasId}.${tokenId}.${secret}`, expiresAt };
}

export async function authenticateToken(ctx: AppContext, token: string): Promise<Actor | null> {
  const [cpasId, tokenId, secret] = token.split('.');
  if (!cpasId || !tokenId || !secret || !UUID.test(cpasId) || !UUID.test(tokenId)) return null;
  return ctx.db.transaction(async (tx) => {
    const userId = await findLiveTokenUser(tx, cpasId, tokenId, sha256(secret), ctx.now());
    if (!userId) return null;
    const staff = await findStaffById(tx, cpasId, userId);
    return staff?.active ? { cpasId, userId: staff.userId, roles: staff.roles } : null;
  });
}

// Citizen sessions of the portal, apart from staff sessions: another table, another cookie (name,
// path /citizen), a shorter life. The national number from the identity provider selects the person
// in the portal's CPAS and is then forgotten. Someone the CPAS does not know gets a session too,
// with no person: they see the same pages with nothing in them, so the portal is no oracle of who
// is known to the CPAS (answering "unknown person" would tell anyone with an eID whether their
// neighbour, logged in on their phone, receives aid).
import { createHash, randomBytes } from 'node:crypto';
import { deleteCitizenSession, findCpasByCode, findPersonIdByNiss, insertCitizenSession, resumeCitizenSessionRow } from '../../adapters/db/stores/citizen-session-store.ts';
import { checkNiss } from '../../domain/niss.ts';
import type { AppContext } from '../context.ts';

export const CITIZEN_SESSION_LIMITS = { minutes: 60, idleMinutes: 15 };

/** The person acting through the portal: always the one of their own session, never from a request parameter. */
export interface CitizenActor {
  readonly cpasId: string;
  /** Null when the national number is not a person of this CPAS. */
  readonly personId: string | null;
}

export interface CitizenSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly citizen: CitizenActor;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function openCitizenSession(ctx: AppContext, input: { cpasCode: string; niss: string | null }): Promise<CitizenSession> {
  return ctx.db.transaction(async (tx) => {
    const cpasId = (await findCpasByCode(tx, input.cpasCode))?.cpasId;
    if (!cpasId) throw new Error('the citizen portal names a CPAS code that does not exist');
    const checked = input.niss ? checkNiss(input.niss) : null;
    const personId = checked?.ok ? await findPersonIdByNiss(tx, cpasId, checked.niss) : null;
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = ctx.now().getTime();
    const expiresAt = new Date(now + CITIZEN_SESSION_LIMITS.minutes * 60_000);
    await insertCitizenSession(tx, {
      cpasId, sessionHash: sha256(secret), personId, csrfToken, expiresAt, idleUntil: new Date(now + CITIZEN_SESSION_LIMITS.idleMinutes * 60_000),
    });
    return { cookie: `${cpasId}.${secret}`, csrfToken, expiresAt, citizen: { cpasId, personId } };
  });
}

const split = (cookie: string) => {
  const dot = cookie.indexOf('.');
  const parts = dot > 0 ? { cpasId: cookie.slice(0, dot), secret: cookie.slice(dot + 1) } : null;
  return parts && UUID.test(parts.cpasId) && parts.secret.length > 0 ? parts : null;
};

export async function resumeCitizenSession(ctx: AppContext, cookie: string): Promise<{ citizen: CitizenActor; csrfToken: string } | null> {
  const parts = split(cookie);
  if (!parts) return null;
  const now = ctx.now();
  const row = await ctx.db.transaction((tx) =>
    resumeCitizenSessionRow(tx, parts.cpasId, sha256(parts.secret), now, new Date(now.getTime() + CITIZEN_SESSION_LIMITS.idleMinutes * 60_000)));
  return row ? { citizen: { cpasId: parts.cpasId, personId: row.personId }, csrfToken: row.csrfToken } : null;
}

export async function closeCitizenSession(ctx: AppContext, cookie: string): Promise<void> {
  const parts = split(cookie);
  if (parts) await ctx.db.transaction((tx) => deleteCitizenSession(tx, parts.cpasId, sha256(parts.secret)));
}

/** The name of the portal's CPAS, for the pages' header; null when the configured code does not exist. */
export async function portalCpas(ctx: AppContext, cpasCode: string): Promise<{ cpasId: string; name: string } | null> {
  return ctx.db.transaction((tx) => findCpasByCode(tx, cpasCode));
}

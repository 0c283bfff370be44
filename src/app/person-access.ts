// The gate every use case on a person's data goes through: it computes the actor's relation to
// the person from the database, asks the policy for each data class, checks the purpose, and
// writes the access-log entry in the caller's transaction. No entry, no data: the entry is
// written before the caller reads, in the same transaction, so a failed log insert aborts it;
// or, for a read with no effect outside the transaction, last before COMMIT, with the data held
// back until the entry is written (readPersonDataLoggedLast).
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import type { Tx } from '../adapters/db/database.ts';
import { loadCaseRelation } from '../adapters/db/stores/case-relation-store.ts';
import type { AccessLogDraft, LogAction } from '../domain/access-log-entry.ts';
import { issueAccessGrant, PERSON_FILE, type AccessGrant } from '../domain/access-grant.ts';
import {
  type AccessAction, type AccessRule, allowsSecretAccess, type CaseRelation, decideBreakGlassTexts, decidePersonAccess, type PersonAccessDecision,
} from '../domain/access-policy.ts';
import type { ItemCategory } from '../domain/data-classes.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

export interface PersonAccessRequest {
  readonly personId: string;
  readonly purpose: Purpose;
  readonly action: AccessAction;
  readonly logAction: LogAction;
  readonly categories: readonly ItemCategory[];
  /** Reads may open part of a file (withholding the rest); writes need every class. */
  readonly partial: boolean;
  readonly details?: AccessLogDraft['details'];
  /** The open agenda item through which a council member asks (src/app/council): the only way R31 opens. */
  readonly agendaItemId?: string;
}

export interface PersonAccessGrant {
  readonly allowed: ReadonlySet<ItemCategory>;
  /** What the secret stores take before they decrypt: issued here only, in the transaction that logs the entry. */
  readonly grant: AccessGrant;
  readonly withheld: PersonAccessDecision['withheld'];
  readonly relation: CaseRelation;
  readonly rule: AccessRule;
}

/** The policy's decision on one access, from the relation found in the database; a person of another CPAS or none: not found. */
async function decideInDatabase(tx: Tx, ctx: AppContext, actor: Actor, request: PersonAccessRequest): Promise<{ relation: CaseRelation; decision: PersonAccessDecision } | Refusal> {
  const relation = await loadCaseRelation(tx, actor, request.personId, { now: ctx.now(), purpose: request.purpose, agendaItemId: request.agendaItemId });
  // A person of another CPAS, or none: the same answer, so existence does not leak across CPAS.
  if (!relation) return new Refusal(notFound('person'));
  return { relation, decision: decidePersonAccess(actor.roles, request.action, request.categories, relation, request.purpose, request.partial) };
}

const logBase = (actor: Actor, request: PersonAccessRequest) => ({
  cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: request.purpose, action: request.logAction, personId: request.personId,
});

/** Logs a refused access (the classes withheld, the rule, policy or purpose) and says why, in the closed set of codes. */
async function refuse(tx: Tx, ctx: AppContext, actor: Actor, request: PersonAccessRequest, decision: PersonAccessDecision): Promise<Refusal> {
  const { withheld, rule } = decision;
  const purposeOnly = withheld.length > 0 && withheld.every((w) => w.reason === 'purpose');
  await appendAccessLog(tx, {
    ...logBase(actor, request), classes: withheld.map((w) => w.category), outcome: 'denied', rule, details: { ...request.details, reason: purposeOnly ? 'purpose' : 'policy' },
  }, ctx.now());
  return new Refusal(
    purposeOnly
      ? new DomainError('purpose-required', `purpose "${request.purpose}" does not allow opening secret social data`)
      : new DomainError('forbidden', `not allowed to ${request.action} ${withheld.map((w) => w.category).join(', ')}`),
  );
}

/** The policy's grant and the entry that must commit with whatever it opens; a refusal is logged here. */
async function decideGrant(tx: Tx, ctx: AppContext, actor: Actor, request: PersonAccessRequest): Promise<{ grant: PersonAccessGrant; entry: AccessLogDraft } | Refusal> {
  const decided = await decideInDatabase(tx, ctx, actor, request);
  if (decided instanceof Refusal) return decided;
  const { relation, decision } = decided;
  if (decision.refused) return refuse(tx, ctx, actor, request, decision);
  const { withheld, rule } = decision;
  const allowed = new Set(decision.allowed);
  return {
    entry: { ...logBase(actor, request), classes: decision.allowed, outcome: 'allowed', rule, ...(request.details ? { details: request.details } : {}) },
    grant: { allowed, withheld, relation, rule, grant: issueAccessGrant(actor.cpasId, request.personId, allowed, PERSON_FILE) },
  };
}

export async function gatePersonAccess(tx: Tx, ctx: AppContext, actor: Actor, request: PersonAccessRequest): Promise<PersonAccessGrant | Refusal> {
  const decided = await decideGrant(tx, ctx, actor, request);
  if (decided instanceof Refusal) return decided;
  await appendAccessLog(tx, decided.entry, ctx.now());
  return decided.grant;
}

/**
 * A read whose entry is appended last, as the transaction's final statement before COMMIT, so the
 * CPAS's chain head (locked by the append until COMMIT) is not held while the sections are read:
 * concurrent openings of one CPAS queue for the append and the commit only.
 *
 * Why the order is safe (no log, no read): what `read` returns stays inside this call until the
 * append has succeeded; if the append fails, this throws, the transaction rolls back and the
 * caller's runAudited rethrows, so the data never leaves; and runAudited returns only after the
 * COMMIT that makes the entry durable. `read` must have no effect outside the transaction (it
 * only reads and decrypts in memory) and must not hand the grant to anything that outlives it.
 */
export async function readPersonDataLoggedLast<T>(
  tx: Tx, ctx: AppContext, actor: Actor, request: PersonAccessRequest, read: (grant: PersonAccessGrant) => Promise<T>,
): Promise<T | Refusal> {
  const decided = await decideGrant(tx, ctx, actor, request);
  if (decided instanceof Refusal) return decided;
  const result = await read(decided.grant);
  await appendAccessLog(tx, decided.entry, ctx.now());
  return result;
}

/**
 * Asks, before a form is shown, whether the write it posts would be allowed, so a person never
 * types a report the policy then refuses. A refusal is logged as the write's would be (denied, the
 * classes, the rule), so trying forms by URL leaves the same trace as posting them; an allowed
 * check opens nothing and logs nothing (the write, when posted, logs itself).
 */
export async function checkPersonWrite(
  ctx: AppContext,
  actor: Actor,
  request: { personId: string; purpose: Purpose; categories: readonly ItemCategory[]; logAction: LogAction; details?: AccessLogDraft['details'] },
): Promise<void> {
  const full: PersonAccessRequest = { ...request, action: 'write', partial: false };
  await runAudited(ctx, async (tx) => {
    const decided = await decideInDatabase(tx, ctx, actor, full);
    if (decided instanceof Refusal) return decided;
    return decided.decision.refused ? refuse(tx, ctx, actor, full, decided.decision) : undefined;
  });
}

/**
 * Opens the texts of one break-glass grant (its reason, its review comment) for a reviewer whom
 * the policy allows to read them; null for a reviewer who may not (the DPO sees the structured
 * part only). The read is logged with the person's id before anything is decrypted.
 */
export async function gateBreakGlassTexts(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  breakGlass: { grantId: string; personId: string },
  purpose: Purpose,
): Promise<AccessGrant | null> {
  const decision = decideBreakGlassTexts(actor.roles);
  if (!decision.allowed || !allowsSecretAccess(purpose)) return null;
  await appendAccessLog(tx, {
    cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose, action: 'read', personId: breakGlass.personId,
    classes: ['social-notes'], outcome: 'allowed', rule: decision.rule, details: { record: breakGlass.grantId, view: 'break-glass-texts' },
  }, ctx.now());
  return issueAccessGrant(actor.cpasId, breakGlass.personId, ['social-notes'], { kind: 'break-glass-texts', grantId: breakGlass.grantId });
}

/** Runs a write on a person's data in one audited transaction, once the policy allows every class it touches. */
export async function writePersonData<T>(
  ctx: AppContext,
  actor: Actor,
  request: { personId: string; purpose: Purpose; categories: readonly ItemCategory[]; logAction: LogAction; details?: AccessLogDraft['details'] },
  write: (tx: Tx) => Promise<T | Refusal>,
): Promise<T> {
  return runAudited(ctx, async (tx) => {
    const grant = await gatePersonAccess(tx, ctx, actor, { ...request, action: 'write', partial: false });
    if (grant instanceof Refusal) return grant;
    return write(tx);
  });
}

/**
 * Whether a write would be allowed, to decide if a form is offered at all on a page that is more
 * than the form (the guide's answer, which may end with the form recording what was done). It
 * reads only the actor's own relation to the case and refuses nothing, so it logs nothing.
 */
export async function mayWritePersonData(ctx: AppContext, actor: Actor, request: { personId: string; purpose: Purpose; categories: readonly ItemCategory[] }): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const decided = await decideInDatabase(tx, ctx, actor, { ...request, action: 'write', partial: false, logAction: 'create' });
    return !(decided instanceof Refusal) && !decided.decision.refused;
  });
}

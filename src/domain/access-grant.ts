// The value the secret stores require before they decrypt anything: proof that the gate asked the
// policy, wrote the access-log entry, and was allowed these classes of this person's data. The
// type is branded with a unique symbol, so no object literal or `Set<ItemCategory>` passes for
// one; and a grant is only real if this module issued it (a cast compiles, but `checkGrant` fails).
// Only the gate (src/app/person-access.ts) may import `issueAccessGrant`: eslint.config.js.
import type { ItemCategory } from './data-classes.ts';

declare const brand: unique symbol;

/** What a grant opens: a person's file, or the texts of one break-glass grant (its reason, its review). */
export type GrantScope = { readonly kind: 'person-file' } | { readonly kind: 'break-glass-texts'; readonly grantId: string };

export interface AccessGrant {
  readonly [brand]: true;
  readonly cpasId: string;
  readonly personId: string;
  readonly categories: ReadonlySet<ItemCategory>;
  readonly scope: GrantScope;
}

const issued = new WeakSet<object>();

/** Called by the gate only, after the policy allowed `categories` and the entry was logged. */
export function issueAccessGrant(cpasId: string, personId: string, categories: Iterable<ItemCategory>, scope: GrantScope): AccessGrant {
  const grant = Object.freeze({ cpasId, personId, categories: new Set(categories), scope }) as unknown as AccessGrant;
  issued.add(grant);
  return grant;
}

/**
 * Throws unless `grant` was issued by the gate for this CPAS, person, category and scope. Stores
 * call it before each decryption: a forged or mismatched grant is a programming error, never input.
 */
export function checkGrant(grant: AccessGrant, at: { cpasId: string; personId: string; category: ItemCategory; scope: GrantScope }): void {
  const ok = issued.has(grant) && grant.cpasId === at.cpasId && grant.personId === at.personId && grant.categories.has(at.category)
    && grant.scope.kind === at.scope.kind && (at.scope.kind !== 'break-glass-texts' || (grant.scope.kind === 'break-glass-texts' && grant.scope.grantId === at.scope.grantId));
  if (!ok) throw new Error('decryption without a matching access grant from the gate');
}

export const PERSON_FILE: GrantScope = { kind: 'person-file' };

// Creates a person's file with its identity and, optionally, addresses and household, in one
// audited transaction. A NISS already known in this CPAS is a conflict, never a silent merge.
import { randomUUID } from 'node:crypto';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import type { Tx } from '../adapters/db/database.ts';
import { nissTaken } from '../adapters/db/stores/person-niss-store.ts';
import { insertAddress, insertHouseholdMember, insertPerson } from '../adapters/db/stores/person-store.ts';
import { mayPerform } from '../domain/access-policy.ts';
import type { ItemCategory } from '../domain/data-classes.ts';
import { DomainError, forbidden } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import type { AddressInput, HouseholdMemberInput, PersonInput } from '../domain/schemas.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

export interface NewPerson {
  person: PersonInput;
  addresses?: AddressInput[];
  household?: HouseholdMemberInput[];
}

export function categoriesOfNewPerson(input: NewPerson): ItemCategory[] {
  const classes = new Set<ItemCategory>(['identity']);
  if (input.person.phone || input.person.email) classes.add('contact-details');
  if (input.person.iban) classes.add('payment-account');
  for (const a of input.addresses ?? []) classes.add(a.kind === 'domicile' ? 'domicile-address' : 'known-addresses');
  if (input.household?.length) classes.add('household-composition');
  return [...classes];
}

/** Inserts without logging: the caller logs (one entry per person, or one per import). */
export async function insertNewPerson(tx: Tx, cpasId: string, input: NewPerson): Promise<string | DomainError> {
  if (input.person.niss) {
    if (await nissTaken(tx, cpasId, input.person.niss)) return new DomainError('conflict', 'niss: a person with this national number exists already', 'niss');
  }
  const personId = randomUUID();
  await insertPerson(tx, cpasId, personId, input.person);
  for (const address of input.addresses ?? []) await insertAddress(tx, cpasId, personId, randomUUID(), address);
  for (const member of input.household ?? []) await insertHouseholdMember(tx, cpasId, personId, randomUUID(), member);
  return personId;
}

export async function createPerson(ctx: AppContext, actor: Actor, input: NewPerson & { purpose: Purpose }): Promise<{ personId: string }> {
  return runAudited(ctx, async (tx) => {
    const base = { cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: input.purpose, action: 'create' as const };
    const classes = categoriesOfNewPerson(input);
    if (!mayPerform(actor.roles, 'create-person')) {
      await appendAccessLog(tx, { ...base, personId: null, classes, outcome: 'denied', rule: 'operation' }, ctx.now());
      return new Refusal(forbidden('not allowed to create a person'));
    }
    const personId = await insertNewPerson(tx, actor.cpasId, input);
    if (personId instanceof DomainError) return new Refusal(personId);
    await appendAccessLog(tx, { ...base, personId, classes, outcome: 'allowed', rule: 'operation' }, ctx.now());
    return { personId };
  });
}

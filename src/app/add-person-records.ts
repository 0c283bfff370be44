// Adding administrative records to a file: an address, a household member, an application, a
// decision. Each is one audited write of exactly the class it carries.
import { randomUUID } from 'node:crypto';
import { insertAddress, insertApplication, insertDecision, insertHouseholdMember } from '../adapters/db/stores/person-store.ts';
import { notFound } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import type { AddressInput, ApplicationInput, DecisionInput, HouseholdMemberInput } from '../domain/schemas.ts';
import { type AppContext, Refusal } from './context.ts';
import { writePersonData } from './person-access.ts';

type Target = { personId: string; purpose: Purpose };

export async function addAddress(ctx: AppContext, actor: Actor, input: Target & { address: AddressInput }): Promise<{ addressId: string }> {
  const addressId = randomUUID();
  const category = input.address.kind === 'domicile' ? 'domicile-address' : 'known-addresses';
  await writePersonData(ctx, actor, { ...input, categories: [category], logAction: 'create', details: { record: addressId } }, (tx) =>
    insertAddress(tx, actor.cpasId, input.personId, addressId, input.address),
  );
  return { addressId };
}

export async function addHouseholdMember(ctx: AppContext, actor: Actor, input: Target & { member: HouseholdMemberInput }): Promise<{ memberId: string }> {
  const memberId = randomUUID();
  await writePersonData(ctx, actor, { ...input, categories: ['household-composition'], logAction: 'create', details: { record: memberId } }, (tx) =>
    insertHouseholdMember(tx, actor.cpasId, input.personId, memberId, input.member),
  );
  return { memberId };
}

export async function submitApplication(ctx: AppContext, actor: Actor, input: Target & { application: ApplicationInput }): Promise<{ applicationId: string }> {
  const applicationId = randomUUID();
  await writePersonData(ctx, actor, { ...input, categories: ['application-data'], logAction: 'create', details: { record: applicationId } }, (tx) =>
    insertApplication(tx, actor.cpasId, input.personId, applicationId, input.application),
  );
  return { applicationId };
}

export async function recordDecision(ctx: AppContext, actor: Actor, input: Target & { decision: DecisionInput }): Promise<{ decisionId: string }> {
  const decisionId = randomUUID();
  await writePersonData(
    ctx,
    actor,
    { ...input, categories: ['aid-decisions', 'decision-motivation'], logAction: 'create', details: { record: decisionId } },
    async (tx) => ((await insertDecision(tx, actor.cpasId, input.personId, decisionId, input.decision)) ? undefined : new Refusal(notFound('application'))),
  );
  return { decisionId };
}

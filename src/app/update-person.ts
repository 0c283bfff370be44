import { nissTaken } from '../adapters/db/stores/person-niss-store.ts';
import { categoriesOfPatch, updatePerson as updatePersonRow } from '../adapters/db/stores/person-store.ts';
import { DomainError, invalidInput, notFound } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import type { PersonPatch } from '../domain/schemas.ts';
import { type AppContext, Refusal } from './context.ts';
import { writePersonData } from './person-access.ts';

export async function updatePerson(ctx: AppContext, actor: Actor, input: { personId: string; purpose: Purpose; patch: PersonPatch }): Promise<void> {
  const categories = categoriesOfPatch(input.patch);
  if (categories.length === 0) throw invalidInput('patch', 'give at least one field to change');
  await writePersonData(ctx, actor, { personId: input.personId, purpose: input.purpose, categories, logAction: 'update', details: { fields: Object.keys(input.patch).sort() } }, async (tx) => {
    if (input.patch.niss) {
      if (await nissTaken(tx, actor.cpasId, input.patch.niss, input.personId)) return new Refusal(new DomainError('conflict', 'niss: a person with this national number exists already', 'niss'));
    }
    return (await updatePersonRow(tx, actor.cpasId, input.personId, input.patch)) ? undefined : new Refusal(notFound('person'));
  });
}

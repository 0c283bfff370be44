// Searches persons of the actor's CPAS by NISS, name or birth date. The result is a list of
// identities only; the access log records which criteria were used, how many persons came back
// and which (so a person's log shows who found them), never the search terms.
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { searchPersonRows } from '../adapters/db/stores/search-store.ts';
import { mayPerform } from '../domain/access-policy.ts';
import { forbidden } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

export interface PersonSearch {
  niss?: string | undefined;
  name?: string | undefined;
  birthDate?: string | undefined;
  limit: number;
}

const LOGGED_RESULT_IDS = 20;

export async function searchPersons(ctx: AppContext, actor: Actor, input: PersonSearch & { purpose: Purpose }) {
  return runAudited(ctx, async (tx) => {
    const criteria = (['niss', 'name', 'birthDate'] as const).filter((k) => input[k]);
    const base = { cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: input.purpose, action: 'search' as const, personId: null, classes: ['identity' as const] };
    if (!mayPerform(actor.roles, 'search-persons')) {
      await appendAccessLog(tx, { ...base, outcome: 'denied', rule: 'operation', details: { criteria } }, ctx.now());
      return new Refusal(forbidden('not allowed to search persons'));
    }
    const results = await searchPersonRows(tx, actor.cpasId, input);
    await appendAccessLog(tx, {
      ...base,
      outcome: 'allowed',
      rule: 'administrative-staff',
      details: { criteria, count: results.length, persons: results.slice(0, LOGGED_RESULT_IDS).map((r) => r.personId) },
    }, ctx.now());
    return results;
  });
}

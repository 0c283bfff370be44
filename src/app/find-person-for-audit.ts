// The DPO finds a person by national number, name or birth date, to read the access log about
// them, without a file's internal id. The DPO opens no file: the answer holds the identity the
// policy lets a list show (name and birth date; not the national number, which the DPO typed if
// they searched by it), and the search is logged like any other: criteria kinds, count and which
// persons came back, never the terms.
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { searchPersonRows } from '../adapters/db/stores/search-store.ts';
import { mayNamePersons, mayPerform } from '../domain/access-policy.ts';
import { forbidden } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';
import type { PersonSearch } from './search-persons.ts';

const LOGGED_RESULT_IDS = 20;

export interface FoundPerson {
  personId: string;
  familyName: string;
  givenNames: string;
  birthDate: string | null;
}

export async function findPersonForAudit(ctx: AppContext, actor: Actor, input: PersonSearch): Promise<FoundPerson[]> {
  return runAudited(ctx, async (tx) => {
    const criteria = (['niss', 'name', 'birthDate'] as const).filter((k) => input[k]);
    const base = {
      cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'data-protection-audit' as const,
      action: 'search' as const, personId: null, classes: ['identity' as const], rule: 'operation' as const,
    };
    if (!mayPerform(actor.roles, 'find-person-for-audit') || !mayNamePersons(actor.roles)) {
      await appendAccessLog(tx, { ...base, outcome: 'denied', details: { view: 'audit-person-finder', criteria } }, ctx.now());
      return new Refusal(forbidden('not allowed to find-person-for-audit'));
    }
    const rows = await searchPersonRows(tx, actor.cpasId, input);
    await appendAccessLog(tx, {
      ...base, outcome: 'allowed',
      details: { view: 'audit-person-finder', criteria, count: rows.length, persons: rows.slice(0, LOGGED_RESULT_IDS).map((r) => r.personId) },
    }, ctx.now());
    return rows.map(({ personId, familyName, givenNames, birthDate }) => ({ personId, familyName, givenNames, birthDate }));
  });
}

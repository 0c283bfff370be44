// Exports what the CPAS holds on one person, found by national number, for the person's right of
// access (GDPR art. 15): everything the actor may read for the purpose `data-subject-access`,
// and the list of what is withheld and why, so the reader knows the export is not the whole file.
//
// Two logged steps, through the use cases every other access uses (no second gate):
// 1. the lookup by NISS is a search, under the search operation and logged as one. Without
//    that, the answer "not found" versus "forbidden" would tell any staff member, including
//    roles that see no content (DPO, IT), whether a given national number is a client of the
//    CPAS, which is itself a secret (R30), and nothing would record that they asked.
// 2. the file is opened by openPersonFile with the log action 'export': the entry says the data
//    left the system, not only that it was read.
//
// Secret classes (social reports, notes, medical data, PIIS, opinions) are not opened under the
// default purpose: the purpose table does not let `data-subject-access` open secret data. They are
// listed in `withheld` with the reason 'purpose' (or the policy rule that refuses the actor).
// Another purpose may be given (the social worker on the case exporting for `case-follow-up`
// gets the secret part the policy lets them read for it): it goes through the same gate and log.
import { cpasCode } from '../adapters/db/stores/cpas-store.ts';
import type { ItemCategory } from '../domain/data-classes.ts';
import { DomainError, invalidInput } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import { describeIssue, niss as nissSchema } from '../domain/schemas.ts';
import type { AppContext } from './context.ts';
import { openPersonFile, type PersonFile } from './open-person-file.ts';
import type { WithheldReason } from '../domain/access-policy.ts';
import { searchPersons } from './search-persons.ts';

const PURPOSE: Purpose = 'data-subject-access';

export interface PersonExport {
  /** When the export was made (ISO 8601). */
  exportedAt: string;
  /** The CPAS that holds the data (its code). */
  cpas: string;
  personId: string;
  purpose: Purpose;
  administrative: PersonFile['administrative'];
  secret: PersonFile['secret'];
  /** Name, type, size and date of each attachment the actor may read; never the content. */
  attachments: PersonFile['attachments'];
  withheld: { class: ItemCategory; reason: WithheldReason }[];
}

export async function exportPerson(ctx: AppContext, actor: Actor, input: { niss: string; purpose?: Purpose }): Promise<PersonExport> {
  const purpose = input.purpose ?? PURPOSE;
  const parsed = nissSchema.safeParse(input.niss);
  if (!parsed.success) throw invalidInput('NISS', describeIssue(parsed.error).message);
  const cpas = await cpasCodeOf(ctx, actor.cpasId);
  const [found] = await searchPersons(ctx, actor, { niss: parsed.data, limit: 1, purpose });
  if (!found) throw new DomainError('not-found', `no person with this NISS in ${cpas}`);
  const file = await openPersonFile(ctx, actor, { personId: found.personId, purpose, logAction: 'export' });
  return {
    exportedAt: ctx.now().toISOString(),
    cpas,
    personId: file.personId,
    purpose: file.purpose,
    administrative: file.administrative,
    secret: file.secret,
    attachments: file.attachments,
    withheld: file.withheld.map((w) => ({ class: w.category, reason: w.reason })),
  };
}

async function cpasCodeOf(ctx: AppContext, cpasId: string): Promise<string> {
  const code = await ctx.db.transaction((tx) => cpasCode(tx, cpasId));
  if (code === null) throw new DomainError('not-found', 'CPAS not found');
  return code;
}

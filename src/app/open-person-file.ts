// Opens a person's file: every data class the actor may read for this purpose, and the list of
// what was withheld and why. One transaction, one access-log entry naming the classes opened,
// appended last.
import { loadAdministrativeSections } from '../adapters/db/stores/person-store.ts';
import { loadAttachmentList } from '../adapters/db/stores/attachment-store.ts';
import { loadSecretRecords, type OpenedSecretRecord } from '../adapters/db/stores/secret-record-store.ts';
import type { LogAction } from '../domain/access-log-entry.ts';
import { ITEM_CATEGORIES, type ItemCategory } from '../domain/data-classes.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import { SECRET_RECORD_KIND_NAMES, type SecretRecordKindName } from '../domain/secret-records.ts';
import { type AppContext, runAudited } from './context.ts';
import { readPersonDataLoggedLast, type PersonAccessGrant } from './person-access.ts';

export type { OpenedSecretRecord };

export interface PersonFile {
  personId: string;
  purpose: Purpose;
  rule: PersonAccessGrant['rule'];
  /** One entry per administrative class opened, keyed by category. */
  administrative: Partial<Record<ItemCategory, unknown>>;
  secret: Partial<Record<SecretRecordKindName, OpenedSecretRecord[]>>;
  attachments: Awaited<ReturnType<typeof loadAttachmentList>>;
  withheld: PersonAccessGrant['withheld'];
}

export async function openPersonFile(
  ctx: AppContext,
  actor: Actor,
  /** logAction: 'export' when the file leaves the system (data-subject export); 'read' otherwise. */
  input: { personId: string; purpose: Purpose; logAction?: LogAction },
): Promise<PersonFile> {
  // The entry is appended after the sections are read, as the last statement before COMMIT (why
  // that keeps "no log, no read": readPersonDataLoggedLast): the chain head of the CPAS is then
  // locked for the append and the commit only, not for the reads.
  return runAudited(ctx, (tx) => readPersonDataLoggedLast(tx, ctx, actor, {
    personId: input.personId,
    purpose: input.purpose,
    action: 'read',
    logAction: input.logAction ?? 'read',
    categories: ITEM_CATEGORIES,
    partial: true,
  }, async (grant) => {
    const file: PersonFile = {
      personId: input.personId,
      purpose: input.purpose,
      rule: grant.rule,
      administrative: await loadAdministrativeSections(tx, actor.cpasId, input.personId, grant.allowed),
      secret: {},
      attachments: await loadAttachmentList(tx, ctx.secrets, grant.grant),
      withheld: grant.withheld,
    };
    for (const kind of SECRET_RECORD_KIND_NAMES) {
      const records = await loadSecretRecords(tx, ctx.secrets, grant.grant, kind);
      if (records.length > 0) file.secret[kind] = records;
    }
    return file;
  }));
}

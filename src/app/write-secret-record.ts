// Writes a social report, case note, medical document or PIIS: sealed before it reaches the
// database, allowed only to the social workers on the case (and their head of service).
import { randomUUID } from 'node:crypto';
import { insertSecretRecord } from '../adapters/db/stores/secret-record-store.ts';
import { todayIn } from '../domain/calendar-date.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import { categoriesOfKind, SECRET_RECORD_KINDS, type SecretRecordKindName } from '../domain/secret-records.ts';
import type { AppContext } from './context.ts';
import { writePersonData } from './person-access.ts';

export interface SecretRecordInput {
  personId: string;
  purpose: Purpose;
  kind: SecretRecordKindName;
  /** The record's date (report written on, document issued on...); now for a case note. */
  date?: string;
  plain?: Record<string, string>;
  sealed: Record<string, string | null | undefined>;
}

export async function writeSecretRecord(ctx: AppContext, actor: Actor, input: SecretRecordInput): Promise<{ recordId: string }> {
  const recordId = randomUUID();
  const kind = SECRET_RECORD_KINDS[input.kind];
  // Only the classes actually written are asked for: a report without an assessment writes no opinion.
  const categories = Object.entries(kind.sealedFields)
    .filter(([field]) => input.sealed[field] != null)
    .map(([, spec]) => spec.category);
  await writePersonData(
    ctx,
    actor,
    { personId: input.personId, purpose: input.purpose, categories: categories.length ? categories : categoriesOfKind(input.kind), logAction: 'create', details: { record: recordId, kind: input.kind } },
    (tx) =>
      insertSecretRecord(tx, ctx.secrets, actor.cpasId, input.kind, {
        recordId,
        personId: input.personId,
        authorUserId: actor.userId,
        // A day column takes the Brussels day: the UTC date is yesterday's just after Brussels midnight.
        date: input.date ?? (kind.dateKind === 'day' ? todayIn(ctx.now) : ctx.now().toISOString()),
        plain: input.plain ?? {},
        sealed: input.sealed,
      }),
  );
  return { recordId };
}

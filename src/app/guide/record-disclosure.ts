// Records, in a person's file, what a worker did after the guide: a disclosure under a permission
// or a refusal given to an outside requester. It is secret content of the file (sealed like a
// case note), so only those who may write the file's social notes may record it, and the access
// log gets one entry with action 'disclosure' naming the outcome and the ground, never the text.
import { randomUUID } from 'node:crypto';
import { insertSecretRecord } from '../../adapters/db/stores/secret-record-store.ts';
import { DomainError } from '../../domain/errors.ts';
import { disclosureRecordInput, type DisclosureRecordInput } from '../../domain/guide/disclosure-record.ts';
import type { Actor } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { todayIn } from '../../domain/calendar-date.ts';
import { mayWritePersonData, writePersonData } from '../person-access.ts';

/** What recording writes: a social note of the case, for the case's follow-up. */
const DISCLOSURE_WRITE = { purpose: 'case-follow-up', categories: ['social-notes'] } as const;

/** Whether this actor could record what was done on this person's file: the guide offers the form only then. */
export const mayRecordDisclosure = (ctx: AppContext, actor: Actor, personId: string): Promise<boolean> =>
  mayWritePersonData(ctx, actor, { personId, ...DISCLOSURE_WRITE });

export async function recordDisclosure(ctx: AppContext, actor: Actor, personId: string, input: unknown): Promise<{ recordId: string }> {
  const parsed = disclosureRecordInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'input');
    throw new DomainError('invalid-input', `${field}: ${issue.message}`, field);
  }
  const record: DisclosureRecordInput = parsed.data;
  // A disclosure is recorded once it happened: a date to come would record an intention.
  if (record.disclosedOn > todayIn(ctx.now)) throw new DomainError('invalid-input', 'disclosedOn: must not be in the future', 'disclosedOn');
  const recordId = randomUUID();
  await writePersonData(
    ctx,
    actor,
    {
      personId,
      ...DISCLOSURE_WRITE,
      logAction: 'disclosure',
      details: { record: recordId, kind: 'guide-disclosure', outcome: record.outcome, ...(record.ground ? { ground: record.ground } : {}) },
    },
    (tx) =>
      insertSecretRecord(tx, ctx.secrets, actor.cpasId, 'guide-disclosure', {
        recordId,
        personId,
        authorUserId: actor.userId,
        date: record.disclosedOn,
        plain: { outcome: record.outcome, ...(record.ground ? { ground: record.ground } : {}) },
        sealed: { recipient: record.recipient, shared: record.shared },
      }),
  );
  return { recordId };
}

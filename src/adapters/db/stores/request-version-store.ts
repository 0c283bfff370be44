// The versions of a register entry: a request returned for completion that comes back completed is
// recorded on the same entry, the earlier content kept as a version (migration 017).
import { sql } from 'kysely';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Channel, AuthorRole } from '../../../domain/requests/assess.ts';
import type { ItemCategory as RequestItem } from '../../../domain/requests/items.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

/** Copies the entry's current content, with the persons as named, into its version table. */
export async function archiveRequestVersion(tx: Tx, cpasId: string, requestId: string, by: string, at: Date): Promise<number> {
  const row = await kyselyOf(tx)
    .insertInto('authority_request_version')
    .columns([
      'cpas_id', 'request_id', 'version', 'channel', 'author_role', 'author_name', 'author_office', 'reference', 'dated', 'received', 'answer_by',
      'reasoned', 'reasons_enc', 'offences', 'items', 'subjects_json', 'assessment_json', 'superseded_by', 'superseded_at',
    ])
    .expression((eb) =>
      eb.selectFrom('authority_request as r')
        .select([
          'r.cpas_id', 'r.request_id', 'r.version', 'r.channel', 'r.author_role', 'r.author_name', 'r.author_office', 'r.reference', 'r.dated',
          'r.received', 'r.answer_by', 'r.reasoned', 'r.reasons_enc', 'r.offences', 'r.items',
          sql<string>`COALESCE((SELECT json_agg(json_build_object('name', s.given_name, 'niss', s.given_niss, 'birthDate', s.given_birth_date) ORDER BY s.position)::text
            FROM request_subject s WHERE s.cpas_id = r.cpas_id AND s.request_id = r.request_id), '[]')`.as('subjects_json'),
          'r.assessment_json',
          eb.val(by).as('superseded_by'),
          eb.val(at).as('superseded_at'),
        ])
        .where('r.cpas_id', '=', cpasId)
        .where('r.request_id', '=', requestId),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export interface CompletedContent {
  readonly channel: Channel;
  readonly authorRole: AuthorRole;
  readonly authorName: string | null;
  readonly authorOffice: string | null;
  readonly reference: string | null;
  readonly dated: string;
  readonly received: string;
  readonly answerBy: string | null;
  readonly dueOn: string;
  readonly reasoned: boolean;
  readonly reasonsText: string | null;
  readonly offences: readonly string[];
  readonly items: readonly RequestItem[];
}

/** The entry takes the completed content as its next version; its assessment is voided (it is assessed again). */
export async function replaceRequestContent(tx: Tx, box: SecretBox, cpasId: string, requestId: string, c: CompletedContent): Promise<number> {
  const reasons = c.reasonsText
    ? await box.seal(tx, { cpasId, table: 'authority_request', column: 'reasons_enc', recordId: requestId }, c.reasonsText)
    : null;
  const db = kyselyOf(tx);
  await db.deleteFrom('request_subject').where('cpas_id', '=', cpasId).where('request_id', '=', requestId).execute();
  const row = await db
    .updateTable('authority_request')
    .set((eb) => ({
      channel: c.channel, author_role: c.authorRole, author_name: c.authorName, author_office: c.authorOffice, reference: c.reference,
      dated: c.dated, received: c.received, answer_by: c.answerBy, due_on: c.dueOn, reasoned: c.reasoned, reasons_enc: reasons,
      offences: [...c.offences], items: [...c.items], assessment_json: null, assessment_config_id: null, assessment_settings_version: null,
      assessed_by: null, assessed_at: null, version: eb('version', '+', 1),
    }))
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

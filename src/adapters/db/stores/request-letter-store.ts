// The CPAS's letters in answer to a request (table request_disclosure), and the letterhead they
// are written on. A draft answer may be replaced until it is signed; a signed letter is frozen by
// the database itself (trigger request_disclosure_freeze), whatever this code does.
import type { Role } from '../../../domain/roles.ts';
import type { LetterKind } from '../../../domain/requests/letter-content.ts';
import type { LetterLanguage } from '../../../domain/requests/standard-reply.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export interface LetterRecord {
  letterKind: LetterKind;
  language: LetterLanguage;
  contentText: string;
  contentSha256: string;
  preparedBy: string;
  preparedAt: Date;
  signedBy: string | null;
  signedAt: Date | null;
  signatoryRole: Extract<Role, 'directeur-general' | 'president'> | null;
  sentBy: string | null;
  sentAt: Date | null;
}

export async function loadLetter(tx: Tx, cpasId: string, requestId: string): Promise<LetterRecord | null> {
  const row = await kyselyOf(tx)
    .selectFrom('request_disclosure')
    .select([
      'letter_kind as letterKind', 'language', 'content_text as contentText', 'content_sha256 as contentSha256', 'prepared_by as preparedBy',
      'prepared_at as preparedAt', 'signed_by as signedBy', 'signed_at as signedAt', 'signatory_role as signatoryRole', 'sent_by as sentBy',
      'sent_at as sentAt',
    ])
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row ?? null;
}

/** Stores a draft answer, replacing an unsigned one. Returns false when a signed letter is there already. */
export async function storeDraftAnswer(
  tx: Tx,
  cpasId: string,
  requestId: string,
  d: { language: LetterLanguage; contentText: string; sha256: string; by: string; at: Date },
): Promise<boolean> {
  const draft = { letter_kind: 'answer', language: d.language, content_text: d.contentText, content_sha256: d.sha256, prepared_by: d.by, prepared_at: d.at } as const;
  const row = await kyselyOf(tx)
    .insertInto('request_disclosure')
    .values({ cpas_id: cpasId, request_id: requestId, ...draft })
    .onConflict((oc) => oc.columns(['cpas_id', 'request_id']).doUpdateSet(draft).where('request_disclosure.signed_at', 'is', null))
    .returning('request_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Signs the draft if it is still exactly the text the signatory reviewed. */
export async function signLetter(
  tx: Tx,
  cpasId: string,
  requestId: string,
  s: { sha256: string; by: string; role: 'directeur-general' | 'president'; at: Date },
): Promise<boolean> {
  const row = await kyselyOf(tx)
    .updateTable('request_disclosure')
    .set({ signed_by: s.by, signed_at: s.at, signatory_role: s.role })
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .where('content_sha256', '=', s.sha256)
    .where('signed_at', 'is', null)
    .returning('request_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A refusal or a return is written and signed in one step by the directeur général or the président. */
export async function storeSignedClosingLetter(
  tx: Tx,
  cpasId: string,
  requestId: string,
  l: { kind: 'refusal' | 'return-for-completion'; language: LetterLanguage; contentText: string; sha256: string; by: string; role: 'directeur-general' | 'president'; at: Date },
): Promise<void> {
  await kyselyOf(tx)
    .insertInto('request_disclosure')
    .values({
      cpas_id: cpasId, request_id: requestId, letter_kind: l.kind, language: l.language, content_text: l.contentText, content_sha256: l.sha256,
      prepared_by: l.by, prepared_at: l.at, signed_by: l.by, signed_at: l.at, signatory_role: l.role,
    })
    .execute();
}

export async function markLetterSent(tx: Tx, cpasId: string, requestId: string, by: string, at: Date): Promise<boolean> {
  const row = await kyselyOf(tx)
    .updateTable('request_disclosure')
    .set({ sent_by: by, sent_at: at })
    .where('cpas_id', '=', cpasId)
    .where('request_id', '=', requestId)
    .where('signed_at', 'is not', null)
    .where('sent_at', 'is', null)
    .returning('request_id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface Letterhead {
  name: string;
  region: string;
  defaultLanguage: string;
  street: string;
  postalCode: string;
  municipality: string;
  phone: string | null;
  email: string | null;
}

export async function loadLetterhead(tx: Tx, cpasId: string): Promise<Letterhead> {
  const row = await kyselyOf(tx)
    .selectFrom('cpas')
    .select(['name', 'region', 'default_language as defaultLanguage', 'street', 'postal_code as postalCode', 'municipality', 'phone', 'email'])
    .where('cpas_id', '=', cpasId)
    .executeTakeFirst();
  if (!row) throw new Error('the CPAS of the actor is missing');
  return row;
}

/** The title under which the holder of `role` signs, as the CPAS's letterhead writes it; null when not set. */
export async function signatoryTitle(tx: Tx, cpasId: string, role: 'directeur-general' | 'president'): Promise<string | null> {
  const row = await kyselyOf(tx)
    .selectFrom('cpas')
    .select(['director_title', 'president_title'])
    .where('cpas_id', '=', cpasId)
    .executeTakeFirst();
  return (role === 'president' ? row?.president_title : row?.director_title) ?? null;
}

export async function staffDisplayName(tx: Tx, cpasId: string, userId: string): Promise<string> {
  const row = await kyselyOf(tx)
    .selectFrom('staff_user')
    .select('display_name')
    .where('cpas_id', '=', cpasId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.display_name ?? '';
}

// The CPAS's letters in answer to a request (table request_disclosure), and the letterhead they
// are written on. A draft answer may be replaced until it is signed; a signed letter is frozen by
// the database itself (trigger request_disclosure_freeze), whatever this code does.
import type { Role } from '../../../domain/roles.ts';
import type { LetterKind } from '../../../domain/requests/letter-content.ts';
import type { LetterLanguage } from '../../../domain/requests/standard-reply.ts';
import type { Tx } from '../database.ts';

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

const LETTER_COLUMNS = `letter_kind AS "letterKind", language, content_text AS "contentText", content_sha256 AS "contentSha256",
  prepared_by AS "preparedBy", prepared_at AS "preparedAt", signed_by AS "signedBy", signed_at AS "signedAt",
  signatory_role AS "signatoryRole", sent_by AS "sentBy", sent_at AS "sentAt"`;

export async function loadLetter(tx: Tx, cpasId: string, requestId: string): Promise<LetterRecord | null> {
  const [row] = await tx.query<LetterRecord & Record<string, unknown>>(
    `SELECT ${LETTER_COLUMNS} FROM request_disclosure WHERE cpas_id = $1 AND request_id = $2`,
    [cpasId, requestId],
  );
  return row ?? null;
}

/** Stores a draft answer, replacing an unsigned one. Returns false when a signed letter is there already. */
export async function storeDraftAnswer(
  tx: Tx,
  cpasId: string,
  requestId: string,
  d: { language: LetterLanguage; contentText: string; sha256: string; by: string; at: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO request_disclosure (cpas_id, request_id, letter_kind, language, content_text, content_sha256, prepared_by, prepared_at)
     VALUES ($1, $2, 'answer', $3, $4, $5, $6, $7)
     ON CONFLICT (cpas_id, request_id) DO UPDATE
       SET letter_kind = 'answer', language = $3, content_text = $4, content_sha256 = $5, prepared_by = $6, prepared_at = $7
       WHERE request_disclosure.signed_at IS NULL
     RETURNING request_id`,
    [cpasId, requestId, d.language, d.contentText, d.sha256, d.by, d.at],
  );
  return rows.length === 1;
}

/** Signs the draft if it is still exactly the text the signatory reviewed. */
export async function signLetter(
  tx: Tx,
  cpasId: string,
  requestId: string,
  s: { sha256: string; by: string; role: 'directeur-general' | 'president'; at: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE request_disclosure SET signed_by = $4, signed_at = $5, signatory_role = $6
     WHERE cpas_id = $1 AND request_id = $2 AND content_sha256 = $3 AND signed_at IS NULL RETURNING request_id`,
    [cpasId, requestId, s.sha256, s.by, s.at, s.role],
  );
  return rows.length === 1;
}

/** A refusal or a return is written and signed in one step by the directeur général or the président. */
export async function storeSignedClosingLetter(
  tx: Tx,
  cpasId: string,
  requestId: string,
  l: { kind: 'refusal' | 'return-for-completion'; language: LetterLanguage; contentText: string; sha256: string; by: string; role: 'directeur-general' | 'president'; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO request_disclosure (cpas_id, request_id, letter_kind, language, content_text, content_sha256, prepared_by, prepared_at,
       signed_by, signed_at, signatory_role)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, $8, $9)`,
    [cpasId, requestId, l.kind, l.language, l.contentText, l.sha256, l.by, l.at, l.role],
  );
}

export async function markLetterSent(tx: Tx, cpasId: string, requestId: string, by: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE request_disclosure SET sent_by = $3, sent_at = $4
     WHERE cpas_id = $1 AND request_id = $2 AND signed_at IS NOT NULL AND sent_at IS NULL RETURNING request_id`,
    [cpasId, requestId, by, at],
  );
  return rows.length === 1;
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
  const [row] = await tx.query<Letterhead & Record<string, unknown>>(
    `SELECT name, region, default_language AS "defaultLanguage", street, postal_code AS "postalCode", municipality, phone, email
     FROM cpas WHERE cpas_id = $1`,
    [cpasId],
  );
  if (!row) throw new Error('the CPAS of the actor is missing');
  return row;
}

/** The title under which the holder of `role` signs, as the CPAS's letterhead writes it; null when not set. */
export async function signatoryTitle(tx: Tx, cpasId: string, role: 'directeur-general' | 'president'): Promise<string | null> {
  const [row] = await tx.query<{ director_title: string | null; president_title: string | null }>(
    'SELECT director_title, president_title FROM cpas WHERE cpas_id = $1',
    [cpasId],
  );
  return (role === 'president' ? row?.president_title : row?.director_title) ?? null;
}

export async function staffDisplayName(tx: Tx, cpasId: string, userId: string): Promise<string> {
  const [row] = await tx.query<{ display_name: string }>('SELECT display_name FROM staff_user WHERE cpas_id = $1 AND user_id = $2', [cpasId, userId]);
  return row?.display_name ?? '';
}

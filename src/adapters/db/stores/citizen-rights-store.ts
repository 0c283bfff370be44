// Rights requests (migration 011). Sealed columns are sealed and opened by the caller's secret box;
// each state change names the state it expects, so two people acting at once cannot both move it.
import type { RightsKind, RightsState } from '../../../domain/rights-requests.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import { type AccessGrant, checkGrant, PERSON_FILE } from '../../../domain/access-grant.ts';
import type { Tx } from '../database.ts';

export interface RightsRequestRow {
  readonly requestId: string;
  readonly personId: string;
  readonly kind: RightsKind;
  readonly channel: 'portal' | 'desk';
  readonly receivedOn: string;
  readonly dueOn: string;
  readonly extendedDueOn: string | null;
  readonly state: RightsState;
  readonly redactedBy: string | null;
  readonly approvedBy: string | null;
  readonly extensionReasonEnc: Buffer | null;
}

const COLUMNS = `request_id AS "requestId", person_id AS "personId", kind, channel, received_on AS "receivedOn", due_on AS "dueOn",
  extended_due_on AS "extendedDueOn", state, redacted_by AS "redactedBy", approved_by AS "approvedBy", extension_reason_enc AS "extensionReasonEnc"`;

export async function insertRightsRequest(tx: Tx, cpasId: string, row: Omit<RightsRequestRow, 'extendedDueOn' | 'state' | 'redactedBy' | 'approvedBy' | 'extensionReasonEnc'> & { statementEnc: Buffer | null; recordedBy: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO rights_request (cpas_id, request_id, person_id, kind, channel, received_on, due_on, state, statement_enc, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'received', $8, $9)`,
    [cpasId, row.requestId, row.personId, row.kind, row.channel, row.receivedOn, row.dueOn, row.statementEnc, row.recordedBy],
  );
}

export async function findRightsRequest(tx: Tx, cpasId: string, requestId: string): Promise<RightsRequestRow | null> {
  const [row] = await tx.query<RightsRequestRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM rights_request WHERE cpas_id = $1 AND request_id = $2 FOR UPDATE`, [cpasId, requestId]);
  return row ?? null;
}

export async function listRightsRequestsOfPerson(tx: Tx, cpasId: string, personId: string): Promise<RightsRequestRow[]> {
  return tx.query<RightsRequestRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM rights_request WHERE cpas_id = $1 AND person_id = $2 ORDER BY received_on DESC, created_at DESC`, [cpasId, personId]);
}

/** The open requests of a CPAS, soonest deadline first. */
export async function listOpenRightsRequests(tx: Tx, cpasId: string): Promise<RightsRequestRow[]> {
  return tx.query<RightsRequestRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM rights_request WHERE cpas_id = $1 AND state NOT IN ('released', 'answered')
     ORDER BY COALESCE(extended_due_on, due_on), received_on, request_id`,
    [cpasId],
  );
}

export async function extendRightsRequest(tx: Tx, cpasId: string, requestId: string, extendedDueOn: string, reasonEnc: Buffer): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE rights_request SET extended_due_on = $3, extension_reason_enc = $4
     WHERE cpas_id = $1 AND request_id = $2 AND extended_due_on IS NULL AND state NOT IN ('released', 'answered') RETURNING request_id`,
    [cpasId, requestId, extendedDueOn, reasonEnc],
  );
  return rows.length === 1;
}

/** Moves a request from `from` to `to`, setting the step's own columns; false when it was not in `from`. */
export async function moveRightsRequest(
  tx: Tx, cpasId: string, requestId: string, from: readonly RightsState[], to: RightsState,
  at: Date, set: { redactedBy?: string; copyPdfEnc?: Buffer; approvedBy?: string; released?: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE rights_request SET state = $4,
       redacted_by = COALESCE($5, redacted_by), redacted_at = CASE WHEN $5::uuid IS NULL THEN redacted_at ELSE $9 END,
       copy_pdf_enc = COALESCE($6, copy_pdf_enc),
       approved_by = CASE WHEN $4 = 'redacted' THEN NULL ELSE COALESCE($7, approved_by) END,
       approved_at = CASE WHEN $4 = 'redacted' THEN NULL WHEN $7::uuid IS NULL THEN approved_at ELSE $9 END,
       released_at = COALESCE(released_at, $8)
     WHERE cpas_id = $1 AND request_id = $2 AND state = ANY($3::text[]) RETURNING request_id`,
    [cpasId, requestId, from, to, set.redactedBy ?? null, set.copyPdfEnc ?? null, set.approvedBy ?? null, set.released ?? null, at],
  );
  return rows.length === 1;
}

export async function loadApprovedCopy(tx: Tx, cpasId: string, requestId: string, personId: string): Promise<Buffer | null> {
  const [row] = await tx.query<{ copy_pdf_enc: Buffer | null }>(
    `SELECT copy_pdf_enc FROM rights_request
     WHERE cpas_id = $1 AND request_id = $2 AND person_id = $3 AND kind = 'copy' AND state IN ('approved', 'released') AND approved_by IS NOT NULL`,
    [cpasId, requestId, personId],
  );
  return row?.copy_pdf_enc ?? null;
}

export async function loadRightsStatement(tx: Tx, cpasId: string, requestId: string): Promise<Buffer | null> {
  const [row] = await tx.query<{ statement_enc: Buffer | null }>('SELECT statement_enc FROM rights_request WHERE cpas_id = $1 AND request_id = $2', [cpasId, requestId]);
  return row?.statement_enc ?? null;
}

/**
 * The person's statement of a rights request, opened for a member of staff only with the gate's
 * grant on the person's social notes: the statement may repeat a confidence (a correction, an objection).
 */
export async function openRightsStatement(tx: Tx, secrets: SecretBox, grant: AccessGrant, at: { cpasId: string; personId: string; requestId: string }): Promise<string | null> {
  checkGrant(grant, { cpasId: at.cpasId, personId: at.personId, category: 'social-notes', scope: PERSON_FILE });
  const sealed = await loadRightsStatement(tx, at.cpasId, at.requestId);
  return sealed ? secrets.openText(tx, { cpasId: at.cpasId, table: 'rights_request', column: 'statement_enc', recordId: at.requestId }, sealed) : null;
}

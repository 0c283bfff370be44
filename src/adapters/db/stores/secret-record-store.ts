// Reads and writes secret records (social reports, case notes, medical documents, PIIS). Sealed
// columns are encrypted before they reach the database and opened only for the fields whose data
// class the caller was allowed, so an unopened class never exists in memory as plaintext. Reads
// take an access grant, which only the gate issues after the policy allowed and the log recorded.
import { type AccessGrant, checkGrant, PERSON_FILE } from '../../../domain/access-grant.ts';
import { SECRET_RECORD_KINDS, type SecretRecordKind, type SecretRecordKindName } from '../../../domain/secret-records.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Param, Tx } from '../database.ts';

const kindOf = (name: SecretRecordKindName): SecretRecordKind => SECRET_RECORD_KINDS[name];

export interface SecretRecordDraft {
  recordId: string;
  personId: string;
  authorUserId: string;
  date: string | Date;
  plain: Record<string, string>;
  sealed: Record<string, string | null | undefined>;
}

export async function insertSecretRecord(tx: Tx, box: SecretBox, cpasId: string, kindName: SecretRecordKindName, draft: SecretRecordDraft): Promise<void> {
  const kind = kindOf(kindName);
  const columns = ['cpas_id', kind.idColumn, 'person_id', 'author_user_id', kind.dateColumn];
  const values: Param[] = [cpasId, draft.recordId, draft.personId, draft.authorUserId, draft.date];
  for (const [field, column] of Object.entries(kind.plainFields)) {
    columns.push(column);
    values.push(draft.plain[field] ?? null);
  }
  for (const [field, spec] of Object.entries(kind.sealedFields)) {
    const plaintext = draft.sealed[field];
    columns.push(spec.column);
    values.push(
      plaintext == null ? null : await box.seal(tx, { cpasId, table: kind.table, column: spec.column, recordId: draft.recordId }, plaintext),
    );
  }
  const placeholders = values.map((_, i) => `$${i + 1}`).join(', ');
  await tx.query(`INSERT INTO ${kind.table} (${columns.join(', ')}) VALUES (${placeholders})`, values);
}

export interface OpenedSecretRecord {
  id: string;
  authorUserId: string;
  date: string;
  [field: string]: string | null;
}

/** Loads a person's records of one kind and opens only the sealed fields of the classes the grant opens. */
export async function loadSecretRecords(tx: Tx, box: SecretBox, access: AccessGrant, kindName: SecretRecordKindName): Promise<OpenedSecretRecord[]> {
  const { cpasId, personId } = access;
  const kind = kindOf(kindName);
  const sealed = Object.entries(kind.sealedFields).filter(([, spec]) => access.categories.has(spec.category));
  if (sealed.length === 0) return [];
  for (const [, spec] of sealed) checkGrant(access, { cpasId, personId, category: spec.category, scope: PERSON_FILE });
  const columns = [kind.idColumn, 'author_user_id', kind.dateColumn, ...Object.values(kind.plainFields), ...sealed.map(([, s]) => s.column)];
  const rows = await tx.query(
    `SELECT ${columns.join(', ')} FROM ${kind.table} WHERE cpas_id = $1 AND person_id = $2 ORDER BY ${kind.dateColumn} DESC, ${kind.idColumn}`,
    [cpasId, personId],
  );
  const opened: OpenedSecretRecord[] = [];
  for (const row of rows) {
    const id = String(row[kind.idColumn]);
    const date = row[kind.dateColumn];
    const record: OpenedSecretRecord = {
      id,
      authorUserId: String(row.author_user_id),
      date: date instanceof Date ? date.toISOString() : String(date),
    };
    for (const [field, column] of Object.entries(kind.plainFields)) record[field] = row[column] == null ? null : String(row[column]);
    for (const [field, spec] of sealed) {
      const value = row[spec.column];
      record[field] = Buffer.isBuffer(value)
        ? await box.openText(tx, { cpasId, table: kind.table, column: spec.column, recordId: id }, value)
        : null;
    }
    opened.push(record);
  }
  return opened;
}

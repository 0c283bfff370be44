// Attachments: a file with its own data class. Content of a secret class is sealed; the list
// shows only attachments whose class the caller may read, so even a file name of a secret
// attachment (often telling: "certificat-psychiatrique.pdf") stays hidden from others.
import { createHash } from 'node:crypto';
import { type ItemCategory, tierOf } from '../../../domain/data-classes.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Tx } from '../database.ts';

const place = (cpasId: string, attachmentId: string) => ({ cpasId, table: 'attachment', column: 'content', recordId: attachmentId });

export async function insertAttachment(
  tx: Tx,
  box: SecretBox,
  a: { cpasId: string; attachmentId: string; personId: string; dataClass: ItemCategory; fileName: string; mediaType: string; content: Buffer; uploadedBy: string },
): Promise<void> {
  const secret = tierOf(a.dataClass) === 'secret';
  const stored = secret ? await box.seal(tx, place(a.cpasId, a.attachmentId), a.content) : a.content;
  await tx.query(
    `INSERT INTO attachment (cpas_id, attachment_id, person_id, data_class, file_name, media_type, size_bytes, sha256, content, encrypted, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [a.cpasId, a.attachmentId, a.personId, a.dataClass, a.fileName, a.mediaType, a.content.length,
      createHash('sha256').update(a.content).digest('hex'), stored, secret, a.uploadedBy],
  );
}

export async function loadAttachmentList(tx: Tx, cpasId: string, personId: string, allowed: ReadonlySet<ItemCategory>) {
  if (allowed.size === 0) return [];
  return tx.query<{ attachmentId: string; dataClass: ItemCategory; fileName: string; mediaType: string; sizeBytes: number; uploadedAt: Date }>(
    `SELECT attachment_id AS "attachmentId", data_class AS "dataClass", file_name AS "fileName", media_type AS "mediaType",
            size_bytes AS "sizeBytes", uploaded_at AS "uploadedAt"
     FROM attachment WHERE cpas_id = $1 AND person_id = $2 AND data_class = ANY($3::text[]) ORDER BY uploaded_at DESC, attachment_id`,
    [cpasId, personId, [...allowed]],
  );
}

export async function loadAttachmentClass(tx: Tx, cpasId: string, attachmentId: string): Promise<{ personId: string; dataClass: ItemCategory } | null> {
  const [row] = await tx.query<{ person_id: string; data_class: ItemCategory }>(
    'SELECT person_id, data_class FROM attachment WHERE cpas_id = $1 AND attachment_id = $2',
    [cpasId, attachmentId],
  );
  return row ? { personId: row.person_id, dataClass: row.data_class } : null;
}

export async function loadAttachmentContent(tx: Tx, box: SecretBox, cpasId: string, attachmentId: string) {
  const [row] = await tx.query<{ file_name: string; media_type: string; content: Buffer; encrypted: boolean }>(
    'SELECT file_name, media_type, content, encrypted FROM attachment WHERE cpas_id = $1 AND attachment_id = $2',
    [cpasId, attachmentId],
  );
  if (!row) return null;
  const content = row.encrypted ? await box.open(tx, place(cpasId, attachmentId), row.content) : row.content;
  return { fileName: row.file_name, mediaType: row.media_type, content };
}

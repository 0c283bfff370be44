// Attachments: a file with its own data class. The content and the file name of a secret class are
// sealed (a name like "certificat-psychiatrique.pdf" is content too), and opened only with an access
// grant from the gate; the list shows only attachments whose class the grant opens. The stored
// digest is keyed (HMAC under the CPAS data key), never a plain hash that would confirm a guess.
import { type AccessGrant, checkGrant, PERSON_FILE } from '../../../domain/access-grant.ts';
import { type ItemCategory, tierOf } from '../../../domain/data-classes.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Tx } from '../database.ts';

const place = (cpasId: string, column: 'content' | 'file_name', attachmentId: string) => ({ cpasId, table: 'attachment', column, recordId: attachmentId });
const macLabel = (attachmentId: string) => `attachment/${attachmentId}`;
/** Attachments uploaded before names were sealed (migration 007) lost a secret name: a neutral one stands in. */
const UNNAMED = 'attachment';

export async function insertAttachment(
  tx: Tx,
  box: SecretBox,
  a: { cpasId: string; attachmentId: string; personId: string; dataClass: ItemCategory; fileName: string; mediaType: string; content: Buffer; uploadedBy: string },
): Promise<void> {
  const secret = tierOf(a.dataClass) === 'secret';
  const seal = (column: 'content' | 'file_name', value: Buffer) => (secret ? box.seal(tx, place(a.cpasId, column, a.attachmentId), value) : value);
  await tx.query(
    `INSERT INTO attachment (cpas_id, attachment_id, person_id, data_class, file_name, media_type, size_bytes, content_mac, content, encrypted, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [a.cpasId, a.attachmentId, a.personId, a.dataClass, await seal('file_name', Buffer.from(a.fileName, 'utf8')), a.mediaType, a.content.length,
      await box.mac(tx, a.cpasId, macLabel(a.attachmentId), a.content), await seal('content', a.content), secret, a.uploadedBy],
  );
}

async function openName(tx: Tx, box: SecretBox, cpasId: string, row: { attachmentId: string; fileName: Buffer | null; encrypted: boolean }): Promise<string> {
  if (!row.fileName) return UNNAMED;
  return row.encrypted ? box.openText(tx, place(cpasId, 'file_name', row.attachmentId), row.fileName) : row.fileName.toString('utf8');
}

export interface AttachmentListItem {
  attachmentId: string;
  dataClass: ItemCategory;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: Date;
}

export async function loadAttachmentList(tx: Tx, box: SecretBox, access: AccessGrant): Promise<AttachmentListItem[]> {
  if (access.categories.size === 0) return [];
  const rows = await tx.query<Omit<AttachmentListItem, 'fileName'> & { fileName: Buffer | null; encrypted: boolean }>(
    `SELECT attachment_id AS "attachmentId", data_class AS "dataClass", file_name AS "fileName", media_type AS "mediaType",
            size_bytes AS "sizeBytes", uploaded_at AS "uploadedAt", encrypted
     FROM attachment WHERE cpas_id = $1 AND person_id = $2 AND data_class = ANY($3::text[]) ORDER BY uploaded_at DESC, attachment_id`,
    [access.cpasId, access.personId, [...access.categories]],
  );
  const items: AttachmentListItem[] = [];
  for (const { encrypted, fileName, ...row } of rows) {
    checkGrant(access, { cpasId: access.cpasId, personId: access.personId, category: row.dataClass, scope: PERSON_FILE });
    items.push({ ...row, fileName: await openName(tx, box, access.cpasId, { attachmentId: row.attachmentId, fileName, encrypted }) });
  }
  return items;
}

export async function loadAttachmentClass(tx: Tx, cpasId: string, attachmentId: string): Promise<{ personId: string; dataClass: ItemCategory } | null> {
  const [row] = await tx.query<{ person_id: string; data_class: ItemCategory }>(
    'SELECT person_id, data_class FROM attachment WHERE cpas_id = $1 AND attachment_id = $2',
    [cpasId, attachmentId],
  );
  return row ? { personId: row.person_id, dataClass: row.data_class } : null;
}

/** The file, opened for a reader the gate allowed its class; its keyed digest is checked (a swapped file does not pass). */
export async function loadAttachmentContent(tx: Tx, box: SecretBox, access: AccessGrant, attachmentId: string) {
  const [row] = await tx.query<{ person_id: string; data_class: ItemCategory; file_name: Buffer | null; media_type: string; content: Buffer; content_mac: Buffer | null; encrypted: boolean }>(
    'SELECT person_id, data_class, file_name, media_type, content, content_mac, encrypted FROM attachment WHERE cpas_id = $1 AND attachment_id = $2',
    [access.cpasId, attachmentId],
  );
  if (!row) return null;
  checkGrant(access, { cpasId: access.cpasId, personId: row.person_id, category: row.data_class, scope: PERSON_FILE });
  const content = row.encrypted ? await box.open(tx, place(access.cpasId, 'content', attachmentId), row.content) : row.content;
  if (row.content_mac && !(await box.verifyMac(tx, access.cpasId, macLabel(attachmentId), content, row.content_mac))) {
    throw new Error('attachment content does not match its keyed digest');
  }
  return { fileName: await openName(tx, box, access.cpasId, { attachmentId, fileName: row.file_name, encrypted: row.encrypted }), mediaType: row.media_type, content };
}

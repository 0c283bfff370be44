// Staff notifications: a kind and the id of the record concerned, never its content.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../domain/roles.ts';
import type { Tx } from '../database.ts';

export type NotificationKind = 'break-glass-opened';

/** Notifies every active staff member of the CPAS holding one of `roles`, except `exceptUserId`. Returns the recipients. */
export async function notifyRoles(
  tx: Tx,
  n: { cpasId: string; roles: readonly Role[]; exceptUserId: string; kind: NotificationKind; referenceId: string; at: Date },
): Promise<string[]> {
  const recipients = await tx.query<{ user_id: string }>(
    `SELECT DISTINCT u.user_id FROM staff_user u JOIN staff_role r ON r.cpas_id = u.cpas_id AND r.user_id = u.user_id
     WHERE u.cpas_id = $1 AND u.active AND r.role = ANY($2::text[]) AND u.user_id <> $3 ORDER BY u.user_id`,
    [n.cpasId, n.roles, n.exceptUserId],
  );
  for (const { user_id } of recipients) {
    await tx.query(
      `INSERT INTO staff_notification (cpas_id, notification_id, recipient_user_id, kind, reference_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [n.cpasId, randomUUID(), user_id, n.kind, n.referenceId, n.at],
    );
  }
  return recipients.map((r) => r.user_id);
}

export interface NotificationRow {
  notificationId: string;
  kind: NotificationKind;
  referenceId: string;
  createdAt: Date;
  readAt: Date | null;
}

export async function listNotifications(tx: Tx, cpasId: string, userId: string, unreadOnly: boolean): Promise<NotificationRow[]> {
  return tx.query<NotificationRow & Record<string, unknown>>(
    `SELECT notification_id AS "notificationId", kind, reference_id AS "referenceId", created_at AS "createdAt", read_at AS "readAt"
     FROM staff_notification WHERE cpas_id = $1 AND recipient_user_id = $2 AND (NOT $3 OR read_at IS NULL)
     ORDER BY created_at DESC, notification_id LIMIT 200`,
    [cpasId, userId, unreadOnly],
  );
}

/** Marks a notification read; only its recipient can. False when there is no such notification of theirs. */
export async function markNotificationRead(tx: Tx, cpasId: string, userId: string, notificationId: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE staff_notification SET read_at = COALESCE(read_at, $4) WHERE cpas_id = $1 AND recipient_user_id = $2 AND notification_id = $3 RETURNING notification_id`,
    [cpasId, userId, notificationId, at],
  );
  return rows.length > 0;
}

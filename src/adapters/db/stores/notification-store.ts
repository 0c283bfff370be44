// Staff notifications: a kind and the id of the record concerned, never its content.
import type { NotificationKind } from '../../../domain/notifications.ts';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../domain/roles.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

/** Notifies every active staff member of the CPAS holding one of `roles`, except `exceptUserId`. Returns the recipients. */
export async function notifyRoles(
  tx: Tx,
  n: { cpasId: string; roles: readonly Role[]; exceptUserId: string; kind: NotificationKind; referenceId: string; at: Date },
): Promise<string[]> {
  const db = kyselyOf(tx);
  const recipients = await db
    .selectFrom('staff_user as u')
    .innerJoin('staff_role as r', (join) => join.onRef('r.cpas_id', '=', 'u.cpas_id').onRef('r.user_id', '=', 'u.user_id'))
    .select('u.user_id')
    .distinct()
    .where('u.cpas_id', '=', n.cpasId)
    .where('u.active', '=', true)
    .where((eb) => eb('r.role', '=', eb.fn.any(eb.val([...n.roles]))))
    .where('u.user_id', '<>', n.exceptUserId)
    .orderBy('u.user_id')
    .execute();
  for (const { user_id } of recipients) {
    await db
      .insertInto('staff_notification')
      .values({
        cpas_id: n.cpasId, notification_id: randomUUID(), recipient_user_id: user_id, kind: n.kind, reference_id: n.referenceId, created_at: n.at,
      })
      .execute();
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
  let query = kyselyOf(tx)
    .selectFrom('staff_notification')
    .select(['notification_id as notificationId', 'kind', 'reference_id as referenceId', 'created_at as createdAt', 'read_at as readAt'])
    .where('cpas_id', '=', cpasId)
    .where('recipient_user_id', '=', userId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('notification_id').limit(200).execute();
}

/** Marks a notification read; only its recipient can. False when there is no such notification of theirs. */
export async function markNotificationRead(tx: Tx, cpasId: string, userId: string, notificationId: string, at: Date): Promise<boolean> {
  const updated = await kyselyOf(tx)
    .updateTable('staff_notification')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
    .where('cpas_id', '=', cpasId)
    .where('recipient_user_id', '=', userId)
    .where('notification_id', '=', notificationId)
    .returning('notification_id')
    .executeTakeFirst();
  return updated !== undefined;
}

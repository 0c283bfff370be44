// Notices of the sealed register (migration 016): whom they reach is decided from the register's
// own tables (its readers and delegates), so this store is kept apart from the staff notifications
// that person-file modules use: those must never name a register table (secrecy-of-measure test).
import { randomUUID } from 'node:crypto';
import type { RegisterNotificationKind } from '../../../domain/notifications.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

/** Whom a register notification reaches, with the address they gave for e-mails and their language. */
export interface Recipient {
  readonly userId: string;
  readonly email: string | null;
  readonly language: string | null;
}

/**
 * Notifies the register's readers of a request: every active directeur général and président, and
 * every delegate whose delegation runs on `today`; never the DPO (who supervises, does not handle)
 * and never `exceptUserId` (who caused it). `once`: not again to someone already notified of this
 * kind for this request (the deadline reminders run every hour).
 */
export async function notifyRegisterReaders(
  tx: Tx,
  n: { cpasId: string; kind: RegisterNotificationKind; requestId: string; at: Date; today: string; exceptUserId: string | null; once: boolean },
): Promise<Recipient[]> {
  const db = kyselyOf(tx);
  const byRole = db
    .selectFrom('staff_role as r')
    .select('r.user_id')
    .where('r.cpas_id', '=', n.cpasId)
    .where('r.role', 'in', ['directeur-general', 'president']);
  const delegates = db
    .selectFrom('request_delegate as d')
    .select('d.user_id')
    .where('d.cpas_id', '=', n.cpasId)
    .where('d.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('d.valid_until', 'is', null), eb('d.valid_until', '>=', n.today)]));
  let query = db
    .selectFrom('staff_user as u')
    .select(['u.user_id as userId', 'u.email', 'u.language'])
    .where('u.cpas_id', '=', n.cpasId)
    .where('u.active', '=', true)
    .where((eb) => eb.or([eb('u.user_id', 'in', byRole), eb('u.user_id', 'in', delegates)]));
  if (n.exceptUserId) query = query.where('u.user_id', '<>', n.exceptUserId);
  if (n.once) {
    query = query.where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('staff_notification as s').select('s.notification_id')
        .where('s.cpas_id', '=', n.cpasId).where('s.kind', '=', n.kind).where('s.reference_id', '=', n.requestId).whereRef('s.recipient_user_id', '=', 'u.user_id'),
    )));
  }
  const recipients = await query.orderBy('u.user_id').execute();
  for (const r of recipients) {
    await db
      .insertInto('staff_notification')
      .values({ cpas_id: n.cpasId, notification_id: randomUUID(), recipient_user_id: r.userId, kind: n.kind, reference_id: n.requestId, created_at: n.at })
      .execute();
  }
  return recipients;
}

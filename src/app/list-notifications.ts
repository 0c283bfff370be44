// The current user's notifications (kind and record id only) and marking one read. They carry no
// personal data: the record is opened through its own, logged, use case.
import { listNotifications as listRows, markNotificationRead, type NotificationRow } from '../adapters/db/stores/notification-store.ts';
import { notFound } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

export function listMyNotifications(ctx: AppContext, actor: Actor, input: { unreadOnly: boolean }): Promise<NotificationRow[]> {
  return runAudited(ctx, (tx) => listRows(tx, actor.cpasId, actor.userId, input.unreadOnly));
}

export function markMyNotificationRead(ctx: AppContext, actor: Actor, notificationId: string): Promise<void> {
  return runAudited(ctx, async (tx) => ((await markNotificationRead(tx, actor.cpasId, actor.userId, notificationId, ctx.now())) ? undefined : new Refusal(notFound('notification'))));
}

/**
 * The register's notices waiting for the actor (a new request, one due soon, an overdue one),
 * shown once on the register's page and marked read there: kinds and request ids only.
 */
export async function takeMyRegisterNotices(ctx: AppContext, actor: Actor): Promise<NotificationRow[]> {
  return runAudited(ctx, async (tx) => {
    const notices = (await listRows(tx, actor.cpasId, actor.userId, true)).filter((n) => n.kind !== 'break-glass-opened');
    for (const n of notices) await markNotificationRead(tx, actor.cpasId, actor.userId, n.notificationId, ctx.now());
    return notices;
  });
}

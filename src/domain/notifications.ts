// What a staff notification can say: a kind and the id of the record concerned, never its content.
export const NOTIFICATION_KINDS = ['break-glass-opened', 'register-new-request', 'register-due-soon', 'register-overdue'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type RegisterNotificationKind = Exclude<NotificationKind, 'break-glass-opened'>;

/** A request is due soon from this many days before its due date. */
export const DUE_SOON_DAYS = 3;

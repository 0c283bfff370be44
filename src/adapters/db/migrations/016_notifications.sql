-- Notifications of the register (issue 12): a new request, a request due within three days and an
-- overdue one notify the directeur général, the président and the delegates, in the application and,
-- when SMTP is configured, by e-mail to the address a staff member gives for it. The notification
-- holds a kind and the request's id, never its content; the e-mail says only that something waits.
ALTER TABLE staff_notification DROP CONSTRAINT staff_notification_kind_check;
ALTER TABLE staff_notification ADD CONSTRAINT staff_notification_kind_check
  CHECK (kind IN ('break-glass-opened', 'register-new-request', 'register-due-soon', 'register-overdue'));
CREATE INDEX staff_notification_reference ON staff_notification (cpas_id, reference_id, kind);

ALTER TABLE staff_user ADD COLUMN email text CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'));

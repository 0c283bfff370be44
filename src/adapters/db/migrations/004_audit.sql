-- Audit: signed checkpoints of the access log, break-glass grants and their review, and staff
-- notifications. Every key starts with cpas_id, like every other table.

-- A checkpoint is the head of one CPAS's chain, signed with an Ed25519 key that lives outside the
-- database, in the C2SP signed-note format (src/domain/checkpoint.ts). Whoever can rewrite the
-- log and its head row cannot forge this signature: `audit verify` recomputes the chain and
-- compares it with every checkpoint, here and in the folder the DPO archives.
CREATE TABLE access_log_checkpoint (
  cpas_id      uuid NOT NULL REFERENCES cpas (cpas_id),
  tree_size    bigint NOT NULL CHECK (tree_size >= 1),
  -- The chain hash after entry `tree_size` (not a Merkle root: the log is a hash chain).
  root_hash    bytea NOT NULL CHECK (length(root_hash) = 32),
  -- The whole signed note, exactly as signed and exported.
  note_text    text NOT NULL,
  key_name     text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, tree_size)
);

-- Append-only like the log. One function for every audit table: the message names the table.
CREATE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER access_log_checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON access_log_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER access_log_checkpoint_no_truncate BEFORE TRUNCATE ON access_log_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();

-- Break-glass: a social-service member not on a case opens its secret part for reading, for a
-- short time, with a written reason, and every grant waits for a review. The reason and the
-- review comment are free text written about a person in an emergency: they can carry what the
-- worker was told in confidence, so they are sealed with the CPAS data key like any secret field.
CREATE TABLE break_glass_grant (
  cpas_id              uuid NOT NULL,
  grant_id             uuid NOT NULL,
  person_id            uuid NOT NULL,
  user_id              uuid NOT NULL,
  -- The purpose the reads under this grant must declare (a purpose that allows secret data).
  purpose              text NOT NULL,
  reason_enc           bytea NOT NULL,
  opened_at            timestamptz NOT NULL,
  expires_at           timestamptz NOT NULL,
  reviewed_by          uuid,
  reviewed_at          timestamptz,
  review_outcome       text CHECK (review_outcome IN ('justified', 'not-justified')),
  review_comment_enc   bytea,
  PRIMARY KEY (cpas_id, grant_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, user_id) REFERENCES staff_user (cpas_id, user_id),
  FOREIGN KEY (cpas_id, reviewed_by) REFERENCES staff_user (cpas_id, user_id),
  CHECK (expires_at > opened_at),
  CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL) AND (reviewed_at IS NULL) = (review_outcome IS NULL)),
  CHECK (review_comment_enc IS NULL OR reviewed_at IS NOT NULL)
);
-- The lookup of every gated read: is there a live grant for this actor on this person?
CREATE INDEX break_glass_grant_actor ON break_glass_grant (cpas_id, person_id, user_id, expires_at);
CREATE INDEX break_glass_grant_queue ON break_glass_grant (cpas_id, opened_at) WHERE reviewed_at IS NULL;

-- A review is final: without this, a second reviewer could quietly turn "not justified" into
-- "justified" and the record of the first judgement would be gone.
CREATE FUNCTION break_glass_review_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.reviewed_at IS NOT NULL THEN
    RAISE EXCEPTION 'break_glass_grant % is reviewed already', OLD.grant_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER break_glass_grant_review_once BEFORE UPDATE ON break_glass_grant
  FOR EACH ROW EXECUTE FUNCTION break_glass_review_once();

-- Notifications to staff (the head of social service and the DPO when a glass is broken). They
-- name a kind and the record it is about, never its content: the reader opens the record through
-- the use case that logs it.
CREATE TABLE staff_notification (
  cpas_id             uuid NOT NULL,
  notification_id     uuid NOT NULL,
  recipient_user_id   uuid NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('break-glass-opened')),
  reference_id        uuid NOT NULL,
  created_at          timestamptz NOT NULL,
  read_at             timestamptz,
  PRIMARY KEY (cpas_id, notification_id),
  FOREIGN KEY (cpas_id, recipient_user_id) REFERENCES staff_user (cpas_id, user_id)
);
CREATE INDEX staff_notification_recipient ON staff_notification (cpas_id, recipient_user_id, created_at);

-- The application role: checkpoints are append-only for it too. A grant is never deleted or
-- extended; only its review columns can be written, once. A notification can only be marked read.
GRANT SELECT, INSERT ON access_log_checkpoint TO confiance_app;
GRANT SELECT, INSERT ON break_glass_grant TO confiance_app;
GRANT UPDATE (reviewed_by, reviewed_at, review_outcome, review_comment_enc) ON break_glass_grant TO confiance_app;
GRANT SELECT, INSERT ON staff_notification TO confiance_app;
GRANT UPDATE (read_at) ON staff_notification TO confiance_app;

-- The access log: one hash chain per CPAS. Each entry's exact canonical text is stored as
-- `text` (jsonb would normalise key order and whitespace and break verification).
--   entry_hash = SHA-256(0x00 || entry_text)     chain_hash = SHA-256(previous chain_hash || entry_hash)
-- The first entry of a CPAS chains from 32 zero bytes. The indexed columns beside the text
-- repeat what the text says so the DPO can query; `audit verify` checks they still agree.
CREATE TABLE access_log_entry (
  cpas_id      uuid NOT NULL REFERENCES cpas (cpas_id),
  seq          bigint NOT NULL CHECK (seq >= 1),
  logged_at    timestamptz NOT NULL,
  user_id      uuid,
  person_id    uuid,
  action       text NOT NULL,
  entry_text   text NOT NULL,
  entry_hash   bytea NOT NULL,
  chain_hash   bytea NOT NULL,
  PRIMARY KEY (cpas_id, seq)
);
CREATE INDEX access_log_person ON access_log_entry (cpas_id, person_id, seq) WHERE person_id IS NOT NULL;
CREATE INDEX access_log_user ON access_log_entry (cpas_id, user_id, seq);
CREATE INDEX access_log_time ON access_log_entry (cpas_id, logged_at);

-- The head of each chain. Appending locks this row, so appends within a CPAS are serialised
-- and the chain can never fork.
CREATE TABLE access_log_head (
  cpas_id      uuid PRIMARY KEY REFERENCES cpas (cpas_id),
  seq          bigint NOT NULL,
  chain_hash   bytea NOT NULL
);

-- Append-only, whoever asks: a trigger rejects UPDATE and DELETE row by row and TRUNCATE for
-- the statement. Without it, a compromised application account could rewrite history; with it,
-- tampering needs a superuser who disables the trigger, which `audit verify` then detects.
CREATE FUNCTION access_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log_entry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON access_log_entry
  FOR EACH ROW EXECUTE FUNCTION access_log_reject_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_entry
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_reject_change();

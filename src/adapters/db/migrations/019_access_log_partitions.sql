-- The access log over years: access_log_entry becomes a table partitioned by month of logged_at
-- (Brussels months), one partition per month, so that a closed month can be archived to a signed
-- file and then dropped whole (docs/operations.md, "The access log over years"). Each CPAS keeps
-- ONE hash chain across the partitions: seq and chain_hash continue from one month to the next.
--
-- A partitioned table's primary key must contain the partition key, so the key becomes
-- (cpas_id, seq, logged_at). (cpas_id, seq) stays unique all the same: an entry is only ever
-- inserted by the statement that moves the CPAS's head row from seq - 1 to seq (access-log-store.ts),
-- and `audit verify` reports a duplicated or missing seq as a break of the chain.
--
-- The partitions live in their own schema: they are storage, not tables of the model (schema.ts,
-- the data-class catalogue and the distribution test describe access_log_entry, the parent).
-- The application role has no right on them: it reads and inserts through the parent only.
CREATE SCHEMA access_log_partition;

ALTER TABLE access_log_entry RENAME TO access_log_entry_unpartitioned;
ALTER TABLE access_log_entry_unpartitioned RENAME CONSTRAINT access_log_entry_pkey TO access_log_entry_unpartitioned_pkey;
DROP INDEX access_log_person, access_log_user, access_log_time;

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
  PRIMARY KEY (cpas_id, seq, logged_at)
) PARTITION BY RANGE (logged_at);
CREATE INDEX access_log_person ON access_log_entry (cpas_id, person_id, seq) WHERE person_id IS NOT NULL;
CREATE INDEX access_log_user ON access_log_entry (cpas_id, user_id, seq);
CREATE INDEX access_log_time ON access_log_entry (cpas_id, logged_at);

-- The default partition catches an entry whose month has no partition yet (a server clock far
-- off, or a server left unmigrated for months): an append must never fail for want of a
-- partition, or the read it logs would fail with it. access_log_ensure_month moves such entries
-- into their month's partition when it is created.
CREATE TABLE access_log_partition.default_entries PARTITION OF access_log_entry DEFAULT;

-- Append-only, as before (002_access_log.sql): row triggers on a partitioned table apply to every
-- partition, present and future.
CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON access_log_entry
  FOR EACH ROW EXECUTE FUNCTION access_log_reject_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_entry
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_reject_change();
GRANT SELECT, INSERT ON access_log_entry TO confiance_app;

-- Creates the partition of the Brussels month starting at `month` (its first day) unless it
-- exists; returns true when it created it. Entries of that month waiting in the default partition
-- are moved into it: the default is detached, replaced by an empty one, and its rows inserted
-- again through the parent (never deleted, so the append-only trigger is never disabled).
CREATE FUNCTION access_log_ensure_month(month date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  part text := format('m%s', to_char(month, 'YYYY_MM'));
  lo timestamptz := date_trunc('month', month::timestamp) AT TIME ZONE 'Europe/Brussels';
  hi timestamptz := (date_trunc('month', month::timestamp) + interval '1 month') AT TIME ZONE 'Europe/Brussels';
BEGIN
  IF to_regclass(format('access_log_partition.%I', part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  IF EXISTS (SELECT 1 FROM access_log_partition.default_entries WHERE logged_at >= lo AND logged_at < hi) THEN
    ALTER TABLE access_log_entry DETACH PARTITION access_log_partition.default_entries;
    ALTER TABLE access_log_partition.default_entries RENAME TO default_entries_moving;
    CREATE TABLE access_log_partition.default_entries PARTITION OF access_log_entry DEFAULT;
    EXECUTE format('CREATE TABLE access_log_partition.%I PARTITION OF access_log_entry FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    INSERT INTO access_log_entry SELECT * FROM access_log_partition.default_entries_moving;
    DROP TABLE access_log_partition.default_entries_moving;
  ELSE
    EXECUTE format('CREATE TABLE access_log_partition.%I PARTITION OF access_log_entry FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  END IF;
  RETURN true;
END;
$$;

-- A partition for every month that has entries, and for this month and the next three (the
-- maintenance of `migrate` and `serve` keeps three months ahead); then the entries move over.
DO $$
DECLARE
  first date := coalesce((SELECT date_trunc('month', min(logged_at) AT TIME ZONE 'Europe/Brussels')::date FROM access_log_entry_unpartitioned),
                         date_trunc('month', now() AT TIME ZONE 'Europe/Brussels')::date);
  last date := greatest((SELECT date_trunc('month', max(logged_at) AT TIME ZONE 'Europe/Brussels')::date FROM access_log_entry_unpartitioned),
                         (date_trunc('month', now() AT TIME ZONE 'Europe/Brussels') + interval '3 months')::date);
  m date := first;
BEGIN
  WHILE m <= last LOOP
    PERFORM access_log_ensure_month(m);
    m := (m + interval '1 month')::date;
  END LOOP;
END
$$;
INSERT INTO access_log_entry SELECT * FROM access_log_entry_unpartitioned;
DROP TABLE access_log_entry_unpartitioned;

-- One row per CPAS and archived month: the entries (after_seq, last_seq] were written to a file
-- with a checkpoint signed at last_seq (note_text). A month's partition may be dropped only when
-- every entry in it is covered by an archive (archive-access-log.ts); dropped_at then records it,
-- and the latest dropped archive's signed (last_seq, last_chain_hash) is where `audit verify`
-- starts, since the entries before it are no longer in the database.
CREATE TABLE access_log_archive (
  cpas_id          uuid NOT NULL REFERENCES cpas (cpas_id),
  month            date NOT NULL CHECK (extract(day FROM month) = 1),
  after_seq        bigint NOT NULL CHECK (after_seq >= 0),
  anchor_hash      bytea NOT NULL CHECK (length(anchor_hash) = 32),
  last_seq         bigint NOT NULL CHECK (last_seq >= after_seq),
  last_chain_hash  bytea NOT NULL CHECK (length(last_chain_hash) = 32),
  note_text        text NOT NULL,
  archived_at      timestamptz NOT NULL,
  dropped_at       timestamptz,
  PRIMARY KEY (cpas_id, month)
);
-- Only dropped_at may be written, once: an archive row is the anchor of what remains.
CREATE FUNCTION access_log_archive_drop_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.dropped_at IS NOT NULL OR (NEW.cpas_id, NEW.month, NEW.after_seq, NEW.anchor_hash, NEW.last_seq, NEW.last_chain_hash, NEW.note_text, NEW.archived_at)
     IS DISTINCT FROM (OLD.cpas_id, OLD.month, OLD.after_seq, OLD.anchor_hash, OLD.last_seq, OLD.last_chain_hash, OLD.note_text, OLD.archived_at) THEN
    RAISE EXCEPTION 'access_log_archive rows are fixed once written (only dropped_at is set, once)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER access_log_archive_fixed BEFORE UPDATE ON access_log_archive
  FOR EACH ROW EXECUTE FUNCTION access_log_archive_drop_once();
CREATE TRIGGER access_log_archive_no_delete BEFORE DELETE ON access_log_archive
  FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
GRANT SELECT, INSERT ON access_log_archive TO confiance_app;

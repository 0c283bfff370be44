-- The register's settings change on four eyes (issue 12): the legal service (a delegate of the
-- directeur général, or the directeur général or the président) proposes a new version with the
-- reference of its decision, and the directeur général or the président, who is not the proposer,
-- confirms it. Only a confirmed proposal becomes a version; an assessment names the version.
CREATE TABLE request_settings_proposal (
  cpas_id            uuid NOT NULL REFERENCES cpas (cpas_id),
  proposal_id        uuid NOT NULL,
  answer_delay_days  integer NOT NULL CHECK (answer_delay_days BETWEEN 1 AND 365),
  config_json        text NOT NULL,
  config_id          text NOT NULL,
  decision_ref       text NOT NULL CHECK (length(decision_ref) BETWEEN 1 AND 500),
  proposed_by        uuid NOT NULL,
  proposed_at        timestamptz NOT NULL,
  decided_by         uuid,
  decided_at         timestamptz,
  outcome            text CHECK (outcome IN ('confirmed', 'rejected')),
  version            integer,
  PRIMARY KEY (cpas_id, proposal_id),
  FOREIGN KEY (cpas_id, proposed_by) REFERENCES staff_user (cpas_id, user_id),
  FOREIGN KEY (cpas_id, decided_by) REFERENCES staff_user (cpas_id, user_id),
  CHECK ((decided_at IS NULL) = (outcome IS NULL) AND (decided_by IS NULL) = (outcome IS NULL)),
  -- Four eyes in the schema too: nobody confirms or rejects their own proposal.
  CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);

-- Null for the versions made before four eyes.
ALTER TABLE request_settings ADD COLUMN decision_ref text;
ALTER TABLE request_settings ADD COLUMN proposed_by uuid;

GRANT SELECT, INSERT, UPDATE ON request_settings_proposal TO confiance_app;

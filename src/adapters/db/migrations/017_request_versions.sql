-- A request returned for completion comes back completed (issue 12): the completion is recorded on
-- the same register entry as its next version, and the earlier version is kept as it was, so the
-- register shows what the authority first sent, what was returned and why, and what came back.
ALTER TABLE authority_request ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);

CREATE TABLE authority_request_version (
  cpas_id         uuid NOT NULL,
  request_id      uuid NOT NULL,
  version         integer NOT NULL CHECK (version >= 1),
  channel         text NOT NULL,
  author_role     text NOT NULL,
  author_name     text,
  author_office   text,
  reference       text,
  dated           date NOT NULL,
  received        date NOT NULL,
  answer_by       date,
  reasoned        boolean NOT NULL,
  -- Still sealed under the entry's place (authority_request.reasons_enc of this request).
  reasons_enc     bytea,
  offences        text[] NOT NULL,
  items           text[] NOT NULL,
  -- The persons as the authority named them in that version (register data, like request_subject).
  subjects_json   text NOT NULL,
  assessment_json text,
  superseded_by   uuid NOT NULL,
  superseded_at   timestamptz NOT NULL,
  PRIMARY KEY (cpas_id, request_id, version),
  FOREIGN KEY (cpas_id, request_id) REFERENCES authority_request (cpas_id, request_id),
  FOREIGN KEY (cpas_id, superseded_by) REFERENCES staff_user (cpas_id, user_id)
);

GRANT SELECT, INSERT ON authority_request_version TO confiance_app;
GRANT DELETE ON request_subject TO confiance_app;

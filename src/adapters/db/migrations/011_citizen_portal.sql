-- The person's own portal (issue 11): citizen sessions, apart from staff sessions, and the
-- data-protection rights requests (GDPR arts 15, 16, 21) with their legal deadline and the
-- four-eyes release of a redacted copy of the social reports.

-- A citizen session. person_id is NULL when the national number given by the identity provider
-- is not a person of this CPAS: that visitor sees the same pages with nothing in them, so the
-- portal never tells whether someone is known to the CPAS. The national number itself is not kept.
CREATE TABLE citizen_session (
  cpas_id        uuid NOT NULL REFERENCES cpas (cpas_id),
  session_hash   text NOT NULL,
  person_id      uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  idle_until     timestamptz NOT NULL,
  csrf_token     text NOT NULL,
  PRIMARY KEY (cpas_id, session_hash),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id)
);

-- A rights request. The person's own words and the reason for an extension are free text that may
-- repeat a confidence: sealed like any secret field. The released copy is the redacted PDF,
-- sealed too; it exists only once a head of social service other than the redactor approved it.
CREATE TABLE rights_request (
  cpas_id              uuid NOT NULL,
  request_id           uuid NOT NULL,
  person_id            uuid NOT NULL,
  kind                 text NOT NULL CHECK (kind IN ('copy', 'correction', 'objection')),
  channel              text NOT NULL CHECK (channel IN ('portal', 'desk')),
  received_on          date NOT NULL,
  due_on               date NOT NULL,
  extended_due_on      date,
  state                text NOT NULL CHECK (state IN ('received', 'redacted', 'approved', 'released', 'answered')),
  statement_enc        bytea,
  extension_reason_enc bytea,
  recorded_by          uuid,
  redacted_by          uuid,
  redacted_at          timestamptz,
  approved_by          uuid,
  approved_at          timestamptz,
  released_at          timestamptz,
  copy_pdf_enc         bytea,
  created_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, request_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  -- Four eyes: whoever approves a redacted copy is not whoever redacted it.
  CHECK (approved_by IS NULL OR approved_by IS DISTINCT FROM redacted_by),
  CHECK (extended_due_on IS NULL OR (extended_due_on > due_on AND extension_reason_enc IS NOT NULL))
);
CREATE INDEX rights_request_person ON rights_request (cpas_id, person_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON citizen_session, rights_request TO confiance_app;

-- The professional-secrecy guide « Puis-je parler ? » (src/domain/guide/). The guide itself stores
-- nothing: a worker's consultation keeps no input. Two things are stored:
--
-- 1. The CPAS's guide configuration, one version per change, never edited in place: every answer
--    names the configuration that decided it, so the version of each day must stay readable.
CREATE TABLE guide_settings (
  cpas_id                  uuid NOT NULL REFERENCES cpas (cpas_id),
  version                  integer NOT NULL CHECK (version >= 1),
  config_id                text NOT NULL,
  -- The one CHECK switch that changes an answer (shared secrecy with outside services, G5/G17).
  external_shared_secrecy  text NOT NULL CHECK (external_shared_secrecy IN ('on', 'off')),
  -- The legal service's decision this version applies (date, reference): never personal data.
  decision_ref             text NOT NULL CHECK (length(decision_ref) BETWEEN 1 AND 500),
  created_by               uuid NOT NULL,
  created_at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, version),
  UNIQUE (cpas_id, config_id),
  FOREIGN KEY (cpas_id, created_by) REFERENCES staff_user (cpas_id, user_id)
);

-- 2. What a worker did after consulting the guide from a person's file: a disclosure under a
--    permission (the justification from R23's closed list) or a refusal given to an outside
--    requester. It is secret content of the file: who received what is sealed like a case note.
--    Only the outcome and the ground are plain, so that the DPO and the head of social service can
--    count disclosures by ground and year without opening any of them.
CREATE TABLE guide_disclosure (
  cpas_id         uuid NOT NULL,
  disclosure_id   uuid NOT NULL,
  person_id       uuid NOT NULL,
  author_user_id  uuid NOT NULL,
  disclosed_on    date NOT NULL,
  outcome_kind    text NOT NULL CHECK (outcome_kind IN ('disclosure', 'refusal')),
  ground_kind     text CHECK (ground_kind IN ('422bis', '458bis', 'necessity', '458ter-consultation', 'testimony', 'shared-secrecy')),
  recipient_enc   bytea NOT NULL,
  shared_enc      bytea NOT NULL,
  PRIMARY KEY (cpas_id, disclosure_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, author_user_id) REFERENCES staff_user (cpas_id, user_id),
  -- A disclosure always names its ground; a refusal has none.
  CHECK ((outcome_kind = 'disclosure') = (ground_kind IS NOT NULL))
);
CREATE INDEX guide_disclosure_person ON guide_disclosure (cpas_id, person_id);

-- Settings are insert-only; a recorded disclosure is never rewritten or deleted by the application.
GRANT SELECT, INSERT ON guide_settings, guide_disclosure TO confiance_app;

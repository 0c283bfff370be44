-- Confiance foundation schema.
-- Every table carries cpas_id and every primary and foreign key starts with it, so that one
-- deployment can host many CPAS and PostgreSQL/Citus can later distribute every table by CPAS
-- and co-locate each CPAS's rows. Every column is classified in src/domain/data-classes.ts;
-- a test fails when a column is missing there.

CREATE TABLE cpas (
  cpas_id           uuid PRIMARY KEY,
  code              text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,32}$'),
  name              text NOT NULL,
  region            text NOT NULL CHECK (region IN ('wallonie', 'bruxelles', 'vlaanderen', 'ostbelgien')),
  languages         text[] NOT NULL CHECK (languages <@ ARRAY['fr', 'nl', 'de'] AND cardinality(languages) > 0),
  default_language  text NOT NULL CHECK (default_language IN ('fr', 'nl', 'de')),
  street            text NOT NULL,
  postal_code       text NOT NULL,
  municipality      text NOT NULL,
  phone             text,
  email             text,
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_user (
  cpas_id          uuid NOT NULL REFERENCES cpas (cpas_id),
  user_id          uuid NOT NULL,
  username         text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name     text NOT NULL,
  language         text CHECK (language IN ('fr', 'nl', 'de')),
  password_hash    text,
  failed_logins    integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, user_id),
  UNIQUE (cpas_id, username)
);

CREATE TABLE staff_role (
  cpas_id   uuid NOT NULL,
  user_id   uuid NOT NULL,
  role      text NOT NULL CHECK (role IN ('social-worker', 'head-of-social-service', 'administrative-agent',
                                          'directeur-general', 'president', 'council-member', 'dpo', 'it-admin')),
  PRIMARY KEY (cpas_id, user_id, role),
  FOREIGN KEY (cpas_id, user_id) REFERENCES staff_user (cpas_id, user_id)
);

CREATE TABLE staff_session (
  cpas_id        uuid NOT NULL,
  session_hash   text NOT NULL,
  user_id        uuid NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  idle_until     timestamptz NOT NULL,
  csrf_token     text NOT NULL,
  PRIMARY KEY (cpas_id, session_hash),
  FOREIGN KEY (cpas_id, user_id) REFERENCES staff_user (cpas_id, user_id)
);

CREATE TABLE api_token (
  cpas_id      uuid NOT NULL,
  token_id     uuid NOT NULL,
  user_id      uuid NOT NULL,
  token_hash   text NOT NULL,
  label        text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  PRIMARY KEY (cpas_id, token_id),
  FOREIGN KEY (cpas_id, user_id) REFERENCES staff_user (cpas_id, user_id)
);

CREATE TABLE person (
  cpas_id        uuid NOT NULL REFERENCES cpas (cpas_id),
  person_id      uuid NOT NULL,
  family_name    text NOT NULL,
  given_names    text NOT NULL,
  -- Lower-case, accent-free "family given" used for name search; derived from the two above.
  search_name    text NOT NULL,
  birth_date     date,
  birth_place    text,
  sex            text CHECK (sex IN ('F', 'M', 'X')),
  nationality    text CHECK (nationality ~ '^[A-Z]{2}$'),
  niss           text CHECK (niss ~ '^[0-9]{11}$'),
  phone          text,
  email          text,
  iban           text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, person_id)
);
CREATE UNIQUE INDEX person_niss ON person (cpas_id, niss) WHERE niss IS NOT NULL;
CREATE INDEX person_search_name ON person (cpas_id, search_name text_pattern_ops);
CREATE INDEX person_birth_date ON person (cpas_id, birth_date);

CREATE TABLE person_address (
  cpas_id       uuid NOT NULL,
  address_id    uuid NOT NULL,
  person_id     uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('domicile', 'residence', 'reference', 'earlier')),
  street        text NOT NULL,
  house_number  text NOT NULL,
  box           text,
  postal_code   text NOT NULL CHECK (postal_code ~ '^[0-9]{4}$'),
  municipality  text NOT NULL,
  country       text NOT NULL DEFAULT 'BE' CHECK (country ~ '^[A-Z]{2}$'),
  valid_from    date NOT NULL,
  valid_to      date,
  PRIMARY KEY (cpas_id, address_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX person_address_person ON person_address (cpas_id, person_id);

CREATE TABLE household_member (
  cpas_id           uuid NOT NULL,
  member_id         uuid NOT NULL,
  person_id         uuid NOT NULL,
  family_name       text NOT NULL,
  given_names       text NOT NULL,
  birth_date        date,
  relationship      text NOT NULL CHECK (relationship IN ('partner', 'child', 'parent', 'sibling', 'other-relative', 'cohabitant')),
  valid_from        date NOT NULL,
  valid_to          date,
  PRIMARY KEY (cpas_id, member_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id)
);
CREATE INDEX household_member_person ON household_member (cpas_id, person_id);

CREATE TABLE application (
  cpas_id          uuid NOT NULL,
  application_id   uuid NOT NULL,
  person_id        uuid NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('revenu-integration', 'aide-sociale-financiere', 'aide-medicale-urgente',
                                                 'allocation-chauffage', 'mediation-dettes', 'other')),
  submitted_on     date NOT NULL,
  channel          text NOT NULL CHECK (channel IN ('desk', 'letter', 'cpas-online', 'other')),
  -- What the person declared in the application (form fields, declared resources), as JSON text.
  communicated     text NOT NULL,
  status           text NOT NULL CHECK (status IN ('received', 'under-inquiry', 'decided', 'withdrawn')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, application_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id)
);
CREATE INDEX application_person ON application (cpas_id, person_id);

CREATE TABLE decision (
  cpas_id          uuid NOT NULL,
  decision_id      uuid NOT NULL,
  application_id   uuid NOT NULL,
  person_id        uuid NOT NULL,
  body             text NOT NULL CHECK (body IN ('comite-special-service-social', 'conseil-action-sociale', 'delegation')),
  decided_on       date NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('granted', 'refused', 'partial')),
  amount_cents     bigint CHECK (amount_cents >= 0),
  period_from      date,
  period_to        date,
  motivation       text NOT NULL,
  PRIMARY KEY (cpas_id, decision_id),
  FOREIGN KEY (cpas_id, application_id) REFERENCES application (cpas_id, application_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id)
);
CREATE INDEX decision_person ON decision (cpas_id, person_id);

-- Cases put before the council or committee for a decision: the only relation that lets a
-- council member read a file (art. 36 organic law; R31).
CREATE TABLE agenda_item (
  cpas_id          uuid NOT NULL,
  item_id          uuid NOT NULL,
  person_id        uuid NOT NULL,
  application_id   uuid NOT NULL,
  session_date     date NOT NULL,
  body             text NOT NULL CHECK (body IN ('comite-special-service-social', 'conseil-action-sociale')),
  closed           boolean NOT NULL DEFAULT false,
  PRIMARY KEY (cpas_id, item_id),
  FOREIGN KEY (cpas_id, application_id) REFERENCES application (cpas_id, application_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id)
);
CREATE INDEX agenda_item_person ON agenda_item (cpas_id, person_id) WHERE NOT closed;

CREATE TABLE case_assignment (
  cpas_id          uuid NOT NULL,
  assignment_id    uuid NOT NULL,
  person_id        uuid NOT NULL,
  user_id          uuid NOT NULL,
  assigned_from    date NOT NULL,
  assigned_until   date,
  PRIMARY KEY (cpas_id, assignment_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, user_id) REFERENCES staff_user (cpas_id, user_id),
  CHECK (assigned_until IS NULL OR assigned_until >= assigned_from)
);
CREATE INDEX case_assignment_person ON case_assignment (cpas_id, person_id);
CREATE INDEX case_assignment_user ON case_assignment (cpas_id, user_id);

-- Data obtained from other institutions through the BCSS/KSZ network.
CREATE TABLE bcss_record (
  cpas_id       uuid NOT NULL,
  record_id     uuid NOT NULL,
  person_id     uuid NOT NULL,
  source        text NOT NULL,
  received_on   date NOT NULL,
  content       text NOT NULL,
  PRIMARY KEY (cpas_id, record_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id)
);

-- Secret records. Their content columns hold AES-256-GCM ciphertext under the CPAS's data key
-- (see cpas_data_key): a database dump or a DBA sees no plaintext.
CREATE TABLE social_report (
  cpas_id          uuid NOT NULL,
  report_id        uuid NOT NULL,
  person_id        uuid NOT NULL,
  author_user_id   uuid NOT NULL,
  written_on       date NOT NULL,
  language         text NOT NULL CHECK (language IN ('fr', 'nl', 'de')),
  situation_enc    bytea NOT NULL,
  assessment_enc   bytea,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, report_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, author_user_id) REFERENCES staff_user (cpas_id, user_id)
);
CREATE INDEX social_report_person ON social_report (cpas_id, person_id);

CREATE TABLE case_note (
  cpas_id          uuid NOT NULL,
  note_id          uuid NOT NULL,
  person_id        uuid NOT NULL,
  author_user_id   uuid NOT NULL,
  written_at       timestamptz NOT NULL DEFAULT now(),
  body_enc         bytea NOT NULL,
  PRIMARY KEY (cpas_id, note_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, author_user_id) REFERENCES staff_user (cpas_id, user_id)
);
CREATE INDEX case_note_person ON case_note (cpas_id, person_id);

CREATE TABLE medical_document (
  cpas_id          uuid NOT NULL,
  document_id      uuid NOT NULL,
  person_id        uuid NOT NULL,
  author_user_id   uuid NOT NULL,
  issued_on        date NOT NULL,
  description_enc  bytea NOT NULL,
  PRIMARY KEY (cpas_id, document_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, author_user_id) REFERENCES staff_user (cpas_id, user_id)
);

CREATE TABLE piis (
  cpas_id          uuid NOT NULL,
  piis_id          uuid NOT NULL,
  person_id        uuid NOT NULL,
  author_user_id   uuid NOT NULL,
  signed_on        date NOT NULL,
  objectives_enc   bytea NOT NULL,
  evaluation_enc   bytea,
  PRIMARY KEY (cpas_id, piis_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, author_user_id) REFERENCES staff_user (cpas_id, user_id)
);

-- An attachment carries its own data class; the content is encrypted when that class is secret.
CREATE TABLE attachment (
  cpas_id          uuid NOT NULL,
  attachment_id    uuid NOT NULL,
  person_id        uuid NOT NULL,
  data_class       text NOT NULL,
  file_name        text NOT NULL,
  media_type       text NOT NULL,
  size_bytes       integer NOT NULL CHECK (size_bytes >= 0),
  sha256           text NOT NULL,
  content          bytea NOT NULL,
  encrypted        boolean NOT NULL,
  uploaded_by      uuid NOT NULL,
  uploaded_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, attachment_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, uploaded_by) REFERENCES staff_user (cpas_id, user_id)
);
CREATE INDEX attachment_person ON attachment (cpas_id, person_id);

-- The CPAS data key, wrapped (AES-256-GCM) by a master key that is never in the database.
CREATE TABLE cpas_data_key (
  cpas_id          uuid NOT NULL REFERENCES cpas (cpas_id),
  key_version      integer NOT NULL,
  master_key_id    text NOT NULL,
  wrapped_key      bytea NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, key_version)
);

-- The sealed register of requests from authorities (art. 46bis/1 CIC; rules R14-R21 of the
-- legal model). These tables are not part of anyone's social file: no loader of a person's file
-- reads them, and every column is classified as 'authority-register' in
-- src/domain/data-classes-requests.ts. Only the directeur général, the président, the DPO and
-- the staff they delegate see the register; the application enforces that, and the grants below
-- keep even the application from rewriting history (state changes and signed letters).

-- The register's settings, one version per change, never edited in place: an assessment names
-- the version that decided it, so every answer can be traced to the configuration of its day.
CREATE TABLE request_settings (
  cpas_id            uuid NOT NULL REFERENCES cpas (cpas_id),
  version            integer NOT NULL CHECK (version >= 1),
  -- Days after reception within which the CPAS answers when the request names no date (R18).
  answer_delay_days  integer NOT NULL CHECK (answer_delay_days BETWEEN 1 AND 365),
  -- The AssessmentConfig decided by the legal service, as JSON text (checked by the application).
  config_json        text NOT NULL,
  config_id          text NOT NULL,
  created_by         uuid NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, version),
  FOREIGN KEY (cpas_id, created_by) REFERENCES staff_user (cpas_id, user_id)
);

-- Staff the directeur général or the président let into the register (to prepare answers, never
-- to sign them). Revocation keeps the row, so the register shows who held access when.
CREATE TABLE request_delegate (
  cpas_id      uuid NOT NULL,
  user_id      uuid NOT NULL,
  granted_by   uuid NOT NULL,
  granted_at   timestamptz NOT NULL,
  revoked_by   uuid,
  revoked_at   timestamptz,
  PRIMARY KEY (cpas_id, user_id),
  FOREIGN KEY (cpas_id, user_id) REFERENCES staff_user (cpas_id, user_id),
  FOREIGN KEY (cpas_id, granted_by) REFERENCES staff_user (cpas_id, user_id),
  FOREIGN KEY (cpas_id, revoked_by) REFERENCES staff_user (cpas_id, user_id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

CREATE TABLE authority_request (
  cpas_id                      uuid NOT NULL REFERENCES cpas (cpas_id),
  request_id                   uuid NOT NULL,
  -- An oral request (phone, in person) is recorded as an attempt: it is never answered (R4).
  kind                         text NOT NULL CHECK (kind IN ('request', 'oral-attempt')),
  channel                      text NOT NULL CHECK (channel IN ('letter', 'email', 'fax', 'secure-platform', 'phone', 'in-person')),
  author_role                  text NOT NULL CHECK (author_role IN ('procureur-du-roi', 'procureur-federal', 'juge-instruction', 'court',
                                 'police', 'intelligence-service', 'bourgmestre', 'social-inspection', 'immigration-office', 'other')),
  author_name                  text,
  author_office                text,
  -- The authority's own reference (notice number), quoted in every letter.
  reference                    text,
  dated                        date NOT NULL,
  received                     date NOT NULL,
  -- The date the request asks an answer by, if it names one; due_on is the date the register
  -- works to: answer_by, else received + the settings' internal delay at intake (R18).
  answer_by                    date,
  due_on                       date NOT NULL,
  reasoned                     boolean NOT NULL,
  -- The reasons as the authority wrote them, sealed with the CPAS data key: they may describe
  -- what the person is suspected of, which no dump of the database should show.
  reasons_enc                  bytea,
  offences                     text[] NOT NULL,
  items                        text[] NOT NULL,
  state                        text NOT NULL CHECK (state IN ('received', 'assessed', 'legal-review', 'returned-for-completion',
                                 'refused', 'prepared', 'signed', 'sent')),
  assessment_json              text,
  assessment_config_id         text,
  assessment_settings_version  integer,
  assessed_by                  uuid,
  assessed_at                  timestamptz,
  created_by                   uuid NOT NULL,
  created_at                   timestamptz NOT NULL DEFAULT now(),
  -- Recorded by staff outside the register (a social worker who received it): they lose sight
  -- of it once it is recorded (R15).
  forwarded                    boolean NOT NULL,
  PRIMARY KEY (cpas_id, request_id),
  FOREIGN KEY (cpas_id, created_by) REFERENCES staff_user (cpas_id, user_id),
  FOREIGN KEY (cpas_id, assessed_by) REFERENCES staff_user (cpas_id, user_id),
  CHECK ((kind = 'oral-attempt') = (channel IN ('phone', 'in-person'))),
  CHECK ((assessment_json IS NULL) = (assessed_at IS NULL))
);
CREATE INDEX authority_request_due ON authority_request (cpas_id, due_on) WHERE state NOT IN ('sent', 'refused', 'returned-for-completion');
CREATE INDEX authority_request_received ON authority_request (cpas_id, received);

-- The persons concerned, as the request names them, and the file each one was matched to. The
-- match is a person's decision (matched_by), never a guess of the software.
CREATE TABLE request_subject (
  cpas_id            uuid NOT NULL,
  request_id         uuid NOT NULL,
  position           integer NOT NULL CHECK (position >= 1),
  given_name         text,
  given_niss         text CHECK (given_niss ~ '^[0-9]{11}$'),
  given_birth_date   date,
  match_state        text NOT NULL CHECK (match_state IN ('unmatched', 'matched', 'no-file')),
  person_id          uuid,
  matched_by         uuid,
  matched_at         timestamptz,
  PRIMARY KEY (cpas_id, request_id, position),
  FOREIGN KEY (cpas_id, request_id) REFERENCES authority_request (cpas_id, request_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, matched_by) REFERENCES staff_user (cpas_id, user_id),
  CHECK ((match_state = 'matched') = (person_id IS NOT NULL)),
  CHECK ((match_state = 'unmatched') = (matched_by IS NULL)),
  CHECK ((matched_by IS NULL) = (matched_at IS NULL)),
  CHECK (given_name IS NOT NULL OR given_niss IS NOT NULL)
);
CREATE INDEX request_subject_person ON request_subject (cpas_id, person_id) WHERE person_id IS NOT NULL;

-- Who moved the request from which state to which, when, and why. Append-only (grants below).
CREATE TABLE request_state_change (
  cpas_id      uuid NOT NULL,
  request_id   uuid NOT NULL,
  seq          integer NOT NULL CHECK (seq >= 1),
  from_state   text,
  to_state     text NOT NULL,
  changed_by   uuid NOT NULL,
  changed_at   timestamptz NOT NULL,
  comment      text,
  PRIMARY KEY (cpas_id, request_id, seq),
  FOREIGN KEY (cpas_id, request_id) REFERENCES authority_request (cpas_id, request_id),
  FOREIGN KEY (cpas_id, changed_by) REFERENCES staff_user (cpas_id, user_id)
);

-- The scanned letter of the authority, sealed with the CPAS data key like a secret attachment:
-- it names the person and what the investigation is about.
CREATE TABLE request_attachment (
  cpas_id        uuid NOT NULL,
  request_id     uuid NOT NULL,
  attachment_id  uuid NOT NULL,
  file_name      text NOT NULL,
  media_type     text NOT NULL,
  size_bytes     integer NOT NULL CHECK (size_bytes >= 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content_enc    bytea NOT NULL,
  uploaded_by    uuid NOT NULL,
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cpas_id, attachment_id),
  FOREIGN KEY (cpas_id, request_id) REFERENCES authority_request (cpas_id, request_id),
  FOREIGN KEY (cpas_id, uploaded_by) REFERENCES staff_user (cpas_id, user_id)
);

-- The CPAS's letter in answer to a request: the disclosure (answer), a refusal or a return for
-- completion. content_text is the canonical JSON of exactly what the letter says; its SHA-256 is
-- checked here, so the two can never disagree. Once signed, nothing of the letter may change.
CREATE TABLE request_disclosure (
  cpas_id          uuid NOT NULL,
  request_id       uuid NOT NULL,
  letter_kind      text NOT NULL CHECK (letter_kind IN ('answer', 'refusal', 'return-for-completion')),
  language         text NOT NULL CHECK (language IN ('fr', 'nl', 'de')),
  content_text     text NOT NULL,
  content_sha256   text NOT NULL,
  prepared_by      uuid NOT NULL,
  prepared_at      timestamptz NOT NULL,
  signed_by        uuid,
  signed_at        timestamptz,
  signatory_role   text CHECK (signatory_role IN ('directeur-general', 'president')),
  sent_by          uuid,
  sent_at          timestamptz,
  PRIMARY KEY (cpas_id, request_id),
  FOREIGN KEY (cpas_id, request_id) REFERENCES authority_request (cpas_id, request_id),
  FOREIGN KEY (cpas_id, prepared_by) REFERENCES staff_user (cpas_id, user_id),
  FOREIGN KEY (cpas_id, signed_by) REFERENCES staff_user (cpas_id, user_id),
  FOREIGN KEY (cpas_id, sent_by) REFERENCES staff_user (cpas_id, user_id),
  CHECK (content_sha256 = encode(sha256(convert_to(content_text, 'UTF8')), 'hex')),
  CHECK ((signed_at IS NULL) = (signed_by IS NULL) AND (signed_by IS NULL) = (signatory_role IS NULL)),
  CHECK ((sent_at IS NULL) = (sent_by IS NULL)),
  CHECK (sent_at IS NULL OR signed_at IS NOT NULL),
  -- Four eyes: whoever prepared a disclosure cannot be the one who signs it (R14).
  CHECK (letter_kind <> 'answer' OR signed_by IS NULL OR signed_by <> prepared_by)
);

-- A signed letter is frozen: its content, hash, authors and signature cannot be updated, and
-- it cannot be deleted; only the sending may be recorded, once. Without this, whoever holds the
-- application account could change what the register says was sent to the prosecutor.
CREATE FUNCTION request_disclosure_freeze() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.signed_at IS NOT NULL THEN
      RAISE EXCEPTION 'request_disclosure is signed: it cannot be deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.signed_at IS NOT NULL AND (
       NEW.cpas_id IS DISTINCT FROM OLD.cpas_id OR NEW.request_id IS DISTINCT FROM OLD.request_id
    OR NEW.letter_kind IS DISTINCT FROM OLD.letter_kind OR NEW.language IS DISTINCT FROM OLD.language
    OR NEW.content_text IS DISTINCT FROM OLD.content_text OR NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256
    OR NEW.prepared_by IS DISTINCT FROM OLD.prepared_by OR NEW.prepared_at IS DISTINCT FROM OLD.prepared_at
    OR NEW.signed_by IS DISTINCT FROM OLD.signed_by OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
    OR NEW.signatory_role IS DISTINCT FROM OLD.signatory_role
    OR (OLD.sent_at IS NOT NULL AND (NEW.sent_at IS DISTINCT FROM OLD.sent_at OR NEW.sent_by IS DISTINCT FROM OLD.sent_by))
  ) THEN
    RAISE EXCEPTION 'request_disclosure is signed: its content is frozen' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER request_disclosure_frozen BEFORE UPDATE OR DELETE ON request_disclosure
  FOR EACH ROW EXECUTE FUNCTION request_disclosure_freeze();

-- The application role: it keeps the register, but may not rewrite the history of a request or
-- the settings that decided it, and may delete nothing.
GRANT SELECT, INSERT ON request_settings, request_state_change, request_attachment TO confiance_app;
GRANT SELECT, INSERT, UPDATE ON request_delegate, authority_request, request_subject, request_disclosure TO confiance_app;

-- The disclosure projection runs as this role and nothing else (src/adapters/db/stores/disclosure-store.ts).
-- It may read the administrative columns that a 46bis/1 answer can carry, column by column, and
-- no other table: no social report, case note, medical document, PIIS or attachment, no data key,
-- no access log, no staff account and not even the register. A bug or an injected column name in
-- the projection then fails with "permission denied" instead of copying a secret into a letter.
-- Left out on purpose: person.search_name (a derived search key, not information), agenda_item
-- (a session to come is neither aid granted nor refused), attachments (their class is per row
-- and a scan may show anything). decision.motivation is granted: it is administrative tier, and
-- the assessment withholds it unless the CPAS legal service has decided otherwise (R9, R10).
-- src/adapters/db/disclosure-role.db.test.ts checks these grants against the data-class catalogue.
DO $$
BEGIN
  CREATE ROLE confiance_disclosure NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO confiance_disclosure;
GRANT SELECT (cpas_id, person_id, family_name, given_names, birth_date, birth_place, sex, nationality, niss, phone, email, iban)
  ON person TO confiance_disclosure;
GRANT SELECT (cpas_id, address_id, person_id, kind, street, house_number, box, postal_code, municipality, country, valid_from, valid_to)
  ON person_address TO confiance_disclosure;
GRANT SELECT (cpas_id, member_id, person_id, family_name, given_names, birth_date, relationship, valid_from, valid_to)
  ON household_member TO confiance_disclosure;
GRANT SELECT (cpas_id, application_id, person_id, kind, submitted_on, channel, communicated, status)
  ON application TO confiance_disclosure;
GRANT SELECT (cpas_id, decision_id, application_id, person_id, body, decided_on, outcome, amount_cents, period_from, period_to, motivation)
  ON decision TO confiance_disclosure;
GRANT SELECT (cpas_id, record_id, person_id, source, received_on, content)
  ON bcss_record TO confiance_disclosure;

-- Separation of duties (issue 8, hole 1). No single person can give an account a role that opens
-- secret content, nor put a case in the hands of an account they control:
--  * a grant of a secret-opening role (social worker, head of social service) waits here until a
--    head of social service who is neither the grantor, nor the grantee, nor the grantee's creator
--    confirms it; the confirmation issues a one-time code to that confirmer, who hands it to the
--    holder; the role takes effect (a staff_role row) only when the holder redeems that code
--    together with their own credential and a new password;
--  * an account made by someone else has no password: a one-time activation code, kept hashed;
--  * an assignment proposed by someone who is not head of social service waits for one.
-- Every step is an access-log entry; these tables only hold what is still open.

-- Who created the account (NULL: the operator on the server's shell, or the demo loader).
ALTER TABLE staff_user ADD COLUMN created_by uuid;

CREATE TABLE staff_activation (
  cpas_id      uuid NOT NULL,
  user_id      uuid NOT NULL,
  code_hash    text NOT NULL,
  issued_at    timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  PRIMARY KEY (cpas_id, user_id),
  FOREIGN KEY (cpas_id, user_id) REFERENCES staff_user (cpas_id, user_id)
);

CREATE TABLE staff_role_grant (
  cpas_id           uuid NOT NULL,
  grant_id          uuid NOT NULL,
  user_id           uuid NOT NULL,
  role              text NOT NULL CHECK (role IN ('social-worker', 'head-of-social-service')),
  granted_by        uuid,
  granted_at        timestamptz NOT NULL,
  confirmed_by      uuid,
  confirmed_at      timestamptz,
  code_hash         text,
  code_expires_at   timestamptz,
  PRIMARY KEY (cpas_id, grant_id),
  FOREIGN KEY (cpas_id, user_id) REFERENCES staff_user (cpas_id, user_id),
  -- A confirmation always comes with its code, and nobody confirms a grant they made or receive.
  CHECK ((confirmed_at IS NULL) = (code_hash IS NULL)),
  CHECK (confirmed_by IS NULL OR (confirmed_by <> user_id AND confirmed_by IS DISTINCT FROM granted_by))
);
CREATE UNIQUE INDEX staff_role_grant_open ON staff_role_grant (cpas_id, user_id, role);

CREATE TABLE case_assignment_proposal (
  cpas_id          uuid NOT NULL,
  proposal_id      uuid NOT NULL,
  person_id        uuid NOT NULL,
  user_id          uuid NOT NULL,
  assigned_from    date NOT NULL,
  assigned_until   date,
  proposed_by      uuid NOT NULL,
  proposed_at      timestamptz NOT NULL,
  PRIMARY KEY (cpas_id, proposal_id),
  FOREIGN KEY (cpas_id, person_id) REFERENCES person (cpas_id, person_id),
  FOREIGN KEY (cpas_id, user_id) REFERENCES staff_user (cpas_id, user_id),
  CHECK (proposed_by <> user_id),
  CHECK (assigned_until IS NULL OR assigned_until >= assigned_from)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON staff_activation, staff_role_grant, case_assignment_proposal TO confiance_app;

-- The council's and committee's closed sessions (issue 10). The social service puts a case before
-- the Conseil de l'action sociale or the Comité spécial du service social as an agenda item of a
-- session; members read, for that item only, the administrative classes R31 gives them, record the
-- decision, and the session closes. An item names its session by (session, body, date), so an
-- item cannot say another body or date than its session; closing a session closes its items, which
-- ends the members' access (the partial index agenda_item_person keeps serving the open ones).
CREATE TABLE council_session (
  cpas_id       uuid NOT NULL,
  session_id    uuid NOT NULL,
  body          text NOT NULL CHECK (body IN ('comite-special-service-social', 'conseil-action-sociale')),
  meeting_date  date NOT NULL,
  created_by    uuid NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  closed_by     uuid,
  closed_at     timestamptz,
  PRIMARY KEY (cpas_id, session_id),
  UNIQUE (cpas_id, session_id, body, meeting_date),
  FOREIGN KEY (cpas_id, created_by) REFERENCES staff_user (cpas_id, user_id),
  FOREIGN KEY (cpas_id, closed_by) REFERENCES staff_user (cpas_id, user_id),
  CHECK ((closed_by IS NULL) = (closed_at IS NULL))
);
CREATE INDEX council_session_open ON council_session (cpas_id, meeting_date) WHERE closed_at IS NULL;

-- No code wrote agenda items before this migration: every item now belongs to a session.
ALTER TABLE agenda_item
  ADD COLUMN session_id uuid NOT NULL,
  ADD COLUMN placed_by uuid NOT NULL,
  ADD COLUMN placed_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN decision_id uuid,
  ADD FOREIGN KEY (cpas_id, session_id, body, session_date) REFERENCES council_session (cpas_id, session_id, body, meeting_date),
  ADD FOREIGN KEY (cpas_id, placed_by) REFERENCES staff_user (cpas_id, user_id),
  ADD FOREIGN KEY (cpas_id, decision_id) REFERENCES decision (cpas_id, decision_id);
-- One open item per application: the same application twice on open agendas would be decided twice.
CREATE UNIQUE INDEX agenda_item_open_application ON agenda_item (cpas_id, application_id) WHERE NOT closed;
CREATE INDEX agenda_item_session ON agenda_item (cpas_id, session_id);

GRANT SELECT, INSERT, UPDATE ON council_session TO confiance_app;

-- Log-in attempts per client address and time window, shared by every server process of the
-- deployment (an in-memory count would let an attacker spread attempts over the processes).
-- The only table without cpas_id: a log-in attempt comes before anyone knows the CPAS, and the
-- key is a digest of the client address, not personal data of a person served.
CREATE TABLE login_attempt_window (
  attempt_key text NOT NULL,
  window_start timestamptz NOT NULL,
  attempts integer NOT NULL CHECK (attempts > 0),
  PRIMARY KEY (attempt_key, window_start)
);
CREATE INDEX login_attempt_window_start ON login_attempt_window (window_start);

GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempt_window TO confiance_app;

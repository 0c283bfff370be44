-- Database roles. The application runs every transaction as confiance_app, never as the owner:
-- on the access log it may only INSERT and SELECT, so not even an application bug can edit a
-- recorded access. Roles are cluster-wide in PostgreSQL; creation tolerates an existing role
-- (several databases of one server share them, and tests create databases concurrently).
DO $$
BEGIN
  CREATE ROLE confiance_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO confiance_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  cpas, staff_user, staff_role, staff_session, api_token, person, person_address, household_member,
  application, decision, agenda_item, case_assignment, bcss_record, social_report, case_note,
  medical_document, piis, attachment, cpas_data_key, access_log_head
TO confiance_app;
GRANT SELECT, INSERT ON access_log_entry TO confiance_app;

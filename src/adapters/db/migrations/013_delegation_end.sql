-- A delegation into the register ends on a date chosen by the directeur général or the président:
-- a delegate who changed job or left keeps no access to the register by oversight. Null only for
-- delegations made before this migration (no end date was asked then).
ALTER TABLE request_delegate ADD COLUMN valid_until date;

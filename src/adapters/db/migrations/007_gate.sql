-- A secret attachment's file name is content ("certificat-psychiatrique.pdf" says as much as the
-- file): it is sealed with the CPAS data key like the content, under the same `encrypted` flag.
-- The plain SHA-256 of the content went too: anyone holding a copy of the database could confirm
-- a guessed document by its digest. The digest kept is an HMAC-SHA-256 under a key derived from
-- the CPAS data key (format: data-key version (4 bytes) | MAC (32 bytes)), checked on download.
-- No production data exists yet: names of attachments uploaded before this migration are kept as
-- UTF-8 bytes when the attachment is administrative and dropped (NULL) when it is secret, rather
-- than left in clear; their digest is dropped (NULL), as it cannot be keyed here.
ALTER TABLE attachment ALTER COLUMN file_name DROP NOT NULL;
ALTER TABLE attachment ALTER COLUMN file_name TYPE bytea
  USING CASE WHEN encrypted THEN NULL ELSE convert_to(file_name, 'UTF8') END;
ALTER TABLE attachment DROP COLUMN sha256;
ALTER TABLE attachment ADD COLUMN content_mac bytea;

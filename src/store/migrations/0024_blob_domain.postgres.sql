-- One migration text per version: from here on a portable migration writes sealed values as
-- BLOB, SQLite's name for bytes, and PostgreSQL reads it as this domain over BYTEA. PostgreSQL
-- reports a domain column under its base type (the row description carries BYTEA's oid), so
-- the store reads and binds these columns exactly as it does BYTEA. SQLite has nothing to do
-- for this version.
CREATE DOMAIN blob AS BYTEA;

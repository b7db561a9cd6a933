-- PostgreSQL only (0024_blob_domain.postgres.sql: BLOB becomes a domain over BYTEA there, so a
-- portable migration can name the type of sealed bytes once). SQLite's BLOB is its own type:
-- nothing to do.
SELECT 1;

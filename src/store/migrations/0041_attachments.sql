-- Evidence attached to a case (issue 20; docs/design/cases.md): the documents of a hardship
-- file (证明材料: diagnoses, dibao certificates, receipts) and of a legal case's stage (a
-- mediation agreement, an arbitration award). One text for both stores: BLOB is, on
-- PostgreSQL, the domain over BYTEA of 0024.
--
-- The file's bytes and its name are sealed by the vault (fields attachments.content and
-- attachments.name; no blind index, nothing looks them up) and re-sealed by key rotation; the
-- type is the one its first bytes prove (core/attachments), never what the client said. The
-- owner is a hardship file (owner_id its id, stage '') or a legal case (owner_id the case's id,
-- stage the stage the documents belong to); org_path and federation_id are the owner's, so an
-- org move carries them (store/org_paths.h). Removal is soft (removed_at, removed_by): the
-- row stays for the audit trail until the owner is erased.
CREATE TABLE attachments (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_path TEXT NOT NULL,
  owner_kind TEXT NOT NULL,              -- hardship_file, legal_stage
  owner_id BIGINT NOT NULL,
  stage TEXT NOT NULL,                   -- a legal case's stage; '' for a hardship file
  name_cipher BLOB NOT NULL,
  media_type TEXT NOT NULL,              -- application/pdf, image/jpeg, image/png, ...
  bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,                  -- of the plain bytes, 64 hex digits
  content_cipher BLOB NOT NULL,
  key_version INTEGER NOT NULL,
  uploaded_by BIGINT,
  uploaded_at BIGINT NOT NULL,
  removed_at BIGINT,
  removed_by BIGINT
);
CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id, stage, id);
CREATE INDEX attachments_org_path ON attachments (org_path);
-- Uploads are throttled per user by counting their recent ones.
CREATE INDEX attachments_uploader ON attachments (uploaded_by, uploaded_at);

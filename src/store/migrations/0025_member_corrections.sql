-- A worker's corrections of their own member record (issue 19, My data "correct it"): one row
-- per field the worker asks to change (name, gender, ethnicity, employer, phone; never the ID
-- number, which changes only through the union with evidence), pending until a cadre of the
-- member's subtree applies or rejects it. The proposed value, and the value it replaces, are
-- sealed with the vault under one field ("member_corrections.value") and rotated with the
-- other sealed tables (key_version, store/resealing.h). org_path is the member's union's path,
-- copied so the cadre's list and the workbench count are one range on an index; it moves with
-- the tree (store/org_paths.h). One text for both stores: BLOB is, on PostgreSQL, the domain
-- over BYTEA of migration 0024.
CREATE TABLE member_corrections (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  worker_id BIGINT NOT NULL REFERENCES worker_accounts (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  org_path TEXT NOT NULL,
  field TEXT NOT NULL, -- name, gender, ethnicity, employer, phone
  new_cipher BLOB NOT NULL,
  old_cipher BLOB, -- NULL when the member had no value
  key_version INTEGER NOT NULL,
  note TEXT NOT NULL,
  state TEXT NOT NULL, -- pending, applied, rejected
  created_at BIGINT NOT NULL,
  decided_by BIGINT REFERENCES users (id),
  decided_at BIGINT,
  decision_reason TEXT
);
-- One pending correction per field of a member at a time.
CREATE UNIQUE INDEX member_corrections_pending_field ON member_corrections (member_id, field)
  WHERE state = 'pending';
-- The workbench's "corrections to decide" and the cadre's pending list: only the open rows.
CREATE INDEX member_corrections_pending ON member_corrections (org_path, id)
  WHERE state = 'pending';
-- The cadre's list of every state, and the worker's own list in My data.
CREATE INDEX member_corrections_path ON member_corrections (org_path, id);
CREATE INDEX member_corrections_worker ON member_corrections (worker_id, id);
CREATE INDEX member_corrections_key_version ON member_corrections (key_version);

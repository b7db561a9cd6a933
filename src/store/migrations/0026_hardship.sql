-- Hardship files, slice 1 (困难职工档案 一户一档, issue 20; docs/design/cases.md).
-- One text for both stores: BLOB is, on PostgreSQL, the domain over BYTEA of migration 0024.
--
-- region_standards: the local 低保 line per region and year, loaded by an administrator (rules
-- are data). A file takes the standard of its org's region (the nearest one enclosing it).
CREATE TABLE region_standards (
  region_code TEXT NOT NULL,             -- GB/T 2260, usually a district's six digits
  year INTEGER NOT NULL,
  dibao_monthly_fen BIGINT NOT NULL,     -- 低保 per person and month, integer fen
  -- 意外致困: the sudden cost after insurance and compensation above this share of the
  -- household's annual income, or its medical part above the second (service-rules.md: 80, 50)
  sudden_cost_pct INTEGER NOT NULL DEFAULT 80,
  sudden_medical_pct INTEGER NOT NULL DEFAULT 50,
  source TEXT NOT NULL,                  -- where the figure was published (or "sample")
  loaded_by BIGINT,                      -- NULL for the command line's system actor
  loaded_at BIGINT NOT NULL,
  PRIMARY KEY (region_code, year)
);

-- One file per household. Money in integer fen; the level computed with the standard it was
-- computed against (kept, so a later standard never changes an old file's arithmetic), and the
-- final level (an override with its reason, audited). Causes and exclusions are comma lists of
-- the codes of core/hardship/hardship_level.h. status: open, closed (the workflow of slice 2
-- refines "open").
CREATE TABLE hardship_files (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  member_id BIGINT REFERENCES members (id),
  status TEXT NOT NULL,
  household_size INTEGER NOT NULL,
  annual_income_fen BIGINT NOT NULL,
  rigid_expenses_fen BIGINT NOT NULL,
  sudden_cost_fen BIGINT NOT NULL DEFAULT 0,      -- after insurance and compensation
  sudden_medical_fen BIGINT NOT NULL DEFAULT 0,   -- the medical part of it
  per_head_monthly_fen BIGINT NOT NULL,
  region_code TEXT NOT NULL,
  standard_year INTEGER NOT NULL,
  standard_dibao_fen BIGINT NOT NULL,
  standard_cost_pct INTEGER NOT NULL,    -- the region's 意外致困 shares when computed
  standard_medical_pct INTEGER NOT NULL,
  level_computed TEXT NOT NULL,          -- deep, relative, sudden, none, excluded
  level_final TEXT NOT NULL,
  override_reason TEXT,
  overridden_by BIGINT,
  main_cause TEXT NOT NULL,
  secondary_causes TEXT NOT NULL,
  exclusions TEXT NOT NULL,
  opened_by BIGINT,
  opened_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX hardship_files_org_path ON hardship_files (org_path, id);
CREATE INDEX hardship_files_member ON hardship_files (member_id);

-- The household: each person's name and ID number sealed (vault fields hardship.name,
-- hardship.id_number), the ID's blind index and last four for masks. file_open mirrors the
-- file's status so that one partial unique index refuses a person in two open files anywhere
-- in the federation (一户一档); closing a file clears it in the same transaction.
CREATE TABLE household_members (
  id BIGINT NOT NULL PRIMARY KEY,
  file_id BIGINT NOT NULL REFERENCES hardship_files (id),
  relation TEXT NOT NULL,                -- self, spouse, child, parent, other
  name_cipher BLOB NOT NULL,
  id_cipher BLOB NOT NULL,
  id_blind TEXT NOT NULL,
  id_last4 TEXT NOT NULL,
  income_fen BIGINT NOT NULL,            -- annual
  work_status TEXT,
  key_version INTEGER NOT NULL,
  file_open INTEGER NOT NULL
);
CREATE UNIQUE INDEX household_members_one_open ON household_members (id_blind)
  WHERE file_open = 1;
CREATE INDEX household_members_file ON household_members (file_id, id);

CREATE TABLE hardship_expenses (
  id BIGINT NOT NULL PRIMARY KEY,
  file_id BIGINT NOT NULL REFERENCES hardship_files (id),
  kind TEXT NOT NULL,                    -- medical, schooling, other
  amount_fen BIGINT NOT NULL             -- annual
);
CREATE INDEX hardship_expenses_file ON hardship_expenses (file_id, id);

-- The file's trail: opened, overridden, revealed, (slice 2: first_review, visited, ...).
-- detail is a JSON object without personal data.
CREATE TABLE hardship_steps (
  id BIGINT NOT NULL PRIMARY KEY,
  file_id BIGINT NOT NULL REFERENCES hardship_files (id),
  step TEXT NOT NULL,
  actor_id BIGINT,
  org_id BIGINT,
  at BIGINT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX hardship_steps_file ON hardship_steps (file_id, id);

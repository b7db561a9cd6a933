-- The member registry (会员实名制, issue 6).
--
-- members: one row per membership of a person in a grassroots union. The national ID and the
-- phone are sealed (app/personal_data/vault.h, fields "members.id_number" / "members.phone")
-- with a keyed blind index for exact lookup and de-duplication, plus their last four
-- characters in clear for the "last 4 digits" search and masked display. A person is active
-- in at most one union: the partial unique index on id_index refuses a second active row, so
-- a second union's roster makes a transfer candidate, never a silent move. A transfer moves
-- the row (union, org_path) and records it in member_events; a person who left and joins
-- again gets a new row. org_path is the union's materialised path, rewritten with it when a
-- subtree moves, so "members under this district" is one range scan.
-- name_pinyin ("zhangxiaolin") and name_initials ("zxl") serve the pinyin searches.
-- federation_id is the shard key (DESIGN.md "Scale").

CREATE TABLE members (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  union_org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  name TEXT NOT NULL,
  name_pinyin TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  id_cipher {{bytes}} NOT NULL,
  id_index TEXT NOT NULL,
  id_last4 TEXT NOT NULL,
  gender TEXT NOT NULL,                  -- male, female (from the ID)
  birth_date TEXT NOT NULL,              -- YYYY-MM-DD (from the ID)
  ethnicity TEXT,                        -- GB/T 3304 name
  phone_cipher {{bytes}},
  phone_index TEXT,
  phone_last4 TEXT,
  employer_id BIGINT REFERENCES enterprises (id),
  employer_name TEXT,                    -- as the roster wrote it, when no enterprise matched
  join_date TEXT,                        -- YYYY-MM-DD
  card_number TEXT NOT NULL,             -- 16 digits, Luhn (core/members/member_fields.h)
  migrant_worker INTEGER NOT NULL DEFAULT 0,
  model_worker INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active', -- active, transferred_out, retired, deceased, left
  status_changed_on TEXT,                -- YYYY-MM-DD
  key_version INTEGER NOT NULL,
  import_id BIGINT,                      -- the member_imports run that created it, if any
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX members_one_active ON members (id_index) WHERE status = 'active';
CREATE INDEX members_id_index ON members (id_index);
CREATE UNIQUE INDEX members_card ON members (card_number);
CREATE INDEX members_org_path ON members (org_path, id);
CREATE INDEX members_union ON members (union_org_id, id);
CREATE INDEX members_name ON members (name, id);
CREATE INDEX members_pinyin ON members (name_pinyin, id);
CREATE INDEX members_initials ON members (name_initials, id);
CREATE INDEX members_id_last4 ON members (id_last4);
CREATE INDEX members_phone_index ON members (phone_index);
CREATE INDEX members_phone_last4 ON members (phone_last4);
CREATE INDEX members_employer ON members (employer_id);
CREATE INDEX members_key_version ON members (key_version);

-- What happened to a member after creation: updated, status, transfer_requested, transferred,
-- revealed. detail is a JSON object. (Creation by import is told by members.import_id.)
CREATE TABLE member_events (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL REFERENCES members (id),
  at BIGINT NOT NULL,
  actor_id BIGINT,
  event TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX member_events_member ON member_events (member_id, id);

-- 会员关系接转: requested by the sending (from) or receiving (to) union, decided by the other
-- side, or after due_at by staff of an org above both.
CREATE TABLE member_transfers (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL REFERENCES members (id),
  from_union_id BIGINT NOT NULL REFERENCES orgs (id),
  to_union_id BIGINT NOT NULL REFERENCES orgs (id),
  from_path TEXT NOT NULL,
  to_path TEXT NOT NULL,
  requested_side TEXT NOT NULL,          -- from, to
  requested_by BIGINT NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL,                   -- pending, approved, rejected, cancelled
  due_at BIGINT NOT NULL,
  decided_by BIGINT,
  decided_at BIGINT,
  decision_note TEXT,
  import_id BIGINT,                      -- the import whose candidate it came from, if any
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX member_transfers_one_pending ON member_transfers (member_id)
  WHERE state = 'pending';
CREATE INDEX member_transfers_from ON member_transfers (from_path, id);
CREATE INDEX member_transfers_to ON member_transfers (to_path, id);
CREATE INDEX member_transfers_member ON member_transfers (member_id, id);

-- The next card serial per issuing region (6 digits): blocks are reserved in the importing
-- transaction, so numbers stay unique without a central sequence per row.
CREATE TABLE member_card_serials (
  region6 TEXT NOT NULL PRIMARY KEY,
  next_serial BIGINT NOT NULL
);

-- One roster import run. A rerun of the same file (same SHA-256, same union) while the run is
-- not finished resumes after rows_committed_through; counters carry over. status: running,
-- done, refused (all-or-nothing with rejected rows: nothing written), failed.
CREATE TABLE member_imports (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  union_org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  actor_id BIGINT,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  mode TEXT NOT NULL,                    -- valid-rows, all-or-nothing
  status TEXT NOT NULL,
  encoding TEXT,
  unknown_columns TEXT,                  -- JSON array
  rows_total BIGINT NOT NULL DEFAULT 0,  -- data rows seen so far (blank lines excluded)
  rows_committed_through BIGINT NOT NULL DEFAULT 0,  -- the last file row whose batch committed
  accepted BIGINT NOT NULL DEFAULT 0,
  already_present BIGINT NOT NULL DEFAULT 0,
  transfer_candidates BIGINT NOT NULL DEFAULT 0,
  rejected BIGINT NOT NULL DEFAULT 0,
  stored_file TEXT,                      -- where the server keeps an uploaded file
  started_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX member_imports_file ON member_imports (union_org_id, file_sha256);
CREATE INDEX member_imports_path ON member_imports (org_path, id);

-- The rows of a run that were not simply accepted: rejected (with column and message) or
-- transfer candidates (with the member active elsewhere). Written with the batch they belong
-- to, so the report can be rebuilt from the file and this table.
CREATE TABLE member_import_rows (
  import_id BIGINT NOT NULL REFERENCES member_imports (id),
  row_number BIGINT NOT NULL,
  outcome TEXT NOT NULL,                 -- rejected, candidate, present
  column_name TEXT,
  code TEXT,                             -- message key, e.g. error.id_number.check
  args TEXT,                             -- JSON object of message arguments
  member_id BIGINT,                      -- the existing member (candidate, present)
  PRIMARY KEY (import_id, row_number)
);

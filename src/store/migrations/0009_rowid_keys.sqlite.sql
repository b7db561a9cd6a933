-- zhijia: rebuilds tables
-- The five tables read by id on every answer (orgs, enterprises, users, members, service
-- requests) become rowid tables: `id INTEGER PRIMARY KEY` is SQLite's row key itself, so a
-- lookup by id descends one B-tree instead of the primary-key index and then the table, and a
-- join opens one cursor per table instead of two (issue 8: a member's GET 6 descents → 3).
-- SQLite changes a primary key only by rebuilding the table (lang_altertable.html, "other
-- changes"): new table, copy, drop, rename, indexes again. The first line above makes the
-- migration runner switch foreign keys off around this transaction (SQLite ignores the pragma
-- inside one) and run `PRAGMA foreign_key_check` before the commit. Columns, constraints and
-- indexes are those of migrations 0001-0008. At 10,000,000 members this takes minutes and needs
-- the members table's size again in free disk; interrupted, it rolls back and leaves the
-- database as it was.

-- orgs
CREATE TABLE orgs_by_rowid (
  id INTEGER NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,         -- shard key: the municipal/provincial federation
  parent_id BIGINT REFERENCES orgs (id),
  path TEXT NOT NULL,                    -- materialised path "/<id>/<id>/", see core/org_path.h
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- municipal, district, street, industry, grassroots, group
  region_code TEXT,                      -- GB/T 2260
  status TEXT NOT NULL DEFAULT 'active',
  created_at BIGINT NOT NULL
, founded_on TEXT, chair TEXT, contact TEXT, updated_at BIGINT);
INSERT INTO orgs_by_rowid SELECT * FROM orgs ORDER BY id;
DROP TABLE orgs;
ALTER TABLE orgs_by_rowid RENAME TO orgs;
CREATE UNIQUE INDEX orgs_code ON orgs (code);
CREATE INDEX orgs_parent ON orgs (parent_id);
CREATE INDEX orgs_path ON orgs (path);
CREATE INDEX orgs_region ON orgs (region_code, kind);

-- enterprises
CREATE TABLE enterprises_by_rowid (
  id INTEGER NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,         -- shard key: the federation the enterprise lies in
  uscc TEXT NOT NULL,                    -- GB 32100-2015, normalised
  name TEXT NOT NULL,
  region_code TEXT NOT NULL,             -- GB/T 2260 street/township (9 digits)
  industry TEXT NOT NULL,                -- GB/T 4754-2017 section A..T
  ownership TEXT NOT NULL,               -- state, collective, private, foreign, hmt, other
  employees BIGINT NOT NULL,
  employees_reported_on TEXT,            -- YYYY-MM-DD
  union_org_id BIGINT REFERENCES orgs (id),  -- the grassroots union covering it; NULL: none
  org_id BIGINT NOT NULL REFERENCES orgs (id),  -- the org responsible (see above)
  org_path TEXT NOT NULL,                -- that org's path
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO enterprises_by_rowid SELECT * FROM enterprises ORDER BY id;
DROP TABLE enterprises;
ALTER TABLE enterprises_by_rowid RENAME TO enterprises;
CREATE INDEX enterprises_founding ON enterprises (employees, id) WHERE union_org_id IS NULL;
CREATE INDEX enterprises_org ON enterprises (org_id);
CREATE INDEX enterprises_org_path ON enterprises (org_path, id);
CREATE INDEX enterprises_union ON enterprises (union_org_id);
CREATE UNIQUE INDEX enterprises_uscc ON enterprises (uscc);

-- users
CREATE TABLE users_by_rowid (
  id INTEGER NOT NULL PRIMARY KEY,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,           -- argon2id (libsodium crypto_pwhash_str)
  role TEXT NOT NULL,                    -- worker, cadre, staff, operator, admin
  org_id BIGINT REFERENCES orgs (id),
  status TEXT NOT NULL DEFAULT 'active', -- active, disabled
  created_at BIGINT NOT NULL
, phone_cipher BLOB, phone_index TEXT, key_version INTEGER);
INSERT INTO users_by_rowid SELECT * FROM users ORDER BY id;
DROP TABLE users;
ALTER TABLE users_by_rowid RENAME TO users;
CREATE INDEX users_display_name ON users (display_name);
CREATE INDEX users_key_version ON users (key_version);
CREATE INDEX users_org ON users (org_id);
CREATE INDEX users_phone_index ON users (phone_index);
CREATE UNIQUE INDEX users_username ON users (username);

-- members
CREATE TABLE members_by_rowid (
  id INTEGER NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  union_org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  name TEXT NOT NULL,
  name_pinyin TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  id_cipher BLOB NOT NULL,
  id_index TEXT NOT NULL,
  id_last4 TEXT NOT NULL,
  gender TEXT NOT NULL,                  -- male, female (from the ID)
  birth_date TEXT NOT NULL,              -- YYYY-MM-DD (from the ID)
  ethnicity TEXT,                        -- GB/T 3304 name
  phone_cipher BLOB,
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
INSERT INTO members_by_rowid SELECT * FROM members ORDER BY id;
DROP TABLE members;
ALTER TABLE members_by_rowid RENAME TO members;
CREATE UNIQUE INDEX members_card ON members (card_number);
CREATE INDEX members_employer ON members (employer_id);
CREATE INDEX members_id_index ON members (id_index);
CREATE INDEX members_id_last4 ON members (id_last4);
CREATE INDEX members_initials ON members (name_initials, org_path, id);
CREATE INDEX members_key_version ON members (key_version);
CREATE INDEX members_name ON members (name, org_path, id);
CREATE UNIQUE INDEX members_one_active ON members (id_index) WHERE status = 'active';
CREATE INDEX members_org_path ON members (org_path, id);
CREATE INDEX members_phone_index ON members (phone_index);
CREATE INDEX members_phone_last4 ON members (phone_last4);
CREATE INDEX members_pinyin ON members (name_pinyin, org_path, id);
CREATE INDEX members_union ON members (union_org_id, id);

-- service_requests
CREATE TABLE service_requests_by_rowid (
  id INTEGER NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  tracking_number TEXT NOT NULL,         -- core/requests/tracking_number.h
  channel TEXT NOT NULL,                 -- portal, hotline, walk_in, cadre
  category_code TEXT NOT NULL REFERENCES request_categories (code),
  priority TEXT NOT NULL,                -- normal, urgent
  status TEXT NOT NULL,                  -- core/requests/request_flow.h
  title TEXT NOT NULL,
  description TEXT NOT NULL,             -- plain text, shown as text
  member_id BIGINT REFERENCES members (id),
  requester_user_id BIGINT REFERENCES users (id),
  contact_name TEXT NOT NULL,
  contact_phone_cipher BLOB NOT NULL,
  contact_phone_index TEXT NOT NULL,
  contact_phone_last4 TEXT NOT NULL,
  key_version INTEGER NOT NULL,
  employer_id BIGINT REFERENCES enterprises (id),
  employer_name TEXT,
  region_code TEXT,                      -- where the employer (or the worker) is
  routed_org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  home_path TEXT NOT NULL,
  assigned_at BIGINT NOT NULL,
  accept_by BIGINT NOT NULL,
  contact_by BIGINT NOT NULL,
  resolve_by BIGINT NOT NULL,
  next_due BIGINT,
  accepted_at BIGINT,
  contacted_at BIGINT,
  resolved_at BIGINT,
  closed_at BIGINT,
  escalations INTEGER NOT NULL DEFAULT 0,
  handler_user_id BIGINT REFERENCES users (id),
  resolution TEXT,
  rating INTEGER,
  rating_comment TEXT,
  rated_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO service_requests_by_rowid SELECT * FROM service_requests ORDER BY id;
DROP TABLE service_requests;
ALTER TABLE service_requests_by_rowid RENAME TO service_requests;
CREATE INDEX service_requests_due ON service_requests (next_due) WHERE next_due IS NOT NULL;
CREATE INDEX service_requests_home ON service_requests (home_path, id);
CREATE INDEX service_requests_member ON service_requests (member_id);
CREATE INDEX service_requests_org ON service_requests (org_id, status, id);
CREATE INDEX service_requests_phone ON service_requests (contact_phone_index);
CREATE INDEX service_requests_resolved ON service_requests (resolved_at) WHERE rating IS NULL;
CREATE UNIQUE INDEX service_requests_tracking ON service_requests (tracking_number);

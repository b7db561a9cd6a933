-- The union tree (just enough for the demo federation; the organisations issue extends it),
-- accounts and their sessions.

CREATE TABLE orgs (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,         -- shard key: the municipal/provincial federation
  parent_id BIGINT REFERENCES orgs (id),
  path TEXT NOT NULL,                    -- materialised path "/<id>/<id>/", see core/org_path.h
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- municipal, district, street, industry, grassroots, group
  region_code TEXT,                      -- GB/T 2260
  status TEXT NOT NULL DEFAULT 'active',
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX orgs_code ON orgs (code);
CREATE INDEX orgs_path ON orgs (path);
CREATE INDEX orgs_parent ON orgs (parent_id);

CREATE TABLE users (
  id BIGINT NOT NULL PRIMARY KEY,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,           -- argon2id (libsodium crypto_pwhash_str)
  role TEXT NOT NULL,                    -- worker, cadre, staff, operator, admin
  org_id BIGINT REFERENCES orgs (id),
  status TEXT NOT NULL DEFAULT 'active', -- active, disabled
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_username ON users (username);

CREATE TABLE sessions (
  token_hash TEXT NOT NULL PRIMARY KEY,  -- BLAKE2b of the cookie token; the token is never stored
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  remote_addr TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Workers' own accounts (issue 19): a worker signs in to the portal with a mobile phone and a
-- one-time code, apart from the staff accounts of `users` (whose role `worker` is retired from
-- the console). The phone is personal data: sealed (app/personal_data/vault.h, vault field
-- "worker_accounts.phone") with a keyed blind index as the account's key, and its last four
-- digits in clear for display. member_id is the member record the worker is bound to (one
-- account per member); federation_id, the shard key, is the bound member's federation (NULL
-- until bound: a worker who is not a member still has an account).

CREATE TABLE worker_accounts (
  id BIGINT NOT NULL PRIMARY KEY,
  phone_cipher {{bytes}} NOT NULL,
  phone_index TEXT NOT NULL,
  phone_last4 TEXT NOT NULL,
  key_version INTEGER NOT NULL,
  member_id BIGINT REFERENCES members (id),
  federation_id BIGINT,
  bound_at BIGINT,
  status TEXT NOT NULL DEFAULT 'active', -- active, disabled
  created_at BIGINT NOT NULL,
  last_sign_in_at BIGINT
);
CREATE UNIQUE INDEX worker_accounts_phone ON worker_accounts (phone_index);
CREATE UNIQUE INDEX worker_accounts_member ON worker_accounts (member_id);
CREATE INDEX worker_accounts_key_version ON worker_accounts (key_version);

-- A worker's sessions, as `sessions` for staff: the BLAKE2b of the cookie token, never the token.
CREATE TABLE worker_sessions (
  token_hash TEXT NOT NULL PRIMARY KEY,
  worker_id BIGINT NOT NULL REFERENCES worker_accounts (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  remote_addr TEXT
);
CREATE INDEX worker_sessions_worker ON worker_sessions (worker_id);

-- One-time sign-in codes sent by SMS: keyed by the phone's blind index (whether or not an
-- account exists), the code kept only as a keyed hash. Only the newest code of a phone counts;
-- the rows of the last 24 hours are the per-phone send throttle, older ones are deleted.
CREATE TABLE sign_in_codes (
  id BIGINT NOT NULL PRIMARY KEY,
  phone_index TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  tries INTEGER NOT NULL DEFAULT 0,
  used_at BIGINT
);
CREATE INDEX sign_in_codes_phone ON sign_in_codes (phone_index, created_at);
CREATE INDEX sign_in_codes_created ON sign_in_codes (created_at);

-- Bindings a union's cadre must decide: the worker confirmed a member's name and ID number
-- but the member's stored phone is not the account's (or the member is bound to another
-- account). Scoped through the member's current org_path (a join), so an org move needs no
-- rewrite here. At most one pending binding per account.
CREATE TABLE worker_bindings (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  worker_id BIGINT NOT NULL REFERENCES worker_accounts (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  reason TEXT NOT NULL,                  -- phone_differs, bound_elsewhere
  state TEXT NOT NULL,                   -- pending, approved, rejected, cancelled
  created_at BIGINT NOT NULL,
  decided_by BIGINT REFERENCES users (id),
  decided_at BIGINT,
  decision_note TEXT
);
CREATE UNIQUE INDEX worker_bindings_one_pending ON worker_bindings (worker_id)
  WHERE state = 'pending';
CREATE INDEX worker_bindings_state ON worker_bindings (state, id);
CREATE INDEX worker_bindings_member ON worker_bindings (member_id);

-- A request a signed-in worker submitted on the portal names the worker's account.
ALTER TABLE service_requests ADD COLUMN requester_worker_id BIGINT
  REFERENCES worker_accounts (id);
CREATE INDEX service_requests_requester_worker ON service_requests (requester_worker_id, id);

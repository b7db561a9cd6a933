-- The worker's data rights (PIPL, issue 19). The privacy notice the worker last accepted: its
-- version (the portal's constant; a newer one is shown again) and when. Consent for optional
-- uses (app/worker_accounts/consents.h lists them): one row per grant or withdrawal, never
-- updated, so the history is kept; the newest row of a use is its state, and no row is no
-- consent.
ALTER TABLE worker_accounts ADD COLUMN notice_version INTEGER;
ALTER TABLE worker_accounts ADD COLUMN notice_accepted_at BIGINT;

CREATE TABLE worker_consents (
  id BIGINT NOT NULL PRIMARY KEY,
  worker_id BIGINT NOT NULL REFERENCES worker_accounts (id),
  purpose TEXT NOT NULL,
  granted INTEGER NOT NULL, -- 1 granted, 0 withdrawn
  created_at BIGINT NOT NULL
);
-- A use's newest row, and a worker's history, newest first.
CREATE INDEX worker_consents_worker ON worker_consents (worker_id, purpose, id);

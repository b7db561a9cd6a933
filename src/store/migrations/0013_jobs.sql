-- Long work run in the background (issue 17): roster, enterprise and org imports, large
-- exports. One row per run: what it is (kind, params), whose it is (owner, and the org whose
-- path decides who may see it: outside the caller's subtree it is 404), where it stands
-- (state, progress counters, the last input row whose work is committed), and its files in
-- the server's files folder, encrypted with the job's own key (sealed by the personal-data
-- key ring, so a key rotation re-seals it). A runner holds a running job by a heartbeat; a job
-- whose heartbeat stops (the server died) is taken up again and resumed.
CREATE TABLE jobs (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  kind TEXT NOT NULL,                    -- members.import, enterprises.import, orgs.import, members.export
  state TEXT NOT NULL,                   -- queued, running, succeeded, failed, cancelled, interrupted
  org_id BIGINT REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  owner_id BIGINT REFERENCES users (id),
  params TEXT NOT NULL,                  -- JSON object, the kind's options
  input_file TEXT,                       -- name in the files folder (sealed upload)
  input_bytes BIGINT,
  result_file TEXT,                      -- name in the files folder (sealed result)
  result_bytes BIGINT,
  file_key {{bytes}},                         -- the job's file key, sealed by the key ring
  key_version INTEGER,
  result_ref BIGINT,                     -- e.g. the member_imports run
  report TEXT,                           -- JSON: the kind's report when it ends
  rows_expected BIGINT,
  rows_read BIGINT NOT NULL DEFAULT 0,
  rows_committed BIGINT NOT NULL DEFAULT 0,
  rows_rejected BIGINT NOT NULL DEFAULT 0,
  header_row BIGINT,
  checkpoint BIGINT NOT NULL DEFAULT 0,  -- the last input row whose work is committed
  error_code TEXT,                       -- message key of the failure
  error_args TEXT,                       -- JSON object of its arguments
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  runner TEXT,                           -- the server process running it
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  resumed_at BIGINT,                     -- when the current attempt began (rows/s since then)
  rows_at_resume BIGINT NOT NULL DEFAULT 0,
  heartbeat_at BIGINT,
  finished_at BIGINT,
  files_expire_at BIGINT                 -- when its files are deleted
);
CREATE INDEX jobs_path ON jobs (org_path, id);
CREATE INDEX jobs_state ON jobs (state, id);
CREATE INDEX jobs_owner ON jobs (owner_id, id);
CREATE INDEX jobs_key_version ON jobs (key_version);

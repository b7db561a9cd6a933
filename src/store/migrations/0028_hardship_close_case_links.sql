-- Hardship files, slice 2 in part (issue 20; docs/design/cases.md). A file is closed with a
-- reason (lifted, retired, transferred, died, other) at a time; the closing transaction also
-- clears household_members.file_open, so the household may be opened again in a new file.
ALTER TABLE hardship_files ADD COLUMN closed_at BIGINT;
ALTER TABLE hardship_files ADD COLUMN close_reason TEXT;

-- One case spine (cases.md): what a 12351 request became — a hardship file now; aid grants and
-- legal cases later — one row per target, so the request page lists its links and each target
-- shows its request. org_path is the target's org (who sees the target sees the link).
CREATE TABLE case_links (
  id BIGINT NOT NULL PRIMARY KEY,
  request_id BIGINT NOT NULL REFERENCES service_requests (id),
  target_kind TEXT NOT NULL,             -- hardship_file (later: aid_grant, legal_case)
  target_id BIGINT NOT NULL,
  org_path TEXT NOT NULL,
  created_by BIGINT,                     -- NULL for the command line's system actor
  created_at BIGINT NOT NULL
);
CREATE INDEX case_links_request ON case_links (request_id, id);
CREATE INDEX case_links_target ON case_links (target_kind, target_id);

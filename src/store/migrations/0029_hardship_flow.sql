-- Hardship files, slice 2: the workflow (core/hardship/hardship_workflow.h; issue 20).
--
-- hardship_flows: where each file stands in its workflow, apart from the facts its level was
-- computed from (hardship_files, which only an override changes). One row per file, written
-- with the file; a file opened before this migration counts as applied (the row is made for it
-- here). org_path copies the file's, so "files waiting for me" and "reviews due" are one range
-- on the index (in store/org_paths.h's one list).
CREATE TABLE hardship_flows (
  file_id BIGINT NOT NULL PRIMARY KEY REFERENCES hardship_files (id),
  org_path TEXT NOT NULL,
  federation_id BIGINT NOT NULL,
  stage TEXT NOT NULL,                   -- applied, first_reviewed, visited, reviewed, publicised,
                                         -- active, closed, erased
  publicity_ends_on TEXT,                -- YYYY-MM-DD, the publicity's last day
  review_due_on TEXT,                    -- YYYY-MM-DD, once active
  open_objections INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX hardship_flows_stage ON hardship_flows (org_path, stage);
CREATE INDEX hardship_flows_review_due ON hardship_flows (review_due_on, org_path);
INSERT INTO hardship_flows (file_id, org_path, federation_id, stage, updated_at)
  SELECT id, org_path, federation_id, CASE WHEN status = 'closed' THEN 'closed' ELSE 'applied' END,
         updated_at
  FROM hardship_files;

-- The workflow's numbers, per federation (rules are data; absent: the defaults of
-- core/hardship/hardship_workflow.h, the example of shared/context/service-rules.md).
CREATE TABLE hardship_rules (
  federation_id BIGINT NOT NULL PRIMARY KEY,
  publicity_working_days INTEGER NOT NULL,
  review_months INTEGER NOT NULL,
  reminder_days INTEGER NOT NULL,
  retention_years INTEGER NOT NULL,
  spot_check_pct INTEGER NOT NULL,
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);

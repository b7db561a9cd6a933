-- Hardship files, slice 3 (issue 20): the yearly spot check and the erasure after retention,
-- both done by the server's job (app/hardship/hardship_sweep.h).
--
-- spot_check_due: the file was drawn in this year's spot check (抽查) and not checked yet; the
-- workbench's card and the list's filter count these on their own index.
ALTER TABLE hardship_flows ADD COLUMN spot_check_due INTEGER NOT NULL DEFAULT 0;
CREATE INDEX hardship_flows_spot_check ON hardship_flows (spot_check_due, org_path);

-- One draw per federation and year, so the job draws once however often it runs.
CREATE TABLE hardship_spot_draws (
  federation_id BIGINT NOT NULL,
  year INTEGER NOT NULL,
  drawn INTEGER NOT NULL,            -- how many files were drawn
  active INTEGER NOT NULL,           -- out of how many active files
  drawn_at BIGINT NOT NULL,
  PRIMARY KEY (federation_id, year)
);

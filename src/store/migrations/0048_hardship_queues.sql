-- The workbench's hardship cards count their queues, not the subtree's files. Measured with
-- `bench/run.sh --only dashboards`: the administrator's workbench took 111 ms (p50) at 1,000,000
-- members and 50,000 files against 9 ms at a tenth, most of it the three hardship counts walking
-- every file of the subtree through hardship_flows_stage (org_path, stage).
-- Files waiting for their first check: the stage, then the subtree's range.
CREATE INDEX hardship_flows_queue ON hardship_flows (stage, org_path);
-- Annual reviews due: the active files, by the day the review falls due (a closed file keeps
-- its last review_due_on, so the stage comes first). Not a partial index: SQLite, without
-- statistics, prefers the equality on hardship_flows_queue's stage to a partial index's range.
CREATE INDEX hardship_flows_reviews ON hardship_flows (stage, review_due_on);

-- The case modules' dashboard counters (issue 20: hardship files and aid; legal cases and the
-- modules after them add metrics, not tables). Like request_stats, a row holds the figure of an
-- org's whole subtree: every change adds its delta to the row of each org on the path, in the
-- transaction of the change, so a dashboard reads a few rows whatever the registry's size. A
-- moved subtree's rows leave its old ancestors and join the new (app/orgs/org_move.cpp).
--
-- metric: what is counted (store/org_counters.h lists them); period: "" for a standing figure
-- (households in open files now), YYYY-MM for a month's (files opened, aid approved); dim1 and
-- dim2: the breakdown ("" when none), e.g. level and main cause, or the aid's kind.
CREATE TABLE org_counters (
  org_id BIGINT NOT NULL,
  metric TEXT NOT NULL,
  period TEXT NOT NULL,
  dim1 TEXT NOT NULL,
  dim2 TEXT NOT NULL,
  federation_id BIGINT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (org_id, metric, period, dim1, dim2)
);

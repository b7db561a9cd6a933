-- Issue 20's remaining dashboard figures as org_counters rows (0033), so the hardship and legal
-- figures cost the same however large the registry: the hardship files per workflow stage, and
-- the legal cases (by type and stage, money claimed and recovered, collective disputes). Metric
-- names as in store/org_counters.h. From now on every change adds its delta in its own
-- transaction (store/hardship_flow.cpp, app/legal/legal_figures.cpp); here the rows are counted
-- once from what is stored, for every org whose subtree holds it (its path a prefix of the
-- row's). The cases opened and closed per month need a month from Unix milliseconds, which the
-- two dialects write differently: they are 0038's twins, so this text stays one for both.
INSERT INTO org_counters (org_id, metric, period, dim1, dim2, federation_id, value)
  SELECT o.id, 'hardship.stage', '', w.stage, '', o.federation_id, COUNT(*)
  FROM orgs o JOIN hardship_flows w
    ON w.org_path >= o.path AND w.org_path < (SUBSTR(o.path, 1, LENGTH(o.path) - 1) || '0')
  GROUP BY o.id, o.federation_id, w.stage;
INSERT INTO org_counters (org_id, metric, period, dim1, dim2, federation_id, value)
  SELECT o.id, 'legal.cases', '', c.type, c.stage, o.federation_id, COUNT(*)
  FROM orgs o JOIN legal_cases c
    ON c.org_path >= o.path AND c.org_path < (SUBSTR(o.path, 1, LENGTH(o.path) - 1) || '0')
  GROUP BY o.id, o.federation_id, c.type, c.stage;
INSERT INTO org_counters (org_id, metric, period, dim1, dim2, federation_id, value)
  SELECT o.id, 'legal.claimed_fen', '', c.type, '', o.federation_id, SUM(c.claimed_fen)
  FROM orgs o JOIN legal_cases c
    ON c.org_path >= o.path AND c.org_path < (SUBSTR(o.path, 1, LENGTH(o.path) - 1) || '0')
  GROUP BY o.id, o.federation_id, c.type HAVING SUM(c.claimed_fen) <> 0;
INSERT INTO org_counters (org_id, metric, period, dim1, dim2, federation_id, value)
  SELECT o.id, 'legal.recovered_fen', '', c.type, '', o.federation_id, SUM(c.recovered_fen)
  FROM orgs o JOIN legal_cases c
    ON c.org_path >= o.path AND c.org_path < (SUBSTR(o.path, 1, LENGTH(o.path) - 1) || '0')
  GROUP BY o.id, o.federation_id, c.type HAVING SUM(c.recovered_fen) <> 0;
INSERT INTO org_counters (org_id, metric, period, dim1, dim2, federation_id, value)
  SELECT o.id, 'legal.collective', '', CASE WHEN c.stage = 'closed' THEN 'closed' ELSE 'open' END,
         '', o.federation_id, COUNT(*)
  FROM orgs o JOIN legal_cases c
    ON c.org_path >= o.path AND c.org_path < (SUBSTR(o.path, 1, LENGTH(o.path) - 1) || '0')
  WHERE c.collective = 1
  GROUP BY o.id, o.federation_id, CASE WHEN c.stage = 'closed' THEN 'closed' ELSE 'open' END;

-- The legal cases opened and closed per month as org_counters rows (see 0037): the month is
-- China's (UTC+8, no daylight saving), written from Unix milliseconds with strftime here and
-- with to_char in the PostgreSQL twin; the twins hold only these two statements.
INSERT INTO org_counters (org_id, metric, period, dim1, dim2, federation_id, value)
  SELECT o.id, 'legal.opened', strftime('%Y-%m', (c.opened_at + 28800000) / 1000, 'unixepoch'), '', '', o.federation_id, COUNT(*)
  FROM orgs o JOIN legal_cases c
    ON c.org_path >= o.path AND c.org_path < (SUBSTR(o.path, 1, LENGTH(o.path) - 1) || '0')
  GROUP BY o.id, o.federation_id, strftime('%Y-%m', (c.opened_at + 28800000) / 1000, 'unixepoch');
INSERT INTO org_counters (org_id, metric, period, dim1, dim2, federation_id, value)
  SELECT o.id, 'legal.closed', strftime('%Y-%m', (c.closed_at + 28800000) / 1000, 'unixepoch'), '', '', o.federation_id, COUNT(*)
  FROM orgs o JOIN legal_cases c
    ON c.org_path >= o.path AND c.org_path < (SUBSTR(o.path, 1, LENGTH(o.path) - 1) || '0')
  WHERE c.closed_at IS NOT NULL
  GROUP BY o.id, o.federation_id, strftime('%Y-%m', (c.closed_at + 28800000) / 1000, 'unixepoch');

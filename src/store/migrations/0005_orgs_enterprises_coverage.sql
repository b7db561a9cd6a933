-- Organisations, enterprises and coverage (issue 5).
--
-- Orgs gain their founding date, chair and contact; status (active, merged, dissolved) replaces
-- deletion, and org_events keeps each org's history (created, changed, moved, status).
--
-- Enterprises (用人单位) point at the org responsible for them: their grassroots union when
-- unionised, otherwise the street federation of their region. org_path is that org's
-- materialised path, so "enterprises under this district" is one range scan on
-- enterprises_org_path, and it is rewritten together with orgs.path when a subtree moves.
--
-- coverage_rollups holds, per org, the sums over its whole subtree; coverage_industries the
-- same per GB/T 4754 section. Both are changed in the same transaction as the enterprise or org
-- change that moves them (app/coverage), and `zhijia coverage verify` recounts them.
-- members and served_12m are maintained by the member registry and the service requests
-- (issue 6 onwards); until those tables exist nothing adds to them and they stay 0.

ALTER TABLE orgs ADD COLUMN founded_on TEXT;        -- YYYY-MM-DD
ALTER TABLE orgs ADD COLUMN chair TEXT;
ALTER TABLE orgs ADD COLUMN contact TEXT;
ALTER TABLE orgs ADD COLUMN updated_at BIGINT;
CREATE INDEX orgs_region ON orgs (region_code, kind);

CREATE TABLE org_events (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,         -- shard key
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  at BIGINT NOT NULL,
  event TEXT NOT NULL,                   -- created, updated, moved, status
  detail TEXT NOT NULL                   -- JSON object of field → "old → new"
);
CREATE INDEX org_events_org ON org_events (org_id, id);

CREATE TABLE enterprises (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,         -- shard key: the federation the enterprise lies in
  uscc TEXT NOT NULL,                    -- GB 32100-2015, normalised
  name TEXT NOT NULL,
  region_code TEXT NOT NULL,             -- GB/T 2260 street/township (9 digits)
  industry TEXT NOT NULL,                -- GB/T 4754-2017 section A..T
  ownership TEXT NOT NULL,               -- state, collective, private, foreign, hmt, other
  employees BIGINT NOT NULL,
  employees_reported_on TEXT,            -- YYYY-MM-DD
  union_org_id BIGINT REFERENCES orgs (id),  -- the grassroots union covering it; NULL: none
  org_id BIGINT NOT NULL REFERENCES orgs (id),  -- the org responsible (see above)
  org_path TEXT NOT NULL,                -- that org's path
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX enterprises_uscc ON enterprises (uscc);
CREATE INDEX enterprises_org_path ON enterprises (org_path, id);
CREATE INDEX enterprises_org ON enterprises (org_id);
CREATE INDEX enterprises_union ON enterprises (union_org_id);
-- The founding list: non-unionised, largest first.
CREATE INDEX enterprises_founding ON enterprises (employees, id) WHERE union_org_id IS NULL;

CREATE TABLE coverage_rollups (
  org_id BIGINT NOT NULL PRIMARY KEY REFERENCES orgs (id),
  federation_id BIGINT NOT NULL,         -- shard key
  enterprises BIGINT NOT NULL DEFAULT 0,
  unionised_enterprises BIGINT NOT NULL DEFAULT 0,
  employees BIGINT NOT NULL DEFAULT 0,
  members BIGINT NOT NULL DEFAULT 0,     -- member registry (issue 6) keeps it; 0 until then
  founding_gap BIGINT NOT NULL DEFAULT 0,
  served_12m BIGINT NOT NULL DEFAULT 0   -- members served in the last 12 months (issue 6+)
);

CREATE TABLE coverage_industries (
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  industry TEXT NOT NULL,
  federation_id BIGINT NOT NULL,
  enterprises BIGINT NOT NULL DEFAULT 0,
  unionised_enterprises BIGINT NOT NULL DEFAULT 0,
  employees BIGINT NOT NULL DEFAULT 0,
  members BIGINT NOT NULL DEFAULT 0,
  founding_gap BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, industry)
);

-- Every org existing before this migration starts with empty figures.
INSERT INTO coverage_rollups (org_id, federation_id) SELECT id, federation_id FROM orgs;

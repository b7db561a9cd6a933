-- Honour rounds and their nominations (荣誉评选: 五一劳动奖章/奖状, 工人先锋号; issue 21 slice 5;
-- docs/design/competitions.md). One text for both stores. A round belongs to an org (its org_path
-- and federation in store/org_paths.h) and carries its composition rules as the CSV text of
-- core/competitions/honours.h ParseRules; status: open → closed. Dates are YYYY-MM-DD.
CREATE TABLE honour_rounds (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  title TEXT NOT NULL,
  year INTEGER NOT NULL,
  rules_text TEXT NOT NULL,
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  status TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX honour_rounds_org_path ON honour_rounds (org_path, id);

-- The most nominations an org of the round's subtree may put forward, of a category or ('') of
-- all. Follows its round.
CREATE TABLE honour_quotas (
  round_id BIGINT NOT NULL REFERENCES honour_rounds (id),
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  category TEXT NOT NULL,
  max_count INTEGER NOT NULL,
  PRIMARY KEY (round_id, org_id, category)
);

-- A nomination by an org (org_path: the nominating org's, in store/org_paths.h) of a member of
-- the registry, a listed and published competition entry (team, enterprise or individual) or an
-- enterprise. nominee_key (member:<id>, entry:<id>, enterprise:<id>) is unique per round: an
-- individual entry counts as its member. categories_json is the set of categories frozen at
-- nomination (computed from the registry plus the ones the cadre ticked). status: draft (on the
-- nominating org's list) → forwarded (held by forwarded_to, the org above it was sent to) →
-- awarded | refused (by the round's org). flagged: forwarded while breaking a composition rule
-- or a quota, with forward_reason.
CREATE TABLE nominations (
  id BIGINT NOT NULL PRIMARY KEY,
  round_id BIGINT NOT NULL REFERENCES honour_rounds (id),
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  federation_id BIGINT NOT NULL,
  nominee_kind TEXT NOT NULL,            -- member, team, enterprise
  nominee_key TEXT NOT NULL,
  member_id BIGINT REFERENCES members (id),
  entry_id BIGINT REFERENCES comp_entries (id),
  enterprise_id BIGINT REFERENCES enterprises (id),
  categories_json TEXT NOT NULL,
  status TEXT NOT NULL,
  forwarded_to BIGINT REFERENCES orgs (id),
  forwarded_at BIGINT,
  forward_reason TEXT,
  flagged INTEGER NOT NULL,
  decided_by BIGINT,
  decided_at BIGINT,
  decision_note TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (round_id, nominee_key)
);
CREATE INDEX nominations_round_path ON nominations (round_id, org_path, id);
CREATE INDEX nominations_org_path ON nominations (org_path, id);

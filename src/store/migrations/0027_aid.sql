-- Aid grants (帮扶, issue 20 slice 3; docs/design/cases.md "Aid grants"). One text for both
-- stores; no sealed values (aid_once keeps blind indexes only). Money in integer fen.
--
-- aid_kind_rules: how much a kind of aid is for a level of file in a year, loaded by an
-- administrator for an org's subtree (rules are data): months_of_dibao (months × the file's
-- 低保 line), fixed (amount_fen), share_of_cost (share_pct of a stated cost); each capped by
-- cap_fen when set, per household, student or person. A file takes the rule of the nearest org
-- on its path that has one.
CREATE TABLE aid_kind_rules (
  scope_org_id BIGINT NOT NULL REFERENCES orgs (id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,                    -- living, medical, schooling, festival, emergency
  level TEXT NOT NULL,                   -- deep, relative, sudden
  rule TEXT NOT NULL,                    -- months_of_dibao, fixed, share_of_cost
  months INTEGER NOT NULL DEFAULT 0,
  amount_fen BIGINT NOT NULL DEFAULT 0,
  share_pct INTEGER NOT NULL DEFAULT 0,
  cap_fen BIGINT,                        -- NULL: no cap
  per_unit TEXT NOT NULL,                -- household, student, person
  loaded_by BIGINT,
  loaded_at BIGINT NOT NULL,
  PRIMARY KEY (scope_org_id, year, kind, level)
);

-- The most an org of a level may approve of a kind (grassroots ≤ X, street ≤ Y); the level
-- above the highest one listed approves any amount. Nearest scope on the path, like the rules.
CREATE TABLE approval_limits (
  scope_org_id BIGINT NOT NULL REFERENCES orgs (id),
  kind TEXT NOT NULL,
  org_level TEXT NOT NULL,               -- grassroots, street, district, municipal
  max_fen BIGINT NOT NULL,
  loaded_by BIGINT,
  loaded_at BIGINT NOT NULL,
  PRIMARY KEY (scope_org_id, kind, org_level)
);

-- An org's budget for a kind and year, with the counters moved in the grants' transactions:
-- committed on approval, paid on payment (committed_fen ≤ amount_fen is checked there).
CREATE TABLE budgets (
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  committed_fen BIGINT NOT NULL DEFAULT 0,
  paid_fen BIGINT NOT NULL DEFAULT 0,
  loaded_by BIGINT,
  loaded_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, year, kind)
);

-- A grant to a hardship file's household, seen by whoever sees the file's org. The amount and
-- the rule it came from are kept (rule_text, rule_params: a later rule never changes it);
-- approver_level is the level that must decide it; budget_org_id the budget it draws on.
CREATE TABLE aid_grants (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  file_id BIGINT NOT NULL REFERENCES hardship_files (id),
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  kind TEXT NOT NULL,
  period TEXT NOT NULL,                  -- YYYY, or YYYY-MM for emergency aid
  amount_fen BIGINT NOT NULL,
  rule_text TEXT NOT NULL,               -- the rule's message key
  rule_params TEXT NOT NULL,             -- JSON object of its parameters
  status TEXT NOT NULL,                  -- proposed, approved, paid, refused
  approver_level TEXT NOT NULL,
  budget_org_id BIGINT NOT NULL REFERENCES orgs (id),
  proposed_by BIGINT,
  proposed_at BIGINT NOT NULL,
  decided_by BIGINT,
  decided_at BIGINT,
  refuse_reason TEXT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX aid_grants_org_path ON aid_grants (org_path, id);
CREATE INDEX aid_grants_queue ON aid_grants (status, approver_level, org_path, id);
CREATE INDEX aid_grants_file ON aid_grants (file_id, id);

-- No double aid: one row per household member's ID blind index, kind and period, written in the
-- proposal's transaction and removed when the grant is refused. The unique key refuses the same
-- person aid of the same kind in the same period twice anywhere in the federation.
CREATE TABLE aid_once (
  id_blind TEXT NOT NULL,
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  grant_id BIGINT NOT NULL REFERENCES aid_grants (id),
  PRIMARY KEY (id_blind, kind, period)
);
CREATE INDEX aid_once_grant ON aid_once (grant_id);

CREATE TABLE aid_payments (
  id BIGINT NOT NULL PRIMARY KEY,
  grant_id BIGINT NOT NULL REFERENCES aid_grants (id),
  paid_on TEXT NOT NULL,                 -- YYYY-MM-DD
  amount_fen BIGINT NOT NULL,
  method TEXT NOT NULL,                  -- bank_transfer, cash, other
  batch_id TEXT,
  paid_by BIGINT,
  paid_at BIGINT NOT NULL
);
CREATE INDEX aid_payments_grant ON aid_payments (grant_id, id);

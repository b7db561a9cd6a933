-- Mutual-aid plans on the member card (互助保障, issue 22; docs/design/activities.md "Tables").
-- ma_, apart from issue 20's aid_ grants (帮扶). One text for both stores. Money in fen, days
-- YYYY-MM-DD, instants Unix ms. A plan belongs to the federation or a district (org_path); its
-- benefit table (core/mutual_aid BenefitRule), its yearly periods, the members enrolled in a
-- period (org_path: the member's union when enrolled), the unions' additions-and-removals lists
-- and the claims (org_path: the member's union, so a street sees its members' claims).
CREATE TABLE ma_plans (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- medical, accident, property
  period_month INTEGER NOT NULL,
  period_day INTEGER NOT NULL,
  per_head_fen BIGINT NOT NULL,
  payers_json TEXT NOT NULL,             -- [{payer, share_bp}]
  eligibility TEXT NOT NULL,             -- card_holders, in_service_medical
  changes_days_before INTEGER NOT NULL,
  status TEXT NOT NULL,                  -- active, closed
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (org_id, code)
);
CREATE INDEX ma_plans_org_path ON ma_plans (org_path, id);

CREATE TABLE ma_benefits (
  plan_id BIGINT NOT NULL REFERENCES ma_plans (id),
  code TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- share_of_loss, itemised
  share_bp INTEGER,
  cap_fen BIGINT,
  items_json TEXT NOT NULL,              -- [{code, amount_fen}]
  PRIMARY KEY (plan_id, code)
);

CREATE TABLE ma_periods (
  id BIGINT NOT NULL PRIMARY KEY,
  plan_id BIGINT NOT NULL REFERENCES ma_plans (id),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  headcount BIGINT NOT NULL,             -- enrolments not removed
  status TEXT NOT NULL,                  -- open, confirmed, closed
  opened_by BIGINT,
  opened_at BIGINT NOT NULL,
  UNIQUE (plan_id, starts_on)
);

CREATE TABLE ma_enrolments (
  period_id BIGINT NOT NULL REFERENCES ma_periods (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  org_path TEXT NOT NULL,
  federation_id BIGINT NOT NULL,
  covered_from TEXT NOT NULL,
  removed_on TEXT,                       -- the first day no longer covered
  removed_reason TEXT,                   -- moved_out, retired, died, left
  confirmed_by BIGINT,
  confirmed_at BIGINT NOT NULL,
  PRIMARY KEY (period_id, member_id)
);
CREATE INDEX ma_enrolments_org_path ON ma_enrolments (org_path, period_id);
CREATE INDEX ma_enrolments_member ON ma_enrolments (member_id, period_id);

CREATE TABLE ma_lists (
  id BIGINT NOT NULL PRIMARY KEY,
  period_id BIGINT NOT NULL REFERENCES ma_periods (id),
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  federation_id BIGINT NOT NULL,
  from_on TEXT NOT NULL,
  to_on TEXT NOT NULL,
  additions_json TEXT NOT NULL,          -- [{member_id, since, reason}]
  removals_json TEXT NOT NULL,
  status TEXT NOT NULL,                  -- draft, sent, applied
  made_by BIGINT,
  made_at BIGINT NOT NULL,
  sent_by BIGINT,
  sent_at BIGINT,
  applied_by BIGINT,
  applied_at BIGINT
);
CREATE INDEX ma_lists_period ON ma_lists (period_id, org_id, id);
CREATE INDEX ma_lists_org_path ON ma_lists (org_path, id);

CREATE TABLE ma_claims (
  id BIGINT NOT NULL PRIMARY KEY,
  plan_id BIGINT NOT NULL REFERENCES ma_plans (id),
  period_id BIGINT NOT NULL REFERENCES ma_periods (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  org_path TEXT NOT NULL,
  federation_id BIGINT NOT NULL,
  benefit_code TEXT NOT NULL,
  incident_date TEXT NOT NULL,
  incident_key TEXT NOT NULL,
  facts_json TEXT NOT NULL,              -- {loss_fen} or {items}
  amount_fen BIGINT NOT NULL,
  capped INTEGER NOT NULL,
  status TEXT NOT NULL,                  -- filed, approved, refused, paid
  request_id BIGINT,
  filed_by TEXT NOT NULL,                -- worker, cadre
  filed_by_user BIGINT,
  refused_reason TEXT,
  decided_by BIGINT,
  decided_at BIGINT,
  paid_on TEXT,
  payment_ref TEXT,
  created_at BIGINT NOT NULL
);
-- One claim per incident among those not refused: a second of the same incident fails here.
CREATE UNIQUE INDEX ma_claims_incident ON ma_claims (incident_key) WHERE status <> 'refused';
CREATE INDEX ma_claims_org_path ON ma_claims (org_path, id);
CREATE INDEX ma_claims_member ON ma_claims (member_id, id);

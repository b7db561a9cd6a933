-- Legal aid and rights cases (法律援助 / 维权, issue 20 slice 4; docs/design/cases.md "Legal
-- cases"). One text for both stores: BLOB is, on PostgreSQL, the domain over BYTEA of 0024.
-- Money in integer fen.
--
-- legal_rules: a federation's thresholds of a collective dispute (rules are data; absent: the
-- defaults of core/legal/legal_case.h, 10 workers or ¥500,000 claimed).
CREATE TABLE legal_rules (
  federation_id BIGINT NOT NULL PRIMARY KEY,
  collective_workers INTEGER NOT NULL,
  collective_amount_fen BIGINT NOT NULL,
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);

-- The directory of lawyers and legal-aid centres (法律援助中心) a union works with, kept by
-- the union (org_path: seen by its subtree, offered to the subtree's cases). The phone is
-- sealed (vault field legal.lawyer_phone), its last four kept for masks.
CREATE TABLE legal_lawyers (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- lawyer, aid_centre
  name TEXT NOT NULL,
  firm TEXT NOT NULL,                    -- the law firm, or the centre's parent body
  phone_cipher BLOB,
  phone_last4 TEXT,
  key_version INTEGER NOT NULL,
  active INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX legal_lawyers_org_path ON legal_lawyers (org_path, id);

-- A case, handled by the union at org_path. The employer by its unified social credit code,
-- linked to the enterprise register when the code is registered. worker_count mirrors
-- legal_case_workers (moved in the same transaction); collective follows the federation's rule
-- after every change of workers or claimed money. The alert to the district is raised once:
-- alerted_at stays (the district above the case is found on its path, so the row keeps no
-- second path), and the district's staff acknowledge it (alert_ack_at, alert_ack_by).
CREATE TABLE legal_cases (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  type TEXT NOT NULL,                    -- wage_arrears, contract, work_injury, social_insurance,
                                         -- dismissal, overtime
  title TEXT NOT NULL,
  employer_uscc TEXT NOT NULL,
  employer_name TEXT NOT NULL,
  enterprise_id BIGINT REFERENCES enterprises (id),
  stage TEXT NOT NULL,                   -- consultation, mediation, arbitration, litigation,
                                         -- enforcement, closed
  claimed_fen BIGINT NOT NULL,
  recovered_fen BIGINT NOT NULL,
  outcome TEXT,
  lawyer_id BIGINT REFERENCES legal_lawyers (id),
  worker_count INTEGER NOT NULL,
  collective INTEGER NOT NULL,
  alerted_at BIGINT,
  alert_ack_at BIGINT,
  alert_ack_by BIGINT,
  opened_by BIGINT,
  opened_at BIGINT NOT NULL,
  closed_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX legal_cases_org_path ON legal_cases (org_path, id);
CREATE INDEX legal_cases_alerts ON legal_cases (collective, alert_ack_at, org_path);

-- The workers of a case: a member of the registry (member_id) or a worker entered by hand; in
-- both cases the ID number sealed (vault field legal.id_number) with its blind index, and the
-- name sealed. A worker's ID once per case: the unique key refuses a second row.
CREATE TABLE legal_case_workers (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL REFERENCES legal_cases (id),
  member_id BIGINT REFERENCES members (id),
  name_cipher BLOB NOT NULL,
  id_cipher BLOB NOT NULL,
  id_blind TEXT NOT NULL,
  id_last4 TEXT NOT NULL,
  key_version INTEGER NOT NULL,
  added_by BIGINT,
  added_at BIGINT NOT NULL,
  UNIQUE (case_id, id_blind)
);

-- The stages a case went through, with their dates (YYYY-MM-DD) and a note; the open stage has
-- no ended_on.
CREATE TABLE legal_case_stages (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL REFERENCES legal_cases (id),
  stage TEXT NOT NULL,
  started_on TEXT NOT NULL,
  ended_on TEXT,
  note TEXT NOT NULL,
  actor_id BIGINT,
  at BIGINT NOT NULL
);
CREATE INDEX legal_case_stages_case ON legal_case_stages (case_id, id);

-- Service requests (诉求, issue 7): the 12351-style channel between workers and their union.
--
-- request_categories: configurable by an administrator; the defaults below. lowest_level is
-- the lowest level allowed to handle the category (grassroots, street, district, municipal);
-- the deadlines are in working days (core/requests/service_deadlines.h).
--
-- service_requests: org_id is the org handling it now; home_path is the path of the org it was
-- routed (or transferred) to, so that org and every org above it (an escalation goes to the
-- parent, never sideways) see it with one range condition. The contact phone is sealed like
-- members' (field "service_requests.contact_phone") with a blind index for the operator's
-- lookup, and its last four digits for the worker's tracking check. next_due is the deadline
-- of the first pending milestone while the request is open (NULL otherwise): the escalation
-- sweep reads `next_due < now` on its index. federation_id is the shard key.

CREATE TABLE request_categories (
  code TEXT NOT NULL PRIMARY KEY,
  parent_code TEXT REFERENCES request_categories (code),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  lowest_level TEXT NOT NULL DEFAULT 'grassroots',
  accept_days INTEGER NOT NULL DEFAULT 1,
  contact_days INTEGER NOT NULL DEFAULT 2,
  resolve_days INTEGER NOT NULL DEFAULT 15,
  active INTEGER NOT NULL DEFAULT 1,
  sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO request_categories (code, parent_code, name_zh, name_en, lowest_level, sort_order) VALUES
  ('legal_aid', NULL, '法律援助', 'Legal aid', 'district', 10),
  ('hardship', NULL, '困难帮扶', 'Hardship assistance', 'grassroots', 20),
  ('employment', NULL, '就业创业', 'Employment and entrepreneurship', 'street', 30),
  ('rights', NULL, '维权投诉', 'Rights complaint', 'grassroots', 40),
  ('rights.wage_arrears', 'rights', '欠薪', 'Wage arrears', 'grassroots', 41),
  ('rights.contract', 'rights', '劳动合同', 'Labour contract', 'grassroots', 42),
  ('rights.work_injury', 'rights', '工伤', 'Work injury', 'grassroots', 43),
  ('rights.social_insurance', 'rights', '社会保险', 'Social insurance', 'grassroots', 44),
  ('rights.overtime_leave', 'rights', '加班休假', 'Overtime and leave', 'grassroots', 45),
  ('consultation', NULL, '咨询', 'Consultation', 'grassroots', 50),
  ('suggestion', NULL, '意见建议', 'Suggestion', 'grassroots', 60);

CREATE TABLE service_requests (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  tracking_number TEXT NOT NULL,         -- core/requests/tracking_number.h
  channel TEXT NOT NULL,                 -- portal, hotline, walk_in, cadre
  category_code TEXT NOT NULL REFERENCES request_categories (code),
  priority TEXT NOT NULL,                -- normal, urgent
  status TEXT NOT NULL,                  -- core/requests/request_flow.h
  title TEXT NOT NULL,
  description TEXT NOT NULL,             -- plain text, shown as text
  member_id BIGINT REFERENCES members (id),
  requester_user_id BIGINT REFERENCES users (id),
  contact_name TEXT NOT NULL,
  contact_phone_cipher {{bytes}} NOT NULL,
  contact_phone_index TEXT NOT NULL,
  contact_phone_last4 TEXT NOT NULL,
  key_version INTEGER NOT NULL,
  employer_id BIGINT REFERENCES enterprises (id),
  employer_name TEXT,
  region_code TEXT,                      -- where the employer (or the worker) is
  routed_org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  home_path TEXT NOT NULL,
  assigned_at BIGINT NOT NULL,
  accept_by BIGINT NOT NULL,
  contact_by BIGINT NOT NULL,
  resolve_by BIGINT NOT NULL,
  next_due BIGINT,
  accepted_at BIGINT,
  contacted_at BIGINT,
  resolved_at BIGINT,
  closed_at BIGINT,
  escalations INTEGER NOT NULL DEFAULT 0,
  handler_user_id BIGINT REFERENCES users (id),
  resolution TEXT,
  rating INTEGER,
  rating_comment TEXT,
  rated_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX service_requests_tracking ON service_requests (tracking_number);
CREATE INDEX service_requests_org ON service_requests (org_id, status, id);
CREATE INDEX service_requests_home ON service_requests (home_path, id);
CREATE INDEX service_requests_due ON service_requests (next_due) WHERE next_due IS NOT NULL;
CREATE INDEX service_requests_phone ON service_requests (contact_phone_index);
CREATE INDEX service_requests_member ON service_requests (member_id);
CREATE INDEX service_requests_resolved ON service_requests (resolved_at) WHERE rating IS NULL;

-- Every change, note and reply: kind status (from → to), escalated, reassigned, transferred,
-- note (internal, never shown to the worker), reply (shown to the worker), rated.
CREATE TABLE request_events (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  request_id BIGINT NOT NULL REFERENCES service_requests (id),
  at BIGINT NOT NULL,
  actor_id BIGINT,                       -- NULL: the worker (no account) or the server
  kind TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  org_id BIGINT,                         -- the org concerned (escalated to, reassigned to)
  internal INTEGER NOT NULL DEFAULT 0,
  body TEXT
);
CREATE INDEX request_events_request ON request_events (request_id, id);

-- 回访: a follow-up visit owed by the org that resolved the request, opened by a rating of 1–2
-- or by no rating within 7 days.
CREATE TABLE request_follow_ups (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  request_id BIGINT NOT NULL REFERENCES service_requests (id),
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  reason TEXT NOT NULL,                  -- low_rating, no_rating
  created_at BIGINT NOT NULL,
  done_at BIGINT,
  done_by BIGINT,
  note TEXT
);
CREATE UNIQUE INDEX request_follow_ups_request ON request_follow_ups (request_id);
CREATE INDEX request_follow_ups_open ON request_follow_ups (org_path, id) WHERE done_at IS NULL;

-- Notifications wait here until a notifier has sent them (app/notify): a sender that is down
-- loses nothing, the message is retried with backoff.
CREATE TABLE outbox (
  id BIGINT NOT NULL PRIMARY KEY,
  channel TEXT NOT NULL,                 -- log, smtp
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT,
  last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Working-day calendars loaded by an administrator (the text form of core/calendar); years
-- without a row use the shipped calendars.
CREATE TABLE work_calendar_years (
  year INTEGER NOT NULL PRIMARY KEY,
  source TEXT NOT NULL,
  loaded_by BIGINT,
  loaded_at BIGINT NOT NULL
);

-- The service dashboard's figures: per org (for its whole subtree, like coverage_rollups),
-- per week of submission (the local Monday) and category, changed by deltas in the same
-- transaction as the request change (app/requests/request_stats.h). resolved_* count
-- resolutions by calendar days from submission (≤1, ≤3, ≤7, ≤15, ≤30, later), from which the
-- dashboard reads the median's range. A dashboard reads a few rows per week shown, however
-- many requests there are.
CREATE TABLE request_stats (
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  week TEXT NOT NULL,
  category_code TEXT NOT NULL,
  federation_id BIGINT NOT NULL,
  submitted BIGINT NOT NULL DEFAULT 0,
  urgent BIGINT NOT NULL DEFAULT 0,
  accepted BIGINT NOT NULL DEFAULT 0,
  accepted_on_time BIGINT NOT NULL DEFAULT 0,
  resolved BIGINT NOT NULL DEFAULT 0,
  resolved_on_time BIGINT NOT NULL DEFAULT 0,
  escalated BIGINT NOT NULL DEFAULT 0,
  rated BIGINT NOT NULL DEFAULT 0,
  rating_sum BIGINT NOT NULL DEFAULT 0,
  low_ratings BIGINT NOT NULL DEFAULT 0,
  reopened BIGINT NOT NULL DEFAULT 0,
  resolved_1d BIGINT NOT NULL DEFAULT 0,
  resolved_3d BIGINT NOT NULL DEFAULT 0,
  resolved_7d BIGINT NOT NULL DEFAULT 0,
  resolved_15d BIGINT NOT NULL DEFAULT 0,
  resolved_30d BIGINT NOT NULL DEFAULT 0,
  resolved_later BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, week, category_code)
);

-- 有效覆盖: members served in the last 12 months. A member whose request is resolved is marked
-- served until a year later; the first mark (or a new one after expiry) adds 1 to
-- coverage_rollups.served_12m of every org on the member's union path at that time
-- (counted_path), and the expiry job subtracts it along the same path, so each org's figure
-- stays the number of distinct members served in its subtree.
CREATE TABLE member_served_marks (
  member_id BIGINT NOT NULL PRIMARY KEY REFERENCES members (id),
  federation_id BIGINT NOT NULL,
  counted_path TEXT NOT NULL,
  served_until BIGINT NOT NULL
);
CREATE INDEX member_served_marks_until ON member_served_marks (served_until);

-- Activities and their registrations (文体活动, 普惠服务; issue 22 slice 2; docs/design/
-- activities.md "Tables"). One text for both stores. Instants are Unix ms. The activity's row is
-- the lock of its seats and its counters the truth: seats_taken (seated + offered rows),
-- waitlisted (waitlisted rows) and queue_next (the last waitlist position handed out) change only
-- in the transaction that changes the registrations (store/activities.cpp). Check-ins and
-- spending are a later slice.
CREATE TABLE activities (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- culture, sport, outing, service, lecture
  title TEXT NOT NULL,
  place TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  capacity INTEGER NOT NULL,
  waitlist_max INTEGER,                  -- NULL: no limit; 0: no waitlist
  cancel_cutoff_hours INTEGER NOT NULL,
  confirm_hours INTEGER NOT NULL,
  walk_ins INTEGER NOT NULL,
  fee_fen BIGINT NOT NULL,
  audience TEXT NOT NULL,                -- subtree (the org's), orgs (activity_audience)
  spend_planned_fen BIGINT NOT NULL,
  prizes_planned INTEGER NOT NULL,
  status TEXT NOT NULL,                  -- draft, open, closed, done, cancelled
  seats_taken INTEGER NOT NULL,
  waitlisted INTEGER NOT NULL,
  queue_next BIGINT NOT NULL,
  checked_in INTEGER NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX activities_org_path ON activities (org_path, id);
CREATE INDEX activities_status ON activities (status, starts_at);

-- audience = orgs: the chosen orgs, each with its subtree (core/activities/audience.h).
CREATE TABLE activity_audience (
  activity_id BIGINT NOT NULL REFERENCES activities (id),
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  PRIMARY KEY (activity_id, org_id)
);

-- One row per member and activity (a cancelled or lapsed one is reused when the member registers
-- again). position: the waitlist order (NULL for a seat taken outright); confirm_by: an offer's
-- deadline. The unique key is the last guard against one member registered twice.
CREATE TABLE activity_registrations (
  id BIGINT NOT NULL PRIMARY KEY,
  activity_id BIGINT NOT NULL REFERENCES activities (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  federation_id BIGINT NOT NULL,
  state TEXT NOT NULL,                   -- seated, waitlisted, offered, cancelled, lapsed
  position BIGINT,
  confirm_by BIGINT,
  registered_at BIGINT NOT NULL,
  changed_at BIGINT NOT NULL,
  cancelled_by BIGINT,
  UNIQUE (activity_id, member_id)
);
CREATE INDEX activity_registrations_queue ON activity_registrations (activity_id, state, position);
CREATE INDEX activity_registrations_sweep ON activity_registrations (state, confirm_by);
CREATE INDEX activity_registrations_member ON activity_registrations (member_id, id);

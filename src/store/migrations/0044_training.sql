-- Training (issue 22; docs/design/activities.md "Tables" 0040 training, "Rules in app/"
-- Training): courses, their classes (one class = one intake, with the seat rules and counters of
-- activities: the class row is the lock of its seats), the class's sessions, enrolments (the
-- shape of activity_registrations), check-ins per session (as activity_check_ins: one per scan
-- id and one per member), and assessments. A pass issues a 'training' certificate (0036's
-- table) whose expiry and reminder are the two columns added at the end. One text for both
-- stores; instants are Unix ms.
CREATE TABLE courses (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- cadre, skills, craftsman
  title TEXT NOT NULL,
  trade TEXT,
  level_awarded INTEGER,                 -- 1..5 (core/talent/skill_level.h): the talent pool's hook
  certificate_valid_months INTEGER NOT NULL, -- 0: the certificate never expires
  remind_days_before INTEGER NOT NULL,
  min_attendance_percent INTEGER NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX courses_org_path ON courses (org_path, id);

CREATE TABLE classes (
  id BIGINT NOT NULL PRIMARY KEY,
  course_id BIGINT NOT NULL REFERENCES courses (id),
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
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
  status TEXT NOT NULL,                  -- open, closed
  seats_taken INTEGER NOT NULL,
  waitlisted INTEGER NOT NULL,
  queue_next BIGINT NOT NULL,
  sessions INTEGER NOT NULL,             -- the number of class_sessions rows
  created_at BIGINT NOT NULL
);
CREATE INDEX classes_course ON classes (course_id, id);
CREATE INDEX classes_org_path ON classes (org_path, id);

CREATE TABLE class_sessions (
  id BIGINT NOT NULL PRIMARY KEY,
  class_id BIGINT NOT NULL REFERENCES classes (id),
  federation_id BIGINT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  place TEXT NOT NULL,
  checked_in INTEGER NOT NULL
);
CREATE INDEX class_sessions_class ON class_sessions (class_id, starts_at);

CREATE TABLE class_enrolments (
  id BIGINT NOT NULL PRIMARY KEY,
  class_id BIGINT NOT NULL REFERENCES classes (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  federation_id BIGINT NOT NULL,
  state TEXT NOT NULL,                   -- seated, waitlisted, offered, cancelled, lapsed
  position BIGINT,
  confirm_by BIGINT,
  registered_at BIGINT NOT NULL,
  changed_at BIGINT NOT NULL,
  cancelled_by BIGINT,
  UNIQUE (class_id, member_id)
);
CREATE INDEX class_enrolments_queue ON class_enrolments (class_id, state, position);
CREATE INDEX class_enrolments_member ON class_enrolments (member_id, id);

CREATE TABLE session_check_ins (
  session_id BIGINT NOT NULL REFERENCES class_sessions (id),
  scan_id TEXT NOT NULL,
  class_id BIGINT NOT NULL REFERENCES classes (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  federation_id BIGINT NOT NULL,
  scanned_at BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL,
  recorded_by BIGINT,
  PRIMARY KEY (session_id, scan_id),
  UNIQUE (session_id, member_id)
);
CREATE INDEX session_check_ins_attendance ON session_check_ins (class_id, member_id);

-- One result per member and class; certificate_id: the certificate a pass issued.
CREATE TABLE assessments (
  id BIGINT NOT NULL PRIMARY KEY,
  class_id BIGINT NOT NULL REFERENCES classes (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  federation_id BIGINT NOT NULL,
  result TEXT NOT NULL,                  -- pass, fail, absent
  score INTEGER,                         -- 0..100
  attended INTEGER NOT NULL,             -- sessions attended when assessed
  certificate_id BIGINT,
  assessed_by BIGINT,
  assessed_at BIGINT NOT NULL,
  UNIQUE (class_id, member_id)
);

-- A training certificate lapses at expires_at (the start of ExpiresOn's day, Beijing); the daily
-- job reminds its holder once and sets reminded_at. Competitions' certificates leave both NULL.
ALTER TABLE certificates ADD COLUMN expires_at BIGINT;
ALTER TABLE certificates ADD COLUMN reminded_at BIGINT;
CREATE INDEX certificates_expiry ON certificates (expires_at, id);

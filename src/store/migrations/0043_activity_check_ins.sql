-- Check-in at activities by the member card's QR and the reach of activities (issue 22;
-- docs/design/activities.md "Offline check-in replay" and "Reach"). One text for both stores.
--
-- A check-in: one per member and activity, and one per scan id (the id the cadre's phone made
-- for the scan, so a batch sent twice after a lost answer is recognised and never counted
-- twice). scanned_at is the phone's clock when scanned (kept while offline), recorded_at the
-- server's when the batch arrived. activities.checked_in (0039) counts the rows.
CREATE TABLE activity_check_ins (
  activity_id BIGINT NOT NULL REFERENCES activities (id),
  scan_id TEXT NOT NULL,
  member_id BIGINT NOT NULL REFERENCES members (id),
  federation_id BIGINT NOT NULL,
  scanned_at BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL,
  recorded_by BIGINT,
  PRIMARY KEY (activity_id, scan_id),
  UNIQUE (activity_id, member_id)
);
CREATE INDEX activity_check_ins_recorded ON activity_check_ins (activity_id, recorded_at);

-- Reach: members an activity reached (checked in) in the last 12 months, as member_served_marks
-- (0007) for 有效覆盖: the first mark (or a new one after expiry) adds 1 to
-- coverage_rollups.reached_12m of every org on the member's union path (counted_path), the
-- expiry job subtracts it along the same path. Not reached = members - reached_12m per org.
CREATE TABLE member_reached_marks (
  member_id BIGINT NOT NULL PRIMARY KEY REFERENCES members (id),
  federation_id BIGINT NOT NULL,
  counted_path TEXT NOT NULL,
  reached_until BIGINT NOT NULL
);
CREATE INDEX member_reached_marks_until ON member_reached_marks (reached_until);

ALTER TABLE coverage_rollups ADD COLUMN reached_12m BIGINT NOT NULL DEFAULT 0;

-- Request handling (issue 18).
-- Whether each milestone was reached within the deadline in force at that moment (1, 0; NULL
-- while not reached): an escalation, a transfer or a reopening gives the request fresh deadlines,
-- so the old verdict cannot be read from them later. The request's page shows it, and a transfer
-- moves the on-time acceptance it counted on the dashboards. Rows from before are judged against
-- their present deadlines, the best that is known of them.
ALTER TABLE service_requests ADD COLUMN accept_met INTEGER;
ALTER TABLE service_requests ADD COLUMN contact_met INTEGER;
ALTER TABLE service_requests ADD COLUMN resolve_met INTEGER;
UPDATE service_requests SET
  accept_met = CASE WHEN accepted_at IS NULL THEN NULL WHEN accepted_at <= accept_by THEN 1 ELSE 0 END,
  contact_met = CASE WHEN contacted_at IS NULL THEN NULL WHEN contacted_at <= contact_by THEN 1 ELSE 0 END,
  resolve_met = CASE WHEN resolved_at IS NULL THEN NULL WHEN resolved_at <= resolve_by THEN 1 ELSE 0 END;

-- The queue's search by the caller's name, exact, inside the searcher's subtree (the subtree is
-- checked on the index entry, as members_name does).
CREATE INDEX service_requests_contact_name ON service_requests (contact_name, home_path, id);
-- The count on the queue's "new" tab: the requests waiting for acceptance under a subtree, read
-- from this index alone (they are accepted within a working day, so it stays small).
CREATE INDEX service_requests_submitted ON service_requests (home_path) WHERE status = 'submitted';

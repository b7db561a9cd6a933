-- Members reached online (issue 19): active members with a worker account bound to them, kept
-- per org for its whole subtree in coverage_rollups like the other coverage figures, so the
-- coverage page reads one row per org shown instead of counting the subtree's members on every
-- request. The use cases that bind or unbind an account, change a member's status, approve a
-- transfer or move an org add their deltas in the same transaction (app/coverage/online.h).
ALTER TABLE coverage_rollups ADD COLUMN members_online BIGINT NOT NULL DEFAULT 0;

-- Backfill: one indexed range count per org over members.org_path (the subtree of path P is
-- [P, P without its last '/' + '0'), as OrgPath::SubtreeHigh).
UPDATE coverage_rollups SET members_online = (
  SELECT COUNT(*) FROM orgs o JOIN members m
    ON m.org_path >= o.path AND m.org_path < substr(o.path, 1, length(o.path) - 1) || '0'
  JOIN worker_accounts w ON w.member_id = m.id
  WHERE o.id = coverage_rollups.org_id AND m.status = 'active');

-- A transfer the worker asked for on My membership (changing jobs): the same pending transfer
-- as one the sending union asks for (requested_side 'from', decided by the receiving union as
-- today), with the worker account that asked (requested_by is then 0: no staff user) and the
-- new employer the worker named. NULL for transfers staff asked for.
ALTER TABLE member_transfers ADD COLUMN requested_by_worker BIGINT;
ALTER TABLE member_transfers ADD COLUMN new_employer TEXT;

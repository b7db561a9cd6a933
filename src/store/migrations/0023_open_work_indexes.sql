-- Partial indexes for the workbench's "transfers to decide" and "imports running" (issue 18):
-- the path indexes of 0006 hold every transfer and import a subtree ever had, so counting the
-- open ones read the years of closed ones too. These hold only the open rows, so the cards cost
-- what is open, however long the history behind it.
CREATE INDEX member_transfers_pending_from ON member_transfers (from_path, id)
  WHERE state = 'pending';
CREATE INDEX member_transfers_pending_to ON member_transfers (to_path, id)
  WHERE state = 'pending';
CREATE INDEX member_imports_running ON member_imports (org_path)
  WHERE status = 'running';

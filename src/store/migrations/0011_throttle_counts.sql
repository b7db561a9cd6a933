-- Throttled attempts, counted per window instead of one audit entry each: the audit log stays
-- append-only and gets one entry when a (action, subject) pair first trips its limit in a
-- window; every further refused attempt of that window only adds one here. A subject is
-- "name:<user name>" or "address:<remote address>", both bounded where they enter.

CREATE TABLE throttle_counts (
  action TEXT NOT NULL,          -- what was throttled: session.login, ...
  subject TEXT NOT NULL,         -- name:<user name> or address:<remote address>
  window_start BIGINT NOT NULL,  -- Unix ms, the start of the fixed window
  attempts BIGINT NOT NULL,      -- refused attempts in the window
  first_at BIGINT NOT NULL,      -- Unix ms of the first and the last of them
  last_at BIGINT NOT NULL,
  PRIMARY KEY (action, subject, window_start)
);
CREATE INDEX throttle_counts_window ON throttle_counts (window_start);

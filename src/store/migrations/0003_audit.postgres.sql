-- The audit log: who did what to which record, from where, with what outcome. Append-only:
-- the program has no statement that changes or removes an entry, and triggers refuse to.

CREATE TABLE audit_log (
  id BIGINT NOT NULL PRIMARY KEY,        -- app::NewId, time-ordered
  federation_id BIGINT NOT NULL,         -- shard key: the actor's federation, 0 for the system
  at BIGINT NOT NULL,                    -- Unix ms
  actor_user_id BIGINT,                  -- NULL for the system or an unknown login name
  actor_username TEXT NOT NULL,
  actor_org_path TEXT NOT NULL,          -- the subtree the entry belongs to ("" for the system)
  remote_addr TEXT NOT NULL,
  action TEXT NOT NULL,                  -- session.login, personal_data.reveal, keys.rotate, ...
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  outcome TEXT NOT NULL,                 -- ok, denied, failed
  detail TEXT NOT NULL                   -- a JSON object; never secrets
);
CREATE INDEX audit_log_org_path ON audit_log (actor_org_path, id);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_username ON audit_log (actor_username, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit log is append-only' USING ERRCODE = 'raise_exception';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
-- TRUNCATE bypasses row triggers; refuse it as well.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

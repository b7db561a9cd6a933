-- Accounts: users are listed per org subtree (joined through org_id) and searched by display
-- name prefix; sessions are ended per user (sessions_user exists since 0001).
CREATE INDEX users_org ON users (org_id);
CREATE INDEX users_display_name ON users (display_name);

-- The worker's notifications inbox (issue 19): what happened to the worker's own things, e.g. a
-- request accepted or answered. An entry is a kind and its parameters (a JSON object), never a
-- sentence in one language: the portal renders it through i18n in the reader's locale, and
-- later modules add kinds (activity reminders, aid decisions) without a migration. subject_id
-- names what it is about (a service request's id for the request kinds). Entries belong to an
-- account, not to an org: they carry no path and do not move with the tree.
CREATE TABLE worker_notifications (
  id BIGINT NOT NULL PRIMARY KEY,
  worker_id BIGINT NOT NULL REFERENCES worker_accounts (id),
  kind TEXT NOT NULL,
  params TEXT NOT NULL,
  subject_id BIGINT,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
-- The inbox, newest first, a page at a time.
CREATE INDEX worker_notifications_worker ON worker_notifications (worker_id, id);
-- The unread count in the portal's navigation, on every page: unread entries are few.
CREATE INDEX worker_notifications_unread ON worker_notifications (worker_id)
  WHERE read_at IS NULL;

-- SQLite only (0009_rowid_keys.sqlite.sql: its tables keyed by id become rowid tables). A
-- PostgreSQL table is a heap with its primary key in a separate index either way: nothing to do.
SELECT 1;

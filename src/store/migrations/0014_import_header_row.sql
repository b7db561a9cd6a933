-- Which row of the file a roster import took as its header (issue 17): templates put a title
-- row (and blank or note rows) above it, so it is found among the first rows rather than
-- assumed to be row 1, and the run says which one it took. Runs before this knew only row 1.
ALTER TABLE member_imports ADD COLUMN header_row BIGINT NOT NULL DEFAULT 1;

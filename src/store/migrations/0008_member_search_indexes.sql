-- Member search within a subtree (issue 8): the subtree's org_path joins the name, pinyin and
-- initials indexes, so the scope is checked on the index entry and only members inside the
-- caller's district or street are read from the table (the searches are written so that these
-- indexes drive them: store/members.cpp). With (name_initials, id) every member of the city
-- whose initials matched was read to test its path, and SQLite preferred scanning the whole
-- district by org_path: 17 ms for "zxl" in a district at 1,000,000 members, growing with it.
DROP INDEX members_name;
CREATE INDEX members_name ON members (name, org_path, id);
DROP INDEX members_pinyin;
CREATE INDEX members_pinyin ON members (name_pinyin, org_path, id);
DROP INDEX members_initials;
CREATE INDEX members_initials ON members (name_initials, org_path, id);

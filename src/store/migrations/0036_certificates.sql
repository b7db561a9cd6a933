-- Certificates with a verification code (issue 21 slice 4; issue 22's training certificates will
-- use the same table with another kind). One text for both stores.
--
-- A competition issues certificates at publication to the entries ranked ≤ certificate_ranks in
-- their group (0: none). A certificate carries no personal data in clear: a member holder is
-- named by member_id (the PDF reads the name from the registry when the holder downloads it) and
-- by a masked copy (张*明) that the public verify page shows; a team or an enterprise by its name.
-- The code is 12 characters of an unambiguous alphabet (core/certificates/code.h), unique.
-- org_path/org_id are the issuing org's (the competition's): the organiser sees them there.
ALTER TABLE competitions ADD COLUMN certificate_ranks INTEGER NOT NULL DEFAULT 0;

-- Eligibility rules of an individual group as data (core/competitions/entrants.h), JSON
-- [{criterion, value, trades}], checked when a worker enrols from My account.
ALTER TABLE comp_groups ADD COLUMN eligibility_json TEXT NOT NULL DEFAULT '[]';

CREATE TABLE certificates (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- competition (training: issue 22)
  source_id BIGINT NOT NULL,             -- competition: comp_entries.id
  member_id BIGINT REFERENCES members (id),
  holder_kind TEXT NOT NULL,             -- member, team, enterprise
  holder_name TEXT,                      -- a team's or an enterprise's name; NULL for a member
  holder_masked TEXT NOT NULL,
  title TEXT NOT NULL,                   -- what it is for: the competition's title
  award TEXT NOT NULL,                   -- the group's name
  place INTEGER,                         -- the rank in the group
  code TEXT NOT NULL UNIQUE,
  issued_at BIGINT NOT NULL,
  revoked_at BIGINT,
  revoked_reason TEXT
);
CREATE INDEX certificates_member ON certificates (member_id, id);
CREATE INDEX certificates_source ON certificates (kind, source_id);
CREATE INDEX certificates_org_path ON certificates (org_path, id);

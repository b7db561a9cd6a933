-- The talent pool (高技能人才) and innovation studios (工作室) (issue 22; docs/design/activities.md
-- "As built (talent pool — migration 0045)"). One text for both stores.
--
-- A member's entry: trade and skill level 1..5 (core/talent/skill_level.h, 初级工 … 高级技师), since
-- when and from what (a cadre's word, the registry, a training certificate, a competition). Its
-- org_path is the member's union path (store/org_paths.h): a transfer moves it with the member
-- (app/members/transfer_service), an org move with the subtree.
CREATE TABLE talent_entries (
  member_id BIGINT NOT NULL PRIMARY KEY REFERENCES members (id),
  federation_id BIGINT NOT NULL,
  org_path TEXT NOT NULL,
  trade TEXT NOT NULL,
  skill_level INTEGER NOT NULL CHECK (skill_level BETWEEN 1 AND 5),
  level_since TEXT NOT NULL,             -- YYYY-MM-DD
  level_source TEXT NOT NULL CHECK (level_source IN ('certificate', 'registry', 'cadre',
                                                     'competition')),
  source_id BIGINT,                      -- the certificate for 'certificate'
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);
-- The search: a trade within a subtree (one range of org_path), level ≥ n, a page in the order
-- of (org_path, member_id) from the last one shown. That is this index's order, so a page reads
-- its rows and the ones the level filter skips (read from the index too), never the subtree's
-- whole trade: its cost stays flat as the pool grows. With no trade, the path's index.
CREATE INDEX talent_entries_trade ON talent_entries (trade, org_path, member_id, skill_level);
CREATE INDEX talent_entries_path ON talent_entries (org_path, member_id, skill_level);

-- Titles typed by a cadre (北京大工匠, 劳动模范, …). Honours awarded (nominations) and competition
-- certificates are read from their own tables when a card is shown, not copied here (one truth:
-- a revoked certificate drops out by itself); source nomination|competition is kept for titles
-- imported with their source. The federation follows the member.
CREATE TABLE talent_titles (
  id BIGINT NOT NULL PRIMARY KEY,
  member_id BIGINT NOT NULL REFERENCES members (id),
  federation_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('craftsman', 'model_worker', 'honour')),
  title TEXT NOT NULL,
  year INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('nomination', 'competition', 'typed')),
  source_id BIGINT,
  added_by BIGINT,
  added_at BIGINT NOT NULL
);
CREATE INDEX talent_titles_member ON talent_titles (member_id, id);

-- An innovation studio (创新工作室) of an org, led by a member; funded `funding_amount_fen` a year
-- for `funding_years` years from `funding_first_year` (core StudioFunding; 北京大工匠: ¥100,000 a
-- year for 3 years), each year's payment recorded in studio_funding.
CREATE TABLE studios (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  name TEXT NOT NULL,
  lead_member_id BIGINT NOT NULL REFERENCES members (id),
  trade TEXT NOT NULL,
  founded_year INTEGER NOT NULL,
  funding_first_year INTEGER,
  funding_years INTEGER NOT NULL,
  funding_amount_fen BIGINT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX studios_org_path ON studios (org_path, id);
CREATE INDEX studios_lead ON studios (lead_member_id);

CREATE TABLE studio_funding (
  studio_id BIGINT NOT NULL REFERENCES studios (id),
  year INTEGER NOT NULL,
  funding_year INTEGER NOT NULL,         -- 1..funding_years
  amount_fen BIGINT NOT NULL,
  recorded_by BIGINT,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (studio_id, year)
);

-- Labour and skills competitions (劳动竞赛, issue 21 slice 2; docs/design/competitions.md). One
-- text for both stores. Marks in integer centi-points, totals and results in integer e4
-- (core/competitions/scoring.h). The phases are two dates on the competition (YYYY-MM-DD):
-- enrolment ends on enrol_ends_on (the list is frozen then, or earlier by the organiser), scoring
-- on scoring_ends_on. status: enrolment → listed (the frozen 参赛名录) → published.
CREATE TABLE competitions (
  id BIGINT NOT NULL PRIMARY KEY,
  federation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  org_path TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- labour, skills, knowledge
  title TEXT NOT NULL,
  method TEXT NOT NULL,                  -- mean, trimmed_mean, z_score
  tie_break TEXT NOT NULL,               -- share, indicators_in_order
  blind INTEGER NOT NULL,
  status TEXT NOT NULL,
  enrol_ends_on TEXT,
  scoring_ends_on TEXT,
  listed_at BIGINT,
  published_at BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX competitions_org_path ON competitions (org_path, id);

-- A group (组别) with its own indicator sheet (JSON: [{code, name, max_centi, weight}]) and the
-- kind of entrant it takes.
CREATE TABLE comp_groups (
  id BIGINT NOT NULL PRIMARY KEY,
  competition_id BIGINT NOT NULL REFERENCES competitions (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  entrant_kind TEXT NOT NULL,            -- enterprise, team, individual
  sheet_json TEXT NOT NULL,
  UNIQUE (competition_id, code)
);

-- The veto items (一票否决) an entry can be put out by.
CREATE TABLE comp_veto_items (
  competition_id BIGINT NOT NULL REFERENCES competitions (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (competition_id, code)
);

-- An entry: an enterprise, a team of an enterprise (with its members) or an individual member.
-- org_path is the entrant's org (the enterprise's, the member's union), inside the competition's
-- subtree. number is given per group when the list is frozen (enrolled → listed).
CREATE TABLE comp_entries (
  id BIGINT NOT NULL PRIMARY KEY,
  competition_id BIGINT NOT NULL REFERENCES competitions (id),
  group_id BIGINT NOT NULL REFERENCES comp_groups (id),
  number INTEGER,
  entrant_kind TEXT NOT NULL,
  enterprise_id BIGINT REFERENCES enterprises (id),
  member_id BIGINT REFERENCES members (id),
  team_name TEXT,
  federation_id BIGINT NOT NULL,
  org_path TEXT NOT NULL,
  status TEXT NOT NULL,                  -- enrolled, listed, withdrawn
  enrolled_by BIGINT,
  enrolled_via TEXT NOT NULL,            -- cadre, worker
  veto_code TEXT,
  veto_note TEXT,
  veto_by BIGINT,
  veto_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX comp_entries_competition ON comp_entries (competition_id, group_id, id);
CREATE INDEX comp_entries_org_path ON comp_entries (org_path, id);

CREATE TABLE comp_team_members (
  entry_id BIGINT NOT NULL REFERENCES comp_entries (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  PRIMARY KEY (entry_id, member_id)
);

-- A judge: a user, with the employer (and member record) the conflict-of-interest rule looks at.
CREATE TABLE comp_judges (
  id BIGINT NOT NULL PRIMARY KEY,
  competition_id BIGINT NOT NULL REFERENCES competitions (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  enterprise_id BIGINT REFERENCES enterprises (id),
  member_id BIGINT REFERENCES members (id),
  added_by BIGINT,
  added_at BIGINT NOT NULL,
  UNIQUE (competition_id, user_id)
);
CREATE INDEX comp_judges_user ON comp_judges (user_id);

CREATE TABLE comp_assignments (
  judge_id BIGINT NOT NULL REFERENCES comp_judges (id),
  group_id BIGINT NOT NULL REFERENCES comp_groups (id),
  PRIMARY KEY (judge_id, group_id)
);

-- A judge's marks of an entry (JSON {code: centi}) and their weighted total; revised in place
-- (every revision audited with the old total).
CREATE TABLE comp_scores (
  entry_id BIGINT NOT NULL REFERENCES comp_entries (id),
  judge_id BIGINT NOT NULL REFERENCES comp_judges (id),
  marks_json TEXT NOT NULL,
  total_e4 BIGINT NOT NULL,
  submitted_at BIGINT NOT NULL,
  revised_at BIGINT,
  PRIMARY KEY (entry_id, judge_id)
);

-- Written at publication in one transaction, read by the ranking. rank_group/rank_overall are
-- NULL for an entry vetoed or not scored (it has no row then) — only ranked entries have rows.
CREATE TABLE comp_results (
  entry_id BIGINT NOT NULL PRIMARY KEY REFERENCES comp_entries (id),
  competition_id BIGINT NOT NULL REFERENCES competitions (id),
  method TEXT NOT NULL,
  result_e4 BIGINT NOT NULL,
  raw_mean_e4 BIGINT NOT NULL,
  judges INTEGER NOT NULL,
  rank_group INTEGER NOT NULL,
  rank_overall INTEGER NOT NULL,
  computed_at BIGINT NOT NULL
);
CREATE INDEX comp_results_rank ON comp_results (competition_id, rank_overall, entry_id);

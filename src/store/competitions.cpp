#include "store/competitions.h"

#include "store/multi_row_insert.h"

namespace zj::store {

namespace {

#define ZJ_COMP_COLUMNS                                                                 \
  "id, federation_id, org_id, org_path, kind, title, method, tie_break, blind, status," \
  " enrol_ends_on, scoring_ends_on, listed_at, published_at, created_by, created_at,"   \
  " updated_at, certificate_ranks"
#define ZJ_ENTRY_COLUMNS                                                                     \
  "id, competition_id, group_id, number, entrant_kind, enterprise_id, member_id, team_name," \
  " federation_id, org_path, status, enrolled_by, enrolled_via, veto_code, veto_note,"       \
  " veto_by, veto_at, created_at"

constexpr Sql kInsert{"competitions.insert",
                      "INSERT INTO competitions (" ZJ_COMP_COLUMNS
                      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
                      " $15, $16, $17, $18)"};
constexpr Sql kFind{"competitions.find",
                    "SELECT " ZJ_COMP_COLUMNS " FROM competitions WHERE id = $1"};
constexpr Sql kList{"competitions.list",
                    "SELECT " ZJ_COMP_COLUMNS
                    " FROM competitions"
                    " WHERE org_path >= $1 AND org_path < $2"
                    " AND (CAST($3 AS BIGINT) = 0 OR id < $3) ORDER BY id DESC LIMIT $4"};
constexpr Sql kMove{"competitions.move",
                    "UPDATE competitions SET status = $2, listed_at = $3, published_at = $4,"
                    " updated_at = $5 WHERE id = $1 AND status = $6"};

constexpr Sql kInsertGroup{"comp_groups.insert",
                           "INSERT INTO comp_groups (id, competition_id, code, name,"
                           " entrant_kind, sheet_json, eligibility_json)"
                           " VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Sql kGroups{"comp_groups.of",
                      "SELECT id, competition_id, code, name, entrant_kind, sheet_json,"
                      " eligibility_json FROM comp_groups WHERE competition_id = $1 ORDER BY code"};
constexpr Sql kInsertVeto{"comp_veto_items.insert",
                          "INSERT INTO comp_veto_items (competition_id, code, name)"
                          " VALUES ($1, $2, $3)"};
constexpr Sql kVetoItems{"comp_veto_items.of",
                         "SELECT competition_id, code, name FROM comp_veto_items"
                         " WHERE competition_id = $1 ORDER BY code"};

constexpr Sql kInsertEntry{"comp_entries.insert",
                           "INSERT INTO comp_entries (" ZJ_ENTRY_COLUMNS
                           ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
                           " $14, $15, $16, $17, $18)"};
constexpr Sql kFindEntry{"comp_entries.find",
                         "SELECT " ZJ_ENTRY_COLUMNS " FROM comp_entries WHERE id = $1"};
constexpr Sql kEntries{"comp_entries.of", "SELECT " ZJ_ENTRY_COLUMNS
                                          " FROM comp_entries WHERE competition_id = $1"
                                          " ORDER BY group_id, id LIMIT 100000"};
constexpr Sql kEnrolled{"comp_entries.enrolled",
                        "SELECT id FROM comp_entries WHERE competition_id = $1"
                        " AND entrant_kind = $2 AND status <> 'withdrawn'"
                        " AND COALESCE(enterprise_id, 0) = $3 AND COALESCE(member_id, 0) = $4"
                        " AND COALESCE(team_name, '') = $5"};
constexpr Sql kListEntry{"comp_entries.list",
                         "UPDATE comp_entries SET status = 'listed', number = $2"
                         " WHERE id = $1 AND status = 'enrolled'"};
constexpr Sql kVetoEntry{"comp_entries.veto",
                         "UPDATE comp_entries SET veto_code = $2, veto_note = $3, veto_by = $4,"
                         " veto_at = $5 WHERE id = $1"};
constexpr Sql kInsertMember{"comp_team_members.insert",
                            "INSERT INTO comp_team_members (entry_id, member_id) VALUES ($1, $2)"};
constexpr Sql kMembers{"comp_team_members.of",
                       "SELECT member_id FROM comp_team_members WHERE entry_id = $1"
                       " ORDER BY member_id"};

constexpr Sql kInsertJudge{"comp_judges.insert",
                           "INSERT INTO comp_judges (id, competition_id, user_id, enterprise_id,"
                           " member_id, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Sql kJudges{"comp_judges.of",
                      "SELECT id, competition_id, user_id, enterprise_id, member_id, added_by,"
                      " added_at FROM comp_judges WHERE competition_id = $1 ORDER BY id"};
constexpr Sql kFindJudge{"comp_judges.find",
                         "SELECT id, competition_id, user_id, enterprise_id, member_id, added_by,"
                         " added_at FROM comp_judges WHERE competition_id = $1 AND user_id = $2"};
constexpr Sql kJudgeRowsOfUser{"comp_judges.of_user",
                               "SELECT id, competition_id, user_id, enterprise_id, member_id,"
                               " added_by, added_at FROM comp_judges WHERE user_id = $1"
                               " ORDER BY competition_id DESC LIMIT 200"};
constexpr Sql kInsertAssignment{"comp_assignments.insert",
                                "INSERT INTO comp_assignments (judge_id, group_id)"
                                " VALUES ($1, $2)"};
constexpr Sql kJudgeGroups{"comp_assignments.of_judge",
                           "SELECT group_id FROM comp_assignments WHERE judge_id = $1"
                           " ORDER BY group_id"};

constexpr Sql kFindScore{"comp_scores.find",
                         "SELECT entry_id, judge_id, marks_json, total_e4, submitted_at,"
                         " revised_at FROM comp_scores WHERE entry_id = $1 AND judge_id = $2"};
constexpr Sql kInsertScore{"comp_scores.insert",
                           "INSERT INTO comp_scores (entry_id, judge_id, marks_json, total_e4,"
                           " submitted_at, revised_at) VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Sql kUpdateScore{"comp_scores.update",
                           "UPDATE comp_scores SET marks_json = $3, total_e4 = $4,"
                           " revised_at = $6 WHERE entry_id = $1 AND judge_id = $2"
                           " AND submitted_at = $5"};
constexpr Sql kScores{"comp_scores.of",
                      "SELECT s.entry_id, s.judge_id, s.marks_json, s.total_e4, s.submitted_at,"
                      " s.revised_at FROM comp_scores s JOIN comp_entries e ON e.id = s.entry_id"
                      " WHERE e.competition_id = $1 ORDER BY s.entry_id, s.judge_id"};

constexpr Sql kResults{"comp_results.of",
                       "SELECT entry_id, competition_id, method, result_e4, raw_mean_e4, judges,"
                       " rank_group, rank_overall, computed_at FROM comp_results"
                       " WHERE competition_id = $1 ORDER BY rank_overall, entry_id"};

#undef ZJ_COMP_COLUMNS
#undef ZJ_ENTRY_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

CompetitionRow CompetitionFromRow(const RowView& r) {
  CompetitionRow c;
  c.id = r.Int(0);
  c.federation_id = r.Int(1);
  c.org_id = r.Int(2);
  c.org_path = r.Text(3);
  c.kind = r.Text(4);
  c.title = r.Text(5);
  c.method = r.Text(6);
  c.tie_break = r.Text(7);
  c.blind = r.Int(8) != 0;
  c.status = r.Text(9);
  c.enrol_ends_on = r.OptText(10);
  c.scoring_ends_on = r.OptText(11);
  c.listed_at = r.OptInt(12);
  c.published_at = r.OptInt(13);
  c.created_by = r.OptInt(14);
  c.created_at = r.Int(15);
  c.updated_at = r.Int(16);
  c.certificate_ranks = static_cast<int>(r.Int(17));
  return c;
}

CompEntryRow EntryFromRow(const RowView& r) {
  CompEntryRow e;
  e.id = r.Int(0);
  e.competition_id = r.Int(1);
  e.group_id = r.Int(2);
  e.number = r.OptInt(3);
  e.entrant_kind = r.Text(4);
  e.enterprise_id = r.OptInt(5);
  e.member_id = r.OptInt(6);
  e.team_name = r.OptText(7);
  e.federation_id = r.Int(8);
  e.org_path = r.Text(9);
  e.status = r.Text(10);
  e.enrolled_by = r.OptInt(11);
  e.enrolled_via = r.Text(12);
  e.veto_code = r.OptText(13);
  e.veto_note = r.OptText(14);
  e.veto_by = r.OptInt(15);
  e.veto_at = r.OptInt(16);
  e.created_at = r.Int(17);
  return e;
}

CompJudgeRow JudgeFromRow(const RowView& r) {
  return CompJudgeRow{r.Int(0),    r.Int(1),    r.Int(2), r.OptInt(3),
                      r.OptInt(4), r.OptInt(5), r.Int(6)};
}

CompScoreRow ScoreFromRow(const RowView& r) {
  return CompScoreRow{r.Int(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4), r.OptInt(5)};
}

std::vector<std::int64_t> Ids(const Rows& rows) {
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) ids.push_back(r.Int(0));
  return ids;
}

template <typename T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace

Result<void> InsertCompetition(Connection& conn, const CompetitionRow& c) {
  const std::vector<Value> p{c.id,
                             c.federation_id,
                             c.org_id,
                             c.org_path,
                             c.kind,
                             c.title,
                             c.method,
                             c.tie_break,
                             static_cast<std::int64_t>(c.blind ? 1 : 0),
                             c.status,
                             Opt(c.enrol_ends_on),
                             Opt(c.scoring_ends_on),
                             Opt(c.listed_at),
                             Opt(c.published_at),
                             Opt(c.created_by),
                             c.created_at,
                             c.updated_at,
                             static_cast<std::int64_t>(c.certificate_ranks)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<CompetitionRow>> FindCompetition(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<CompetitionRow>(conn, kFind, p, CompetitionFromRow));
  return First(std::move(rows));
}

Result<std::vector<CompetitionRow>> ListCompetitions(Connection& conn, const std::string& low,
                                                     const std::string& high,
                                                     std::int64_t before_id, int limit) {
  const std::vector<Value> p{low, high, before_id, static_cast<std::int64_t>(limit)};
  return Collect<CompetitionRow>(conn, kList, p, CompetitionFromRow);
}

Result<bool> MoveCompetitionStatus(Connection& conn, const CompetitionRow& c,
                                   const std::string& from) {
  const std::vector<Value> p{c.id,         c.status, Opt(c.listed_at), Opt(c.published_at),
                             c.updated_at, from};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kMove, p));
  return changed > 0;
}

Result<void> InsertCompGroup(Connection& conn, const CompGroupRow& g) {
  const std::vector<Value> p{g.id,         g.competition_id,  g.code, g.name, g.entrant_kind,
                             g.sheet_json, g.eligibility_json};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertGroup, p));
  return {};
}

Result<std::vector<CompGroupRow>> GroupsOfCompetition(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return Collect<CompGroupRow>(conn, kGroups, p, [](const RowView& r) {
    return CompGroupRow{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)};
  });
}

Result<void> InsertCompVetoItem(Connection& conn, const CompVetoItemRow& v) {
  const std::vector<Value> p{v.competition_id, v.code, v.name};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertVeto, p));
  return {};
}

Result<std::vector<CompVetoItemRow>> VetoItemsOfCompetition(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return Collect<CompVetoItemRow>(conn, kVetoItems, p, [](const RowView& r) {
    return CompVetoItemRow{r.Int(0), r.Text(1), r.Text(2)};
  });
}

Result<void> InsertCompEntry(Connection& conn, const CompEntryRow& e) {
  const std::vector<Value> p{e.id,
                             e.competition_id,
                             e.group_id,
                             Opt(e.number),
                             e.entrant_kind,
                             Opt(e.enterprise_id),
                             Opt(e.member_id),
                             Opt(e.team_name),
                             e.federation_id,
                             e.org_path,
                             e.status,
                             Opt(e.enrolled_by),
                             e.enrolled_via,
                             Opt(e.veto_code),
                             Opt(e.veto_note),
                             Opt(e.veto_by),
                             Opt(e.veto_at),
                             e.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertEntry, p));
  return {};
}

Result<std::optional<CompEntryRow>> FindCompEntry(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<CompEntryRow>(conn, kFindEntry, p, EntryFromRow));
  return First(std::move(rows));
}

Result<std::vector<CompEntryRow>> EntriesOfCompetition(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return Collect<CompEntryRow>(conn, kEntries, p, EntryFromRow);
}

Result<bool> EntrantEnrolled(Connection& conn, const CompEntryRow& e) {
  const std::vector<Value> p{e.competition_id, e.entrant_kind, e.enterprise_id.value_or(0),
                             e.member_id.value_or(0), e.team_name.value_or("")};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kEnrolled, p));
  return !rows.empty();
}

Result<void> ListCompEntry(Connection& conn, std::int64_t entry_id, std::int64_t number) {
  const std::vector<Value> p{entry_id, number};
  ZJ_RETURN_IF_ERROR(conn.Execute(kListEntry, p));
  return {};
}

Result<void> VetoCompEntry(Connection& conn, const CompEntryRow& e) {
  const std::vector<Value> p{e.id, Opt(e.veto_code), Opt(e.veto_note), Opt(e.veto_by),
                             Opt(e.veto_at)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kVetoEntry, p));
  return {};
}

Result<void> InsertCompTeamMember(Connection& conn, std::int64_t entry_id, std::int64_t member_id) {
  const std::vector<Value> p{entry_id, member_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertMember, p));
  return {};
}

Result<std::vector<std::int64_t>> TeamMembersOf(Connection& conn, std::int64_t entry_id) {
  const std::vector<Value> p{entry_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kMembers, p));
  return Ids(rows);
}

Result<void> InsertCompJudge(Connection& conn, const CompJudgeRow& j) {
  const std::vector<Value> p{j.id,
                             j.competition_id,
                             j.user_id,
                             Opt(j.enterprise_id),
                             Opt(j.member_id),
                             Opt(j.added_by),
                             j.added_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertJudge, p));
  return {};
}

Result<std::vector<CompJudgeRow>> JudgesOfCompetition(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return Collect<CompJudgeRow>(conn, kJudges, p, JudgeFromRow);
}

Result<std::optional<CompJudgeRow>> FindCompJudge(Connection& conn, std::int64_t competition_id,
                                                  std::int64_t user_id) {
  const std::vector<Value> p{competition_id, user_id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<CompJudgeRow>(conn, kFindJudge, p, JudgeFromRow));
  return First(std::move(rows));
}

Result<std::vector<CompJudgeRow>> JudgeRowsOfUser(Connection& conn, std::int64_t user_id) {
  const std::vector<Value> p{user_id};
  return Collect<CompJudgeRow>(conn, kJudgeRowsOfUser, p, JudgeFromRow);
}

Result<void> InsertCompAssignment(Connection& conn, std::int64_t judge_id, std::int64_t group_id) {
  const std::vector<Value> p{judge_id, group_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertAssignment, p));
  return {};
}

Result<std::vector<std::int64_t>> GroupsOfJudge(Connection& conn, std::int64_t judge_id) {
  const std::vector<Value> p{judge_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kJudgeGroups, p));
  return Ids(rows);
}

Result<std::optional<CompScoreRow>> FindCompScore(Connection& conn, std::int64_t entry_id,
                                                  std::int64_t judge_id) {
  const std::vector<Value> p{entry_id, judge_id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<CompScoreRow>(conn, kFindScore, p, ScoreFromRow));
  return First(std::move(rows));
}

Result<void> InsertCompScore(Connection& conn, const CompScoreRow& s) {
  const std::vector<Value> p{s.entry_id, s.judge_id,     s.marks_json,
                             s.total_e4, s.submitted_at, Opt(s.revised_at)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertScore, p));
  return {};
}

Result<void> UpdateCompScore(Connection& conn, const CompScoreRow& s) {
  const std::vector<Value> p{s.entry_id, s.judge_id,     s.marks_json,
                             s.total_e4, s.submitted_at, Opt(s.revised_at)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdateScore, p));
  return {};
}

Result<std::vector<CompScoreRow>> ScoresOfCompetition(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return Collect<CompScoreRow>(conn, kScores, p, ScoreFromRow);
}

Result<void> InsertCompResults(Connection& conn, const std::vector<CompResultRow>& rows) {
  // Multi-row statements: a ranking at ten times the seed's scale is 48,000 rows, one round
  // trip each on PostgreSQL otherwise.
  std::vector<Value> v;
  v.reserve(rows.size() * 9);
  for (const auto& r : rows) {
    v.insert(v.end(), {r.entry_id, r.competition_id, r.method, r.result_e4, r.raw_mean_e4,
                       static_cast<std::int64_t>(r.judges), static_cast<std::int64_t>(r.rank_group),
                       static_cast<std::int64_t>(r.rank_overall), r.computed_at});
  }
  return InsertRows(conn, "comp_results.insert_many",
                    "INSERT INTO comp_results (entry_id, competition_id, method, result_e4,"
                    " raw_mean_e4, judges, rank_group, rank_overall, computed_at)",
                    9, v);
}

Result<std::vector<CompResultRow>> ResultsOfCompetition(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return Collect<CompResultRow>(conn, kResults, p, [](const RowView& r) {
    return CompResultRow{r.Int(0),
                         r.Int(1),
                         r.Text(2),
                         r.Int(3),
                         r.Int(4),
                         static_cast<int>(r.Int(5)),
                         static_cast<int>(r.Int(6)),
                         static_cast<int>(r.Int(7)),
                         r.Int(8)};
  });
}

}  // namespace zj::store

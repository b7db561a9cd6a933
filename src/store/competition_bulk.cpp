#include "store/competition_bulk.h"

#include "store/multi_row_insert.h"

namespace zj::store {

namespace {

constexpr Sql kActiveMembers{"competition_bulk.members",
                             "SELECT id, employer_id, org_path FROM members"
                             " WHERE status = 'active' AND org_path >= $1 AND org_path < $2"
                             " ORDER BY card_number LIMIT $3"};
constexpr Sql kLargestEnterprises{"competition_bulk.enterprises",
                                  "SELECT id, org_path FROM enterprises"
                                  " WHERE org_path >= $1 AND org_path < $2"
                                  " ORDER BY employees DESC, uscc LIMIT $3"};

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

}  // namespace

Result<std::vector<PoolMember>> ActiveMembersUnder(Connection& conn, const std::string& low,
                                                   const std::string& high, std::int64_t limit) {
  const std::vector<Value> p{low, high, limit};
  return Collect<PoolMember>(conn, kActiveMembers, p, [](const RowView& r) {
    return PoolMember{r.Int(0), r.OptInt(1), r.Text(2)};
  });
}

Result<std::vector<PoolEnterprise>> LargestEnterprisesUnder(Connection& conn,
                                                            const std::string& low,
                                                            const std::string& high,
                                                            std::int64_t limit) {
  const std::vector<Value> p{low, high, limit};
  return Collect<PoolEnterprise>(conn, kLargestEnterprises, p, [](const RowView& r) {
    return PoolEnterprise{r.Int(0), r.Text(1)};
  });
}

Result<void> InsertCompEntries(Connection& conn, const std::vector<CompEntryRow>& rows) {
  std::vector<Value> v;
  v.reserve(rows.size() * 18);
  for (const auto& e : rows) {
    v.insert(v.end(), {e.id, e.competition_id, e.group_id, Opt(e.number), e.entrant_kind,
                       Opt(e.enterprise_id), Opt(e.member_id), Opt(e.team_name), e.federation_id,
                       e.org_path, e.status, Opt(e.enrolled_by), e.enrolled_via, Opt(e.veto_code),
                       Opt(e.veto_note), Opt(e.veto_by), Opt(e.veto_at), e.created_at});
  }
  return InsertRows(conn, "competition_bulk.entries",
                    "INSERT INTO comp_entries (id, competition_id, group_id, number, entrant_kind,"
                    " enterprise_id, member_id, team_name, federation_id, org_path, status,"
                    " enrolled_by, enrolled_via, veto_code, veto_note, veto_by, veto_at,"
                    " created_at)",
                    18, v);
}

Result<void> InsertCompTeamMembers(Connection& conn,
                                   const std::vector<std::pair<std::int64_t, std::int64_t>>& rows) {
  std::vector<Value> v;
  v.reserve(rows.size() * 2);
  for (const auto& [entry, member] : rows) v.insert(v.end(), {entry, member});
  return InsertRows(conn, "competition_bulk.team_members",
                    "INSERT INTO comp_team_members (entry_id, member_id)", 2, v);
}

Result<void> InsertCompScores(Connection& conn, const std::vector<CompScoreRow>& rows) {
  std::vector<Value> v;
  v.reserve(rows.size() * 6);
  for (const auto& s : rows) {
    v.insert(v.end(),
             {s.entry_id, s.judge_id, s.marks_json, s.total_e4, s.submitted_at, Opt(s.revised_at)});
  }
  return InsertRows(conn, "competition_bulk.scores",
                    "INSERT INTO comp_scores (entry_id, judge_id, marks_json, total_e4,"
                    " submitted_at, revised_at)",
                    6, v);
}

}  // namespace zj::store

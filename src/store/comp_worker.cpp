#include "store/comp_worker.h"

namespace zj::store {

namespace {

constexpr Sql kOpenAbove{"competitions.open_above",
                         "SELECT id FROM competitions WHERE status = 'enrolment'"
                         " AND substr($1, 1, length(org_path)) = org_path"
                         " ORDER BY id DESC LIMIT 50"};
constexpr Sql kEntriesOfMember{"comp_entries.of_member",
                               "SELECT id FROM comp_entries WHERE status <> 'withdrawn' AND"
                               " (member_id = $1 OR id IN (SELECT entry_id FROM"
                               " comp_team_members WHERE member_id = $1))"
                               " ORDER BY id DESC LIMIT 200"};
constexpr Sql kResult{"comp_results.find",
                      "SELECT entry_id, competition_id, method, result_e4, raw_mean_e4, judges,"
                      " rank_group, rank_overall, computed_at FROM comp_results"
                      " WHERE entry_id = $1"};

}  // namespace

Result<std::vector<CompetitionRow>> OpenCompetitionsAbove(Connection& conn,
                                                          const std::string& member_path) {
  const std::vector<Value> p{member_path};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kOpenAbove, p));
  std::vector<CompetitionRow> out;
  for (const auto& r : rows) {
    ZJ_ASSIGN_OR_RETURN(auto c, FindCompetition(conn, r.Int(0)));
    if (c) out.push_back(std::move(*c));
  }
  return out;
}

Result<std::vector<CompEntryRow>> EntriesOfMember(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kEntriesOfMember, p));
  std::vector<CompEntryRow> out;
  for (const auto& r : rows) {
    ZJ_ASSIGN_OR_RETURN(auto e, FindCompEntry(conn, r.Int(0)));
    if (e) out.push_back(std::move(*e));
  }
  return out;
}

Result<std::optional<CompResultRow>> FindCompResult(Connection& conn, std::int64_t entry_id) {
  const std::vector<Value> p{entry_id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<CompResultRow>(conn, kResult, p, [](const RowView& r) {
                        return CompResultRow{r.Int(0),
                                             r.Int(1),
                                             r.Text(2),
                                             r.Int(3),
                                             r.Int(4),
                                             static_cast<int>(r.Int(5)),
                                             static_cast<int>(r.Int(6)),
                                             static_cast<int>(r.Int(7)),
                                             r.Int(8)};
                      }));
  if (rows.empty()) return std::optional<CompResultRow>{};
  return std::optional<CompResultRow>{rows.front()};
}

}  // namespace zj::store

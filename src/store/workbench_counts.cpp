#include "store/workbench_counts.h"

namespace zj::store {

namespace {

// The status is a literal per range so that both planners walk (org_id, status) of the index
// service_requests_org and read only this org's waiting rows.
constexpr Sql kWaiting{"workbench.waiting_for_acceptance",
                       "SELECT COUNT(*) FROM service_requests WHERE org_id = $1"
                       " AND status = 'submitted' AND home_path >= $2 AND home_path < $3"};
constexpr Sql kEscalated{"workbench.open_escalated",
                         "SELECT COUNT(*) FROM service_requests WHERE org_id = $1"
                         " AND status IN ('submitted', 'accepted', 'in_progress')"
                         " AND escalations > 0 AND home_path >= $2 AND home_path < $3"};
// Driven by the deadline index, as requests.overdue_by_org: the subtree test is an expression
// so that SQLite, which has no statistics, cannot pick the home_path index and walk the
// subtree's whole history instead.
constexpr Sql kOverdue{"workbench.overdue",
                       "SELECT COUNT(*) FROM service_requests"
                       " WHERE next_due IS NOT NULL AND next_due < $3"
                       " AND home_path || '' >= $1 AND home_path || '' < $2"};
constexpr Sql kDeadlines{"workbench.deadlines",
                         "SELECT r.id, r.tracking_number, r.title, r.status, r.next_due, o.name"
                         " FROM service_requests r JOIN orgs o ON o.id = r.org_id"
                         " WHERE r.next_due IS NOT NULL AND r.next_due >= $3 AND r.next_due < $4"
                         " AND r.home_path || '' >= $1 AND r.home_path || '' < $2"
                         " ORDER BY r.next_due, r.id LIMIT $5"};
constexpr Sql kDeadlineCount{"workbench.deadline_count",
                             "SELECT COUNT(*) FROM service_requests"
                             " WHERE next_due IS NOT NULL AND next_due >= $3 AND next_due < $4"
                             " AND home_path || '' >= $1 AND home_path || '' < $2"};
// The literal "done_at IS NULL" matches the partial index request_follow_ups_open.
constexpr Sql kFollowUps{"workbench.open_follow_ups",
                         "SELECT COUNT(*) FROM request_follow_ups WHERE done_at IS NULL"
                         " AND org_path >= $1 AND org_path < $2"};
constexpr Sql kImports{"workbench.running_imports",
                       "SELECT COUNT(*) FROM member_imports WHERE status = 'running'"
                       " AND org_path >= $1 AND org_path < $2"};

Result<std::int64_t> Count(Connection& conn, const Sql& sql, std::span<const Value> params) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(sql, params));
  return rows.empty() ? 0 : rows.front().Int(0);
}

}  // namespace

Result<std::int64_t> CountWaitingForAcceptance(Connection& conn, std::int64_t org_id,
                                               const std::string& home_low,
                                               const std::string& home_high) {
  const std::vector<Value> p{org_id, home_low, home_high};
  return Count(conn, kWaiting, p);
}

Result<std::int64_t> CountOpenEscalatedTo(Connection& conn, std::int64_t org_id,
                                          const std::string& home_low,
                                          const std::string& home_high) {
  const std::vector<Value> p{org_id, home_low, home_high};
  return Count(conn, kEscalated, p);
}

Result<std::int64_t> CountOverdue(Connection& conn, const std::string& home_low,
                                  const std::string& home_high, std::int64_t now_ms) {
  const std::vector<Value> p{home_low, home_high, now_ms};
  return Count(conn, kOverdue, p);
}

Result<std::vector<DeadlineItem>> DeadlinesBetween(Connection& conn, const std::string& home_low,
                                                   const std::string& home_high,
                                                   std::int64_t from_ms, std::int64_t to_ms,
                                                   int limit) {
  const std::vector<Value> p{home_low, home_high, from_ms, to_ms, std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kDeadlines, p));
  std::vector<DeadlineItem> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5)});
  }
  return out;
}

Result<std::int64_t> CountDeadlinesBetween(Connection& conn, const std::string& home_low,
                                           const std::string& home_high, std::int64_t from_ms,
                                           std::int64_t to_ms) {
  const std::vector<Value> p{home_low, home_high, from_ms, to_ms};
  return Count(conn, kDeadlineCount, p);
}

Result<std::int64_t> CountOpenFollowUps(Connection& conn, const std::string& path_low,
                                        const std::string& path_high) {
  const std::vector<Value> p{path_low, path_high};
  return Count(conn, kFollowUps, p);
}

Result<std::int64_t> CountRunningImports(Connection& conn, const std::string& path_low,
                                         const std::string& path_high) {
  const std::vector<Value> p{path_low, path_high};
  return Count(conn, kImports, p);
}

const Sql& RunningImportsStatement() { return kImports; }

}  // namespace zj::store

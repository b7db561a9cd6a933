#include "store/throttle_counts.h"

namespace zj::store {

namespace {

// SQLite 3.35+ and PostgreSQL share INSERT … ON CONFLICT … DO UPDATE … RETURNING.
constexpr Sql kCount{
    "throttle_counts.count",
    "INSERT INTO throttle_counts (action, subject, window_start, attempts, first_at, last_at)"
    " VALUES ($1, $2, $3, 1, $4, $4) ON CONFLICT (action, subject, window_start) DO UPDATE SET"
    " attempts = throttle_counts.attempts + 1, last_at = excluded.last_at RETURNING attempts"};
constexpr Sql kFind{
    "throttle_counts.find",
    "SELECT action, subject, window_start, attempts, first_at, last_at"
    " FROM throttle_counts WHERE action = $1 AND subject = $2 AND window_start = $3"};

}  // namespace

Result<std::int64_t> CountThrottled(Connection& conn, const std::string& action,
                                    const std::string& subject, std::int64_t window_start,
                                    std::int64_t at) {
  const std::vector<Value> params{action, subject, window_start, at};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCount, params));
  if (rows.empty()) return Fail(ErrorCode::kInternal, "error.internal", "throttle count");
  return rows.front().Int(0);
}

Result<std::optional<ThrottleCountRow>> FindThrottleCount(Connection& conn,
                                                          const std::string& action,
                                                          const std::string& subject,
                                                          std::int64_t window_start) {
  const std::vector<Value> params{action, subject, window_start};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kFind, params));
  if (rows.empty()) return std::optional<ThrottleCountRow>();
  const Row& r = rows.front();
  return ThrottleCountRow{r.Text(0), r.Text(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5)};
}

}  // namespace zj::store

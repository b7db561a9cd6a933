#include "store/request_queue.h"

#include "store/request_rows.h"

namespace zj::store {

namespace {

// Each search is driven by its key's index; the subtree is then a test on the rows found (few:
// one number, one phone, one name). Where SQLite's planner, without statistics, might prefer the
// home_path index and read a whole city's requests, the subtree test is an expression
// (home_path || '') it cannot use an index for, as kOverdue in service_requests.cpp does.
constexpr Sql kByTracking{"requests.search_tracking",
                          "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                          " WHERE r.tracking_number = $1"
                          " AND r.home_path || '' >= $2 AND r.home_path || '' < $3"
                          " AND (r.id < $4 OR $4 = 0) ORDER BY r.id DESC LIMIT $5"};
constexpr Sql kByPhone{"requests.search_phone",
                       "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                       " WHERE r.contact_phone_index IN ($1, $2)"
                       " AND r.home_path || '' >= $3 AND r.home_path || '' < $4"
                       " AND (r.id < $5 OR $5 = 0) ORDER BY r.id DESC LIMIT $6"};
// service_requests_contact_name (contact_name, home_path, id) holds the subtree test itself.
constexpr Sql kByName{"requests.search_name",
                      "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                      " WHERE r.contact_name = $1 AND r.home_path >= $2 AND r.home_path < $3"
                      " AND (r.id < $4 OR $4 = 0) ORDER BY r.id DESC LIMIT $5"};
constexpr Sql kByMember{"requests.search_member",
                        "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                        " WHERE r.member_id = $1"
                        " AND r.home_path || '' >= $2 AND r.home_path || '' < $3"
                        " AND (r.id < $4 OR $4 = 0) ORDER BY r.id DESC LIMIT $5"};

// Counts stop at the cap (LIMIT inside), so none reads more than `cap` index entries beyond its
// key. "new" reads the partial index service_requests_submitted; "mine" and "escalated" the
// open statuses of service_requests_org; "overdue" the deadline index (overdue requests are
// escalated within a minute, so few); follow-ups the partial index request_follow_ups_open.
constexpr Sql kCountNew{"requests.count_new",
                        "SELECT COUNT(*) FROM (SELECT 1 FROM service_requests"
                        " WHERE status = 'submitted' AND home_path >= $1 AND home_path < $2"
                        " LIMIT $3) c"};
constexpr Sql kCountMine{"requests.count_mine",
                         "SELECT COUNT(*) FROM (SELECT 1 FROM service_requests WHERE org_id = $1"
                         " AND status IN ('submitted', 'accepted', 'in_progress') LIMIT $2) c"};
constexpr Sql kCountEscalated{
    "requests.count_escalated",
    "SELECT COUNT(*) FROM (SELECT 1 FROM service_requests WHERE org_id = $1"
    " AND status IN ('submitted', 'accepted', 'in_progress') AND escalations > 0 LIMIT $2) c"};
constexpr Sql kCountOverdue{"requests.count_overdue",
                            "SELECT COUNT(*) FROM (SELECT 1 FROM service_requests"
                            " WHERE next_due IS NOT NULL AND next_due < $3"
                            " AND home_path || '' >= $1 AND home_path || '' < $2 LIMIT $4) c"};
constexpr Sql kCountFollowUps{"requests.count_follow_ups",
                              "SELECT COUNT(*) FROM (SELECT 1 FROM request_follow_ups"
                              " WHERE org_path >= $1 AND org_path < $2 AND done_at IS NULL"
                              " LIMIT $3) c"};

Result<std::vector<RequestRow>> Many(Connection& conn, const Sql& sql,
                                     std::span<const Value> params) {
  return Collect<RequestRow>(conn, sql, params, RequestFromRow);
}

Result<std::int64_t> Count(Connection& conn, const Sql& sql, std::span<const Value> params) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(sql, params));
  return rows.empty() ? 0 : rows.front().Int(0);
}

}  // namespace

Result<std::vector<RequestRow>> SearchRequests(Connection& conn, const RequestSearch& q) {
  if (!q.tracking_number.empty()) {
    const std::vector<Value> p{q.tracking_number, q.home_low, q.home_high, q.before_id, q.limit};
    return Many(conn, kByTracking, p);
  }
  if (q.member_id) {
    const std::vector<Value> p{*q.member_id, q.home_low, q.home_high, q.before_id, q.limit};
    return Many(conn, kByMember, p);
  }
  if (!q.contact_name.empty()) {
    const std::vector<Value> p{q.contact_name, q.home_low, q.home_high, q.before_id, q.limit};
    return Many(conn, kByName, p);
  }
  if (q.phone_indexes.empty()) return std::vector<RequestRow>{};
  // The vault yields one index per key version: the current and, during a rotation, one older.
  const std::string& first = q.phone_indexes.front();
  const std::string& second = q.phone_indexes.size() > 1 ? q.phone_indexes[1] : first;
  const std::vector<Value> p{first, second, q.home_low, q.home_high, q.before_id, q.limit};
  return Many(conn, kByPhone, p);
}

Result<QueueCounts> CountQueues(Connection& conn, const std::string& home_low,
                                const std::string& home_high, std::int64_t org_id,
                                std::int64_t now_ms, std::int64_t cap) {
  QueueCounts c;
  const std::vector<Value> range{home_low, home_high, cap};
  ZJ_ASSIGN_OR_RETURN(c.fresh, Count(conn, kCountNew, range));
  ZJ_ASSIGN_OR_RETURN(c.follow_ups, Count(conn, kCountFollowUps, range));
  const std::vector<Value> overdue{home_low, home_high, now_ms, cap};
  ZJ_ASSIGN_OR_RETURN(c.overdue, Count(conn, kCountOverdue, overdue));
  if (org_id != 0) {
    const std::vector<Value> org{org_id, cap};
    ZJ_ASSIGN_OR_RETURN(c.mine, Count(conn, kCountMine, org));
    ZJ_ASSIGN_OR_RETURN(c.escalated, Count(conn, kCountEscalated, org));
  }
  return c;
}

}  // namespace zj::store

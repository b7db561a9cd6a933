#include "store/request_stats.h"

namespace zj::store {

namespace {

#define ZJ_STATS_COUNTERS                                                                        \
  "submitted, urgent, accepted, accepted_on_time, resolved, resolved_on_time, escalated, rated," \
  " rating_sum, low_ratings, reopened, resolved_1d, resolved_3d, resolved_7d, resolved_15d,"     \
  " resolved_30d, resolved_later"

// SQLite 3.24+ and PostgreSQL share INSERT … ON CONFLICT … DO UPDATE with `excluded`.
#define ZJ_STATS_ADD_ON_CONFLICT                                                    \
  " ON CONFLICT (org_id, week, category_code) DO UPDATE SET"                        \
  " submitted = request_stats.submitted + excluded.submitted,"                      \
  " urgent = request_stats.urgent + excluded.urgent,"                               \
  " accepted = request_stats.accepted + excluded.accepted,"                         \
  " accepted_on_time = request_stats.accepted_on_time + excluded.accepted_on_time," \
  " resolved = request_stats.resolved + excluded.resolved,"                         \
  " resolved_on_time = request_stats.resolved_on_time + excluded.resolved_on_time," \
  " escalated = request_stats.escalated + excluded.escalated,"                      \
  " rated = request_stats.rated + excluded.rated,"                                  \
  " rating_sum = request_stats.rating_sum + excluded.rating_sum,"                   \
  " low_ratings = request_stats.low_ratings + excluded.low_ratings,"                \
  " reopened = request_stats.reopened + excluded.reopened,"                         \
  " resolved_1d = request_stats.resolved_1d + excluded.resolved_1d,"                \
  " resolved_3d = request_stats.resolved_3d + excluded.resolved_3d,"                \
  " resolved_7d = request_stats.resolved_7d + excluded.resolved_7d,"                \
  " resolved_15d = request_stats.resolved_15d + excluded.resolved_15d,"             \
  " resolved_30d = request_stats.resolved_30d + excluded.resolved_30d,"             \
  " resolved_later = request_stats.resolved_later + excluded.resolved_later"

constexpr Sql kAdd{
    "request_stats.add",
    "INSERT INTO request_stats (org_id, week, category_code, federation_id, " ZJ_STATS_COUNTERS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,"
    " $19, $20, $21)" ZJ_STATS_ADD_ON_CONFLICT};
// A moved subtree's figures: its root's rows (every week and category), times $3 (+1 or -1),
// added to the rows of org $1. SQLite needs the WHERE to read ON as the upsert's, not a join's.
constexpr Sql kAddOf{
    "request_stats.add_of",
    "INSERT INTO request_stats (org_id, week, category_code, federation_id, " ZJ_STATS_COUNTERS
    ") SELECT $1, week, category_code, $4, $3 * submitted,"
    " $3 * urgent, $3 * accepted, $3 * accepted_on_time, $3 * resolved,"
    " $3 * resolved_on_time, $3 * escalated, $3 * rated, $3 * rating_sum,"
    " $3 * low_ratings, $3 * reopened, $3 * resolved_1d, $3 * resolved_3d,"
    " $3 * resolved_7d, $3 * resolved_15d, $3 * resolved_30d,"
    " $3 * resolved_later FROM request_stats WHERE org_id = $2" ZJ_STATS_ADD_ON_CONFLICT};
constexpr Sql kOf{
    "request_stats.of",
    "SELECT org_id, week, category_code, " ZJ_STATS_COUNTERS
    " FROM request_stats WHERE org_id = $1 AND week >= $2 ORDER BY week, category_code"};

#undef ZJ_STATS_COUNTERS
#undef ZJ_STATS_ADD_ON_CONFLICT

}  // namespace

Result<void> AddRequestStats(Connection& conn, const std::vector<std::int64_t>& org_ids,
                             const std::string& week, const std::string& category_code,
                             std::int64_t federation_id, const requests::StatsDelta& d) {
  if (d.IsZero()) return {};
  for (const std::int64_t org_id : org_ids) {
    std::vector<Value> p{
        org_id,      week,       category_code,      federation_id, d.submitted,
        d.urgent,    d.accepted, d.accepted_on_time, d.resolved,    d.resolved_on_time,
        d.escalated, d.rated,    d.rating_sum,       d.low_ratings, d.reopened};
    for (const auto n : d.resolved_within) p.emplace_back(n);
    ZJ_RETURN_IF_ERROR(conn.Execute(kAdd, p));
  }
  return {};
}

Result<void> AddRequestStatsOf(Connection& conn, std::int64_t from_org_id,
                               const std::vector<std::int64_t>& org_ids, int sign,
                               std::int64_t federation_id) {
  for (const std::int64_t org_id : org_ids) {
    const std::vector<Value> p{org_id, from_org_id, std::int64_t{sign}, federation_id};
    ZJ_RETURN_IF_ERROR(conn.Execute(kAddOf, p));
  }
  return {};
}

Result<std::vector<RequestStatsRow>> RequestStatsOf(Connection& conn, std::int64_t org_id,
                                                    const std::string& from_week) {
  const std::vector<Value> p{org_id, from_week};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kOf, p));
  std::vector<RequestStatsRow> out;
  for (const Row& r : rows) {
    RequestStatsRow s;
    s.org_id = r.Int(0);
    s.week = r.Text(1);
    s.category_code = r.Text(2);
    auto& f = s.figures;
    f.submitted = r.Int(3);
    f.urgent = r.Int(4);
    f.accepted = r.Int(5);
    f.accepted_on_time = r.Int(6);
    f.resolved = r.Int(7);
    f.resolved_on_time = r.Int(8);
    f.escalated = r.Int(9);
    f.rated = r.Int(10);
    f.rating_sum = r.Int(11);
    f.low_ratings = r.Int(12);
    f.reopened = r.Int(13);
    for (std::size_t i = 0; i < requests::kResolveBuckets; ++i)
      f.resolved_within[i] = r.Int(14 + i);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace zj::store

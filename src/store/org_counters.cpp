#include "store/org_counters.h"

namespace zj::store {

namespace {

// SQLite 3.24+ and PostgreSQL share INSERT … ON CONFLICT … DO UPDATE with `excluded`.
#define ZJ_COUNTERS_ADD_ON_CONFLICT                                 \
  " ON CONFLICT (org_id, metric, period, dim1, dim2) DO UPDATE SET" \
  " value = org_counters.value + excluded.value"

constexpr Sql kAdd{"org_counters.add",
                   "INSERT INTO org_counters (org_id, metric, period, dim1, dim2, federation_id,"
                   " value) VALUES ($1, $2, $3, $4, $5, $6, $7)" ZJ_COUNTERS_ADD_ON_CONFLICT};
// A moved subtree's figures: its root's rows times $3 (+1 or -1) added to the rows of org $1.
// SQLite needs the WHERE to read ON as the upsert's, not a join's.
constexpr Sql kAddOf{"org_counters.add_of",
                     "INSERT INTO org_counters (org_id, metric, period, dim1, dim2, federation_id,"
                     " value) SELECT $1, metric, period, dim1, dim2, $4, $3 * value"
                     " FROM org_counters WHERE org_id = $2" ZJ_COUNTERS_ADD_ON_CONFLICT};
// The prefix as a range ($2 ≤ metric < $3), so the primary key serves it on both stores.
constexpr Sql kOf{"org_counters.of",
                  "SELECT metric, period, dim1, dim2, value FROM org_counters"
                  " WHERE org_id = $1 AND metric >= $2 AND metric < $3"
                  " AND (period = '' OR period >= $4) ORDER BY metric, period, dim1, dim2"};

#undef ZJ_COUNTERS_ADD_ON_CONFLICT

}  // namespace

Result<void> AddCounters(Connection& conn, const std::vector<std::int64_t>& org_ids,
                         std::int64_t federation_id, const std::vector<CounterDelta>& deltas) {
  for (const auto& d : deltas) {
    if (d.value == 0) continue;
    for (const std::int64_t org_id : org_ids) {
      const std::vector<Value> p{org_id, std::string(d.metric), d.period, d.dim1,
                                 d.dim2, federation_id,         d.value};
      ZJ_RETURN_IF_ERROR(conn.Execute(kAdd, p));
    }
  }
  return {};
}

Result<void> AddCountersOf(Connection& conn, std::int64_t from_org_id,
                           const std::vector<std::int64_t>& org_ids, int sign,
                           std::int64_t federation_id) {
  for (const std::int64_t org_id : org_ids) {
    const std::vector<Value> p{org_id, from_org_id, std::int64_t{sign}, federation_id};
    ZJ_RETURN_IF_ERROR(conn.Execute(kAddOf, p));
  }
  return {};
}

Result<std::vector<CounterRow>> CountersOf(Connection& conn, std::int64_t org_id,
                                           const std::string& prefix,
                                           const std::string& from_period) {
  // Every metric name is ASCII: the prefix's successor is the same text with its last byte
  // raised (the prefix ends in '.', never 0x7f).
  std::string high = prefix;
  if (!high.empty()) high.back() = static_cast<char>(high.back() + 1);
  const std::vector<Value> p{org_id, prefix, high, from_period};
  return Collect<CounterRow>(conn, kOf, p, [](const RowView& r) {
    return CounterRow{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4)};
  });
}

}  // namespace zj::store

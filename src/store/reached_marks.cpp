#include "store/reached_marks.h"

namespace zj::store {

namespace {
constexpr Sql kFind{"reached.find",
                    "SELECT member_id, federation_id, counted_path, reached_until"
                    " FROM member_reached_marks WHERE member_id = $1"};
constexpr Sql kSave{"reached.save",
                    "INSERT INTO member_reached_marks (member_id, federation_id, counted_path,"
                    " reached_until) VALUES ($1, $2, $3, $4) ON CONFLICT (member_id) DO UPDATE"
                    " SET federation_id = excluded.federation_id,"
                    " counted_path = excluded.counted_path,"
                    " reached_until = excluded.reached_until"};
constexpr Sql kDelete{"reached.delete", "DELETE FROM member_reached_marks WHERE member_id = $1"};
constexpr Sql kExpired{"reached.expired",
                       "SELECT member_id, federation_id, counted_path, reached_until"
                       " FROM member_reached_marks WHERE reached_until < $1"
                       " ORDER BY reached_until LIMIT $2"};
constexpr Sql kPerPath{"reached.per_path",
                       "SELECT counted_path, COUNT(*) FROM member_reached_marks"
                       " GROUP BY counted_path ORDER BY counted_path"};
constexpr Sql kAll{"reached.all",
                   "SELECT org_id, reached_12m FROM coverage_rollups ORDER BY org_id"};
constexpr Sql kAdd{"reached.add",
                   "UPDATE coverage_rollups SET reached_12m = reached_12m + $2 WHERE org_id = $1"};
constexpr Sql kReachOf{"reached.of",
                       "SELECT o.id, o.name, o.kind, r.members, r.reached_12m FROM orgs o"
                       " JOIN coverage_rollups r ON r.org_id = o.id WHERE o.id = $1"};
constexpr Sql kStreets{"reached.streets",
                       "SELECT o.id, o.name, o.kind, r.members, r.reached_12m FROM orgs o"
                       " JOIN coverage_rollups r ON r.org_id = o.id"
                       " WHERE o.path >= $1 AND o.path < $2 AND o.kind = 'street'"
                       " AND o.status = 'active' ORDER BY o.path LIMIT $3"};

ReachedMarkRow FromRow(const Row& r) { return {r.Int(0), r.Int(1), r.Text(2), r.Int(3)}; }
ReachRow ReachFromRow(const Row& r) { return {r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4)}; }
}  // namespace

Result<std::optional<ReachedMarkRow>> FindReachedMark(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kFind, p));
  if (rows.empty()) return std::optional<ReachedMarkRow>();
  return std::optional(FromRow(rows[0]));
}

Result<void> SaveReachedMark(Connection& conn, const ReachedMarkRow& m) {
  const std::vector<Value> p{m.member_id, m.federation_id, m.counted_path, m.reached_until};
  ZJ_RETURN_IF_ERROR(conn.Execute(kSave, p));
  return {};
}

Result<void> DeleteReachedMark(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kDelete, p));
  return {};
}

Result<std::vector<ReachedMarkRow>> ExpiredReachedMarks(Connection& conn, std::int64_t now_ms,
                                                        int limit) {
  const std::vector<Value> p{now_ms, std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kExpired, p));
  std::vector<ReachedMarkRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> ReachedMarksPerPath(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kPerPath, {}));
  std::vector<std::pair<std::string, std::int64_t>> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> AllReached(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kAll, {}));
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.emplace_back(r.Int(0), r.Int(1));
  return out;
}

Result<void> AddReached(Connection& conn, const std::vector<std::int64_t>& org_ids,
                        std::int64_t delta) {
  if (delta == 0) return {};
  for (const std::int64_t id : org_ids) {
    const std::vector<Value> p{id, delta};
    ZJ_RETURN_IF_ERROR(conn.Execute(kAdd, p));
  }
  return {};
}

Result<std::optional<ReachRow>> ReachOf(Connection& conn, std::int64_t org_id) {
  const std::vector<Value> p{org_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kReachOf, p));
  if (rows.empty()) return std::optional<ReachRow>();
  return std::optional(ReachFromRow(rows[0]));
}

Result<std::vector<ReachRow>> StreetReach(Connection& conn, const std::string& low,
                                          const std::string& high, int limit) {
  const std::vector<Value> p{low, high, std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kStreets, p));
  std::vector<ReachRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ReachFromRow(r));
  return out;
}

}  // namespace zj::store

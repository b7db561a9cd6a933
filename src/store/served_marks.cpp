#include "store/served_marks.h"

namespace zj::store {

namespace {
constexpr Sql kPlace{"served.member_place",
                     "SELECT org_path, federation_id FROM members WHERE id = $1"};
constexpr Sql kFind{"served.find",
                    "SELECT member_id, federation_id, counted_path, served_until"
                    " FROM member_served_marks WHERE member_id = $1"};
constexpr Sql kSave{"served.save",
                    "INSERT INTO member_served_marks (member_id, federation_id, counted_path,"
                    " served_until) VALUES ($1, $2, $3, $4) ON CONFLICT (member_id) DO UPDATE SET"
                    " federation_id = excluded.federation_id,"
                    " counted_path = excluded.counted_path, served_until = excluded.served_until"};
constexpr Sql kDelete{"served.delete", "DELETE FROM member_served_marks WHERE member_id = $1"};
constexpr Sql kExpired{"served.expired",
                       "SELECT member_id, federation_id, counted_path, served_until"
                       " FROM member_served_marks WHERE served_until < $1"
                       " ORDER BY served_until LIMIT $2"};
constexpr Sql kPerPath{"served.per_path",
                       "SELECT counted_path, COUNT(*) FROM member_served_marks"
                       " GROUP BY counted_path ORDER BY counted_path"};
constexpr Sql kAdd{"served.add",
                   "UPDATE coverage_rollups SET served_12m = served_12m + $2 WHERE org_id = $1"};

ServedMarkRow FromRow(const Row& r) { return {r.Int(0), r.Int(1), r.Text(2), r.Int(3)}; }
}  // namespace

Result<std::optional<std::pair<std::string, std::int64_t>>> MemberPlace(Connection& conn,
                                                                        std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kPlace, p));
  if (rows.empty()) return std::optional<std::pair<std::string, std::int64_t>>();
  return std::optional(std::pair{rows[0].Text(0), rows[0].Int(1)});
}

Result<std::optional<ServedMarkRow>> FindServedMark(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kFind, p));
  if (rows.empty()) return std::optional<ServedMarkRow>();
  return std::optional(FromRow(rows[0]));
}

Result<void> SaveServedMark(Connection& conn, const ServedMarkRow& m) {
  const std::vector<Value> p{m.member_id, m.federation_id, m.counted_path, m.served_until};
  ZJ_RETURN_IF_ERROR(conn.Execute(kSave, p));
  return {};
}

Result<void> DeleteServedMark(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kDelete, p));
  return {};
}

Result<std::vector<ServedMarkRow>> ExpiredServedMarks(Connection& conn, std::int64_t now_ms,
                                                      int limit) {
  const std::vector<Value> p{now_ms, std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kExpired, p));
  std::vector<ServedMarkRow> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> ServedMarksPerPath(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kPerPath, {}));
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const Row& r : rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

Result<void> AddServed(Connection& conn, const std::vector<std::int64_t>& org_ids,
                       std::int64_t delta) {
  if (delta == 0) return {};
  for (const std::int64_t id : org_ids) {
    const std::vector<Value> p{id, delta};
    ZJ_RETURN_IF_ERROR(conn.Execute(kAdd, p));
  }
  return {};
}

}  // namespace zj::store

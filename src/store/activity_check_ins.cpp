#include "store/activity_check_ins.h"

#include <algorithm>

namespace zj::store {

namespace {

constexpr Sql kByScan{"activity_check_ins.by_scan",
                      "SELECT member_id FROM activity_check_ins"
                      " WHERE activity_id = $1 AND scan_id = $2"};
constexpr Sql kByMember{"activity_check_ins.by_member",
                        "SELECT scan_id FROM activity_check_ins"
                        " WHERE activity_id = $1 AND member_id = $2"};
constexpr Sql kSeated{"activity_check_ins.seated",
                      "SELECT state FROM activity_registrations WHERE activity_id = $1"
                      " AND member_id = $2 AND state IN ('seated', 'offered')"};
constexpr Sql kInsert{"activity_check_ins.insert",
                      "INSERT INTO activity_check_ins (activity_id, scan_id, member_id,"
                      " federation_id, scanned_at, recorded_at, recorded_by)"
                      " VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Sql kAddCheckedIn{"activities.add_checked_in",
                            "UPDATE activities SET checked_in = checked_in + $2 WHERE id = $1"};
constexpr Sql kNamed{"activity_check_ins.named",
                     "SELECT c.activity_id, c.scan_id, c.member_id, c.federation_id,"
                     " c.scanned_at, c.recorded_at, c.recorded_by, m.name, o.name"
                     " FROM activity_check_ins c JOIN members m ON m.id = c.member_id"
                     " JOIN orgs o ON o.id = m.union_org_id WHERE c.activity_id = $1"
                     " ORDER BY c.recorded_at DESC, c.scanned_at DESC LIMIT $2"};

}  // namespace

Result<activities::CheckInBook> CheckInBookFor(Connection& conn, std::int64_t activity_id,
                                               const std::vector<activities::Scan>& scans) {
  activities::CheckInBook book;
  std::vector<std::int64_t> members_seen;
  for (const auto& s : scans) {
    if (activities::IsScanId(s.scan_id) && !book.scans.contains(s.scan_id)) {
      const std::vector<Value> p{activity_id, s.scan_id};
      ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kByScan, p));
      if (!rows.empty()) book.scans.emplace(s.scan_id, rows[0].Int(0));
    }
    if (s.member_id == 0 ||
        std::find(members_seen.begin(), members_seen.end(), s.member_id) != members_seen.end()) {
      continue;
    }
    members_seen.push_back(s.member_id);
    const std::vector<Value> p{activity_id, s.member_id};
    ZJ_ASSIGN_OR_RETURN(Rows in, conn.Query(kByMember, p));
    if (!in.empty()) book.checked_in.insert(s.member_id);
    ZJ_ASSIGN_OR_RETURN(Rows seat, conn.Query(kSeated, p));
    if (!seat.empty()) book.seated.insert(s.member_id);
  }
  return book;
}

Result<void> InsertCheckIn(Connection& conn, const CheckInRow& r) {
  const std::vector<Value> p{r.activity_id,
                             r.scan_id,
                             r.member_id,
                             r.federation_id,
                             r.scanned_at,
                             r.recorded_at,
                             r.recorded_by ? Value(*r.recorded_by) : Value()};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<void> AddCheckedIn(Connection& conn, std::int64_t activity_id, std::int64_t n) {
  if (n == 0) return {};
  const std::vector<Value> p{activity_id, n};
  ZJ_RETURN_IF_ERROR(conn.Execute(kAddCheckedIn, p));
  return {};
}

Result<std::vector<NamedCheckIn>> NamedCheckInsOf(Connection& conn, std::int64_t activity_id,
                                                  int limit) {
  const std::vector<Value> p{activity_id, std::int64_t{limit}};
  std::vector<NamedCheckIn> out;
  ZJ_RETURN_IF_ERROR(conn.QueryEach(kNamed, p, [&](const RowView& r) {
    out.push_back(
        {CheckInRow{r.Int(0), r.Text(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5), r.OptInt(6)},
         r.Text(7), r.Text(8)});
  }));
  return out;
}

}  // namespace zj::store

#include "store/coverage.h"

namespace zj::store {

namespace {

constexpr Sql kAddTotals{"coverage.add_totals",
                         "UPDATE coverage_rollups SET enterprises = enterprises + $2,"
                         " unionised_enterprises = unionised_enterprises + $3,"
                         " employees = employees + $4, members = members + $5,"
                         " founding_gap = founding_gap + $6 WHERE org_id = $1"};
constexpr Sql kAddIndustry{
    "coverage.add_industry",
    "INSERT INTO coverage_industries (org_id, industry, federation_id, enterprises,"
    " unionised_enterprises, employees, members, founding_gap)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    " ON CONFLICT (org_id, industry) DO UPDATE SET"
    " enterprises = coverage_industries.enterprises + excluded.enterprises,"
    " unionised_enterprises = coverage_industries.unionised_enterprises"
    " + excluded.unionised_enterprises,"
    " employees = coverage_industries.employees + excluded.employees,"
    " members = coverage_industries.members + excluded.members,"
    " founding_gap = coverage_industries.founding_gap + excluded.founding_gap"};
constexpr Sql kOne{"coverage.one",
                   "SELECT org_id, enterprises, unionised_enterprises, employees, members,"
                   " founding_gap, served_12m, members_online FROM coverage_rollups"
                   " WHERE org_id = $1"};
constexpr Sql kAll{"coverage.all",
                   "SELECT org_id, enterprises, unionised_enterprises, employees, members,"
                   " founding_gap, served_12m, members_online FROM coverage_rollups"
                   " ORDER BY org_id"};
constexpr Sql kAddOnline{
    "coverage.add_online",
    "UPDATE coverage_rollups SET members_online = members_online + $2 WHERE org_id = $1"};
constexpr Sql kIndustriesOf{"coverage.industries_of",
                            "SELECT org_id, industry, enterprises, unionised_enterprises,"
                            " employees, members, founding_gap FROM coverage_industries"
                            " WHERE org_id = $1 AND enterprises <> 0 ORDER BY industry"};
constexpr Sql kAllIndustries{"coverage.all_industries",
                             "SELECT org_id, industry, enterprises, unionised_enterprises,"
                             " employees, members, founding_gap FROM coverage_industries"
                             " ORDER BY org_id, industry"};

coverage::Figures FiguresAt(const Row& r, std::size_t first) {
  coverage::Figures f;
  f.enterprises = r.Int(first);
  f.unionised_enterprises = r.Int(first + 1);
  f.employees = r.Int(first + 2);
  f.members = r.Int(first + 3);
  f.founding_gap = r.Int(first + 4);
  return f;
}

RollupRow RollupFromRow(const Row& r) { return {r.Int(0), FiguresAt(r, 1), r.Int(6), r.Int(7)}; }
IndustryRollupRow IndustryFromRow(const Row& r) { return {r.Int(0), r.Text(1), FiguresAt(r, 2)}; }

}  // namespace

Result<void> AddToTotals(Connection& conn, const std::vector<std::int64_t>& org_ids,
                         const coverage::Figures& d) {
  if (d.IsZero()) return {};
  for (std::int64_t id : org_ids) {
    const std::vector<Value> p{id,          d.enterprises, d.unionised_enterprises,
                               d.employees, d.members,     d.founding_gap};
    ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kAddTotals, p));
    if (changed != 1) {
      return Fail(ErrorCode::kInternal, "error.internal",
                  "no coverage rollup for org " + std::to_string(id));
    }
  }
  return {};
}

Result<void> AddToIndustry(Connection& conn, const std::vector<std::int64_t>& org_ids,
                           const std::string& industry, std::int64_t federation_id,
                           const coverage::Figures& d) {
  if (d.IsZero()) return {};
  for (std::int64_t id : org_ids) {
    const std::vector<Value> p{
        id,          industry,  federation_id, d.enterprises, d.unionised_enterprises,
        d.employees, d.members, d.founding_gap};
    ZJ_RETURN_IF_ERROR(conn.Execute(kAddIndustry, p));
  }
  return {};
}

Result<void> AddToRollups(Connection& conn, const std::vector<std::int64_t>& org_ids,
                          const std::string& industry, std::int64_t federation_id,
                          const coverage::Figures& delta) {
  ZJ_RETURN_IF_ERROR(AddToTotals(conn, org_ids, delta));
  return AddToIndustry(conn, org_ids, industry, federation_id, delta);
}

Result<void> AddOnline(Connection& conn, const std::vector<std::int64_t>& org_ids,
                       std::int64_t delta) {
  if (delta == 0) return {};
  for (std::int64_t id : org_ids) {
    const std::vector<Value> p{id, delta};
    ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kAddOnline, p));
    if (changed != 1) {
      return Fail(ErrorCode::kInternal, "error.internal",
                  "no coverage rollup for org " + std::to_string(id));
    }
  }
  return {};
}

Result<RollupRow> RollupOf(Connection& conn, std::int64_t org_id) {
  const std::vector<Value> p{org_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kOne, p));
  if (rows.empty()) return RollupRow{org_id, {}, 0, 0};
  return RollupFromRow(rows.front());
}

Result<std::vector<IndustryRollupRow>> IndustryRollupsOf(Connection& conn, std::int64_t org_id) {
  const std::vector<Value> p{org_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kIndustriesOf, p));
  std::vector<IndustryRollupRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(IndustryFromRow(r));
  return out;
}

Result<std::vector<RollupRow>> AllRollups(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kAll, {}));
  std::vector<RollupRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(RollupFromRow(r));
  return out;
}

Result<std::vector<IndustryRollupRow>> AllIndustryRollups(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kAllIndustries, {}));
  std::vector<IndustryRollupRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(IndustryFromRow(r));
  return out;
}

}  // namespace zj::store

#include "store/region_standards.h"

namespace zj::store {

namespace {

constexpr Sql kUpsert{
    "region_standards.upsert",
    "INSERT INTO region_standards (region_code, year, dibao_monthly_fen, sudden_cost_pct,"
    " sudden_medical_pct, source, loaded_by, loaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    " ON CONFLICT (region_code, year) DO UPDATE SET dibao_monthly_fen = excluded.dibao_monthly_fen,"
    " sudden_cost_pct = excluded.sudden_cost_pct, sudden_medical_pct = excluded.sudden_medical_pct,"
    " source = excluded.source, loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at"};
constexpr Sql kFind{"region_standards.find",
                    "SELECT region_code, year, dibao_monthly_fen, sudden_cost_pct,"
                    " sudden_medical_pct, source, loaded_by, loaded_at FROM region_standards"
                    " WHERE region_code = $1 AND year = $2"};
constexpr Sql kAll{"region_standards.all",
                   "SELECT region_code, year, dibao_monthly_fen, sudden_cost_pct,"
                   " sudden_medical_pct, source, loaded_by, loaded_at FROM region_standards"
                   " ORDER BY region_code, year"};

RegionStandardRow FromRow(const RowView& r) {
  RegionStandardRow s;
  s.region_code = r.Text(0);
  s.year = static_cast<int>(r.Int(1));
  s.dibao_monthly_fen = r.Int(2);
  s.sudden_cost_pct = static_cast<int>(r.Int(3));
  s.sudden_medical_pct = static_cast<int>(r.Int(4));
  s.source = r.Text(5);
  s.loaded_by = r.OptInt(6);
  s.loaded_at = r.Int(7);
  return s;
}

}  // namespace

Result<void> UpsertRegionStandard(Connection& conn, const RegionStandardRow& row) {
  const std::vector<Value> p{row.region_code,
                             static_cast<std::int64_t>(row.year),
                             row.dibao_monthly_fen,
                             static_cast<std::int64_t>(row.sudden_cost_pct),
                             static_cast<std::int64_t>(row.sudden_medical_pct),
                             row.source,
                             row.loaded_by ? Value(*row.loaded_by) : Value(),
                             row.loaded_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpsert, p));
  return {};
}

Result<std::optional<RegionStandardRow>> FindRegionStandard(Connection& conn,
                                                            const std::string& region_code,
                                                            int year) {
  const std::vector<Value> p{region_code, static_cast<std::int64_t>(year)};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<RegionStandardRow>(conn, kFind, p, FromRow));
  if (rows.empty()) return std::optional<RegionStandardRow>{};
  return std::optional<RegionStandardRow>{std::move(rows.front())};
}

Result<std::vector<RegionStandardRow>> AllRegionStandards(Connection& conn) {
  return Collect<RegionStandardRow>(conn, kAll, {}, FromRow);
}

}  // namespace zj::store

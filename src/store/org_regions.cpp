#include "store/org_regions.h"

#include <algorithm>

namespace zj::store {

namespace {

#define ZJ_HOLDER_COLUMNS "id, path, code, kind, status, region_code"
#define ZJ_TERRITORIES \
  " FROM orgs WHERE status = 'active' AND kind IN ('municipal', 'district', 'street')"

constexpr Sql kHolding{"org_regions.holding", "SELECT " ZJ_HOLDER_COLUMNS ZJ_TERRITORIES
                                              " AND region_code IN ($1, $2, $3, $4) ORDER BY path"};
constexpr Sql kWithin{"org_regions.within",
                      "SELECT " ZJ_HOLDER_COLUMNS ZJ_TERRITORIES
                      " AND region_code >= $1 AND ($2 = '' OR region_code < $2) ORDER BY path"};
constexpr Sql kInSubtree{"org_regions.in_subtree", "SELECT " ZJ_HOLDER_COLUMNS
                                                   " FROM orgs WHERE path >= $1 AND path < $2"
                                                   " AND region_code IS NOT NULL ORDER BY path"};

#undef ZJ_HOLDER_COLUMNS
#undef ZJ_TERRITORIES

Result<std::vector<RegionHolder>> Holders(Connection& conn, const Sql& sql,
                                          std::span<const Value> params) {
  return Collect<RegionHolder>(conn, sql, params, [](const RowView& r) {
    return RegionHolder{r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)};
  });
}

}  // namespace

Result<std::vector<RegionHolder>> ActiveTerritoriesHolding(Connection& conn,
                                                           const std::vector<std::string>& codes) {
  if (codes.empty()) return std::vector<RegionHolder>{};
  std::vector<Value> p;
  p.reserve(4);
  for (std::size_t i = 0; i < 4; ++i) p.emplace_back(codes[std::min(i, codes.size() - 1)]);
  return Holders(conn, kHolding, p);
}

Result<std::vector<RegionHolder>> ActiveTerritoriesWithin(Connection& conn, const std::string& low,
                                                          const std::string& high) {
  const std::vector<Value> p{low, high};
  return Holders(conn, kWithin, p);
}

Result<std::vector<RegionHolder>> OrgsWithRegionIn(Connection& conn, const std::string& path_low,
                                                   const std::string& path_high) {
  const std::vector<Value> p{path_low, path_high};
  return Holders(conn, kInSubtree, p);
}

}  // namespace zj::store

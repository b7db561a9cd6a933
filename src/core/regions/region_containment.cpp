#include "core/regions/region_containment.h"

#include <algorithm>

namespace zj {

std::optional<std::string_view> RegionSignificant(std::string_view code) {
  const std::size_t n = code.size();
  if (n != 2 && n != 4 && n != 6 && n != 9) return std::nullopt;
  if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  if (n == 6 && code.substr(2) == "0000") return code.substr(0, 2);
  if (n == 6 && code.substr(4) == "00") return code.substr(0, 4);
  return code;
}

bool RegionContains(std::string_view outer, std::string_view inner) {
  const auto o = RegionSignificant(outer);
  const auto i = RegionSignificant(inner);
  return o && i && i->starts_with(*o);
}

bool RegionsOverlap(std::string_view a, std::string_view b) {
  return RegionContains(a, b) || RegionContains(b, a);
}

std::vector<std::string> RegionAndEnclosing(std::string_view code) {
  std::vector<std::string> out;
  const auto s = RegionSignificant(code);
  if (!s) return out;
  out.emplace_back(*s);
  for (const std::size_t len : {std::size_t{6}, std::size_t{4}, std::size_t{2}}) {
    if (len < s->size()) out.emplace_back(s->substr(0, len));
  }
  return out;
}

std::pair<std::string, std::string> RegionRange(std::string_view code) {
  const auto s = RegionSignificant(code);
  if (!s) return {};
  // Stored codes are digits only, so the first string after every code starting with `low` is
  // `low` with its last digit below 9 raised by one and what follows it dropped.
  std::string high(*s);
  while (!high.empty() && high.back() == '9') high.pop_back();
  if (!high.empty()) ++high.back();
  return {std::string(*s), high};
}

}  // namespace zj

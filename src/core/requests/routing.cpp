#include "core/requests/routing.h"

#include <array>
#include <utility>

namespace zj::requests {

namespace {
constexpr std::array<std::pair<Level, std::string_view>, 4> kLevelNames{{
    {Level::kGrassroots, "grassroots"},
    {Level::kStreet, "street"},
    {Level::kDistrict, "district"},
    {Level::kMunicipal, "municipal"},
}};
}  // namespace

std::string_view LevelName(Level level) {
  for (const auto& [l, name] : kLevelNames) {
    if (l == level) return name;
  }
  return "";
}

std::optional<Level> ParseLevel(std::string_view text) {
  for (const auto& [l, name] : kLevelNames) {
    if (name == text) return l;
  }
  return std::nullopt;
}

std::optional<Level> LevelOfOrgKind(std::string_view kind) {
  if (kind == "industry") return Level::kStreet;
  if (kind == "group") return std::nullopt;
  return ParseLevel(kind);
}

std::optional<Candidate> RouteTo(const std::vector<Candidate>& chain_upward, Level lowest_allowed) {
  for (const Candidate& c : chain_upward) {
    if (c.level >= lowest_allowed) return c;
  }
  return std::nullopt;
}

}  // namespace zj::requests

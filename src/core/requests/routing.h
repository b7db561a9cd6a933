// Where a service request goes: to the lowest org competent for its category. The chain of
// candidates runs upward from the worker: the grassroots union of the employer (when there is
// one), the street federation of the employer's region (or the industry union), the district
// federation, the municipal federation. A category may forbid the lowest levels (legal aid is
// handled from the district up, where the legal-aid centre sits).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace zj::requests {

//! Levels of competence, lowest first.
enum class Level { kGrassroots = 0, kStreet = 1, kDistrict = 2, kMunicipal = 3 };

std::string_view LevelName(Level level);  //!< grassroots, street, district, municipal
std::optional<Level> ParseLevel(std::string_view text);
//! The level of an org kind as stored ("grassroots", "street", "industry" → street,
//! "district", "municipal"); nothing for a union group, which never handles requests.
std::optional<Level> LevelOfOrgKind(std::string_view kind);

struct Candidate {
  std::int64_t org_id = 0;
  Level level = Level::kGrassroots;
};

//! The first candidate at or above `lowest_allowed`, the chain being ordered from the worker
//! upward. Nothing when the chain holds none (no org is competent: a configuration gap).
std::optional<Candidate> RouteTo(const std::vector<Candidate>& chain_upward, Level lowest_allowed);

}  // namespace zj::requests

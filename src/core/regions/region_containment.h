// Which GB/T 2260 region lies inside which. A code names its ancestors by its leading digits:
// 2 digits a province (11 北京市), 4 a city (1101 市辖区), 6 a county or district (110101 东城区),
// 9 a street or township (110101001 东华门街道; the 3-digit extension of GB/T 10114). The
// standard itself writes provinces and cities as 6 digits padded with zeros (110000, 110100),
// so those count by their significant digits. A region lies inside another when its significant
// digits start with the other's: the municipal federation's 11 contains 东城's 110101, which
// contains 东华门's 110101001; 110102 (西城) does not contain 110101001.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zj {

//! The significant digits of a well-formed code (2, 4, 6 or 9 ASCII digits; a 6-digit code
//! ending in 0000 or 00 gives its 2 or 4 leading digits); nullopt for anything else.
std::optional<std::string_view> RegionSignificant(std::string_view code);

//! True when `inner` is `outer` or lies inside it; false when either is malformed.
bool RegionContains(std::string_view outer, std::string_view inner);

//! True when one of the two contains the other (they share ground).
bool RegionsOverlap(std::string_view a, std::string_view b);

//! The codes that contain `code`, itself first: 110101001 → 110101001, 110101, 1101, 11 (as
//! stored: significant digits). Empty for a malformed code.
std::vector<std::string> RegionAndEnclosing(std::string_view code);

//! The bounds [low, high) of the stored codes that start with `code`'s significant digits, for
//! a range scan; high is "" when there is no upper bound. Empty low for a malformed code.
std::pair<std::string, std::string> RegionRange(std::string_view code);

}  // namespace zj

#include <stdexcept>

#include "app/regions/embedded_regions.h"

namespace zj::app {

const RegionTable& BuiltinRegions() {
  static const RegionTable table = [] {
    auto parsed = RegionTable::Parse(EmbeddedRegions());
    // The tables are part of the binary: a parse failure is a build bug, not a user error.
    if (!parsed) throw std::logic_error("embedded region tables: " + parsed.error().detail);
    return std::move(*parsed);
  }();
  return table;
}

}  // namespace zj::app

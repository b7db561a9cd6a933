// The two public look-ups of the worker portal, so a worker without an account can say where
// they work: enterprises by name prefix and street federations by name. Both answer a few
// rows and nothing beyond a name and where it is (no figures, no unions, no contacts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct EmployerHit {
  std::int64_t id = 0;
  std::string name;
  std::string region_code;  //!< its street (GB/T 2260)
};

struct StreetHit {
  std::string code;           //!< the GB/T 2260 street code (also the street federation's code)
  std::string name;           //!< the street federation's name
  std::string district_name;  //!< the name of the org above it
};

//! Enterprises whose name starts with `prefix` (taken literally), by name, at most `limit`.
Result<std::vector<EmployerHit>> EmployersByNamePrefix(Connection& conn, const std::string& prefix,
                                                       int limit);
//! Active street federations whose name contains `text`, by code, at most `limit`.
Result<std::vector<StreetHit>> StreetsByName(Connection& conn, const std::string& text, int limit);

}  // namespace zj::store

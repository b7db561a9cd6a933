// Bulk hardship files and aid grants for the benchmark's data sets (`zhijia demo --cases N`).
// See demo_cases.cpp.
#pragma once

#include <cstdint>

#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct DemoCasesReport {
  std::int64_t files = 0;
  std::int64_t grants = 0;
};

//! `files` active hardship files over every grassroots union, each with four paid grants;
//! nothing when hardship files exist already.
Result<DemoCasesReport> LoadDemoCases(store::Database& db, const Clock& clock, Random& random,
                                      const Vault& vault, std::int64_t files);

}  // namespace zj::app

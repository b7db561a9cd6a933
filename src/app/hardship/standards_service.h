// Region-year standards (rules as data, issue 20): the local 低保 line per region and year and
// the shares of 意外致困, loaded by an administrator from a JSON body or a CSV/XLSX table
// (`zhijia standards load FILE`, with row and column errors like the roster import), read by
// anyone of the staff, and found for an org: the standard of the nearest region enclosing the
// org's own (its region, else the nearest org above it with one; a street's union measured by
// its district's line).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/imports/table_file.h"
#include "app/imports/table_import.h"
#include "core/regions/region_table.h"
#include "core/result.h"
#include "store/database.h"
#include "store/orgs.h"
#include "store/region_standards.h"

namespace zj::app {

struct StandardInput {
  std::string region_code;
  int year = 0;
  std::int64_t dibao_monthly_fen = 0;
  std::optional<int> sudden_cost_pct;     //!< default 80
  std::optional<int> sudden_medical_pct;  //!< default 50
  std::string source;
};

class StandardsService {
 public:
  StandardsService(store::Database& db, const Clock& clock, AuditService& audit,
                   const RegionTable& regions)
      : db_(db), clock_(clock), audit_(audit), regions_(regions) {}

  //! Administrators only (kPermissionDenied "error.standards.forbidden"); field errors for a
  //! region not in GB/T 2260, a year outside 2000..2100, a line outside ¥1..¥100,000 a month,
  //! a share outside 1..100, a source empty or over 100 characters. Replaces the region-year's
  //! standard when there is one; audited (standards.load).
  Result<store::RegionStandardRow> Load(const Actor& actor, const StandardInput& input);
  //! Columns region_code, year, dibao_monthly_yuan (yuan with up to two decimals), source and
  //! optionally sudden_cost_pct, sudden_medical_pct (or their Chinese headers). Each good row is
  //! loaded; each bad one is a problem naming its row and column. A missing required column is
  //! kInvalidArgument "error.import.missing_column" before any row.
  Result<ImportReport> LoadTable(const Actor& actor, const Table& table);
  //! Every standard; cadres, staff, operators and administrators (the lines are public).
  Result<std::vector<store::RegionStandardRow>> List(const Actor& actor);

  //! The standard for `year` of the nearest region enclosing the org's (the org's region, else
  //! the nearest org above it with one; then the region's parents). kUnprocessable
  //! "error.hardship.no_standard" {region, year} when there is none.
  Result<store::RegionStandardRow> ForOrg(store::Connection& conn, const store::OrgRow& org,
                                          int year) const;

 private:
  Result<store::RegionStandardRow> Check(const StandardInput& input, Error& invalid) const;

  store::Database& db_;
  const Clock& clock_;
  AuditService& audit_;
  const RegionTable& regions_;
};

//! "1320", "1,320.5", "1320.50" yuan → fen (no floating point); nullopt when malformed.
std::optional<std::int64_t> ParseYuan(std::string_view text);

}  // namespace zj::app

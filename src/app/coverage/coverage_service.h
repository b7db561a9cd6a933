// Coverage of any org's subtree (覆盖面), read from the rollups: totals and rates, the children's
// figures and the industry breakdown; the founding list (25+ employees, no union) with its XLSX
// export (audited as "founding_list.export"); and Verify, which recounts every rollup from the
// enterprises and reports each difference. Reads are limited to the actor's subtree (kNotFound
// outside).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/enterprises/enterprise_service.h"
#include "core/coverage/coverage_figures.h"
#include "core/regions/region_table.h"
#include "core/result.h"
#include "store/database.h"
#include "store/orgs.h"

namespace zj::app {

struct ChildCoverage {
  store::OrgRow org;
  coverage::Figures figures;
  std::int64_t members_online = 0;  //!< as OrgCoverage's
};

struct IndustryCoverage {
  std::string section;
  coverage::Figures figures;
};

struct OrgCoverage {
  store::OrgRow org;
  coverage::Figures figures;
  //! Members served in the last 12 months (有效覆盖), kept in coverage_rollups.served_12m by the
  //! service requests (app/coverage/served.h); Verify recounts it from the served marks.
  std::int64_t served_12m = 0;
  //! Active members with a worker account bound to them (members reached online, issue 19),
  //! kept in coverage_rollups.members_online (app/coverage/online.h); Verify recounts it.
  std::int64_t members_online = 0;
  std::vector<ChildCoverage> children;  //!< active children, by code
  std::vector<IndustryCoverage> industries;
};

struct FoundingFilter {
  std::string street;    //!< GB/T 2260 street code, "" for any
  std::string industry;  //!< section letter, "" for any
  std::string cursor;    //!< "" for the first page
  int limit = 50;        //!< 1..200
};

//! A founding-list row: the enterprise, its district, and the org responsible for founding its
//! union (the street's union as a rule) with the contact a cadre calls.
struct FoundingItem {
  EnterpriseView enterprise;
  std::string district_name;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string org_contact;
};

struct FoundingPage {
  std::vector<FoundingItem> items;
  std::optional<std::string> next_cursor;
};

//! One rollup figure that differs from the recount.
struct CoverageDifference {
  std::int64_t org_id = 0;
  std::string org_code;
  std::string figure;  //!< e.g. "employees", "industry C enterprises", "path"
  std::int64_t stored = 0;
  std::int64_t recounted = 0;
};

struct VerifyReport {
  std::int64_t orgs = 0;
  std::int64_t enterprises = 0;
  std::vector<CoverageDifference> differences;
};

class CoverageService {
 public:
  CoverageService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                  const RegionTable& regions)
      : db_(db), clock_(clock), random_(random), audit_(audit), regions_(regions) {}

  Result<OrgCoverage> Of(const Actor& actor, std::int64_t org_id);
  //! Largest first (employees desc, then id).
  Result<FoundingPage> FoundingList(const Actor& actor, std::int64_t org_id,
                                    const FoundingFilter& filter);
  //! The whole founding list (cursor and limit ignored) as an XLSX workbook's bytes; the export
  //! is written to the audit log first and fails when that fails.
  Result<std::string> ExportFoundingList(const Actor& actor, std::int64_t org_id,
                                         const FoundingFilter& filter);
  //! Recounts every rollup from scratch (no actor: the command line's check).
  Result<VerifyReport> Verify();

 private:
  //! Founding-list rows with their region names and responsible org (one read per org).
  Result<std::vector<FoundingItem>> Describe(store::Connection& conn,
                                             std::vector<store::EnterpriseRow> rows) const;

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const RegionTable& regions_;
};

}  // namespace zj::app

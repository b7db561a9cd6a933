// Rows of `case_links` (migration 0028; docs/design/cases.md "One case spine"): what a 12351
// request became — a hardship file now; aid grants and legal cases later. The request page lists
// its links, each target shows its request. org_path is the target's org: who sees the target
// sees the link (the use cases filter by it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

//! The kind of a hardship file's link.
inline constexpr std::string_view kLinkHardshipFile = "hardship_file";
//! The kind of a legal case's link (migration 0030).
inline constexpr std::string_view kLinkLegalCase = "legal_case";

struct CaseLinkRow {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  std::string target_kind;
  std::int64_t target_id = 0;
  std::string org_path;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
};

Result<void> InsertCaseLink(Connection& conn, const CaseLinkRow& row);
//! The links of one request, oldest first.
Result<std::vector<CaseLinkRow>> CaseLinksOfRequest(Connection& conn, std::int64_t request_id);
//! The link that made one target, if it came from a request.
Result<std::optional<CaseLinkRow>> CaseLinkOfTarget(Connection& conn, std::string_view kind,
                                                    std::int64_t target_id);

}  // namespace zj::store

// Importing orgs and enterprises from a table (header row, then one row each): every row is
// created (or, for an enterprise whose USCC exists, updated) in its own transaction through
// the same use cases as the API, so a bad row changes nothing and is reported with its row and
// column while the good rows are kept.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/enterprises/enterprise_service.h"
#include "app/imports/table_file.h"
#include "app/orgs/org_service.h"
#include "core/result.h"

namespace zj::app {

//! One problem of one row: the 1-based row of the file (the header is row 1) and the column.
struct RowProblem {
  int row = 0;
  std::string column;  //!< the header as written in the file; "" when no single column
  std::string message_key;
  std::vector<std::pair<std::string, std::string>> args;
};

struct ImportReport {
  std::string encoding;
  int created = 0;
  int updated = 0;
  int failed_rows = 0;
  std::vector<RowProblem> problems;
};

//! Columns code, name, kind, parent_code, region_code, founded_on, chair, contact (or their
//! Chinese headers). A missing required column is kInvalidArgument before any row is read.
Result<ImportReport> ImportOrgTable(OrgService& orgs, const Actor& actor, const Table& table);

//! Columns name, uscc, region_code, industry, ownership, employees, employees_reported_on,
//! union_code (or their Chinese headers).
Result<ImportReport> ImportEnterpriseTable(OrgService& orgs, EnterpriseService& enterprises,
                                           const Actor& actor, const Table& table);

}  // namespace zj::app

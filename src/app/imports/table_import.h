// Importing orgs and enterprises from a table (header row, then one row each): every row is
// created (or, for an enterprise whose USCC exists, updated) in its own transaction through
// the same use cases as the API, so a bad row changes nothing and is reported with its row and
// column while the good rows are kept. The header is found under any title rows, and note and
// total rows are skipped, as for the member roster (core/imports/sheet_layout.h). The streamed
// variants read any size in bounded memory and can resume after a row (a background job's
// checkpoint).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/enterprises/enterprise_service.h"
#include "app/imports/table_file.h"
#include "app/imports/table_stream.h"
#include "app/orgs/org_service.h"
#include "core/result.h"

namespace zj::app {

//! One problem of one row: the 1-based row of the file as a spreadsheet shows it, and the column.
struct RowProblem {
  std::int64_t row = 0;
  std::string column;  //!< the header as written in the file; "" when no single column
  std::string message_key;
  std::vector<std::pair<std::string, std::string>> args;
};

struct ImportReport {
  std::string encoding;
  std::int64_t header_row = 0;  //!< the file's row taken as the header
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

//! How a streamed import goes on: rows up to `skip_through` were done by an earlier attempt
//! (their outcome is in the report it starts from); `in_commit` is called inside the
//! transaction of each row that creates or updates a record, last before it commits, with the
//! report counting that row (a job writes its checkpoint there, so that a row and its
//! checkpoint commit together: a crash between them would do the row twice, or lose it); an
//! error from it rolls the row back and stops the import. `after_row` is called after each
//! data row with the report so far, and an error from it stops the import there; `header` is
//! told the header's row number.
struct TableImportOptions {
  std::int64_t skip_through = 0;
  std::function<Result<void>(store::Connection& conn, std::int64_t row,
                             const ImportReport& with_row)>
      in_commit;
  std::function<Result<void>(std::int64_t row, const ImportReport& so_far)> after_row;
  std::function<void(std::int64_t row)> header;
};

//! ImportOrgTable over a stream, continuing from `so_far`.
Result<ImportReport> ImportOrgRows(OrgService& orgs, const Actor& actor, TableStream& stream,
                                   ImportReport so_far, const TableImportOptions& options);
//! ImportEnterpriseTable over a stream, continuing from `so_far`.
Result<ImportReport> ImportEnterpriseRows(OrgService& orgs, EnterpriseService& enterprises,
                                          const Actor& actor, TableStream& stream,
                                          ImportReport so_far, const TableImportOptions& options);

}  // namespace zj::app

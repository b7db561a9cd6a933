// Reading an imported table file into rows of UTF-8 text: CSV in UTF-8 (with or without a BOM)
// or GBK/GB18030, detected rather than asked for (text that is not valid UTF-8 is decoded as
// GB18030, GBK's superset, with ICU), parsed by libcsv (Debian libcsv-dev).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/imports/import_limits.h"
#include "core/result.h"

namespace zj::app {

struct Table {
  std::string encoding;                        //!< "UTF-8" or "GB18030"
  std::vector<std::vector<std::string>> rows;  //!< the rows that are not blank, in file order
  //! The row of rows[i] as a spreadsheet shows it (1-based, blank rows counted): what reports
  //! name, so that a clerk finds the row in the file.
  std::vector<std::int64_t> row_numbers;
};

//! The text as UTF-8: as is when it is well-formed UTF-8 (a BOM removed), else decoded from
//! GB18030 (its BOM removed), as the streaming reader of table_stream.h decides.
//! kInvalidArgument "error.import.encoding" when it is neither.
Result<std::string> DecodeText(std::string_view bytes, std::string& encoding);

//! Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Blank lines are skipped
//! (and counted in row_numbers).
//! kInvalidArgument "error.import.csv" naming the row of a malformed record,
//! "error.import.limit.columns" / "table_bytes" past a bound of import_limits.h.
Result<Table> ParseCsvTable(std::string_view bytes, const import_limits::Limits& limits = {});

}  // namespace zj::app

namespace zj::app {

//! Reads the first worksheet of an XLSX workbook (the streaming reader of table_stream.h):
//! shared and inline strings, numbers as written, blank rows left out. Cells are placed by their
//! reference (B3), so skipped empty cells stay empty. kInvalidArgument "error.import.xlsx" when
//! the file is not a readable workbook, "error.import.limit.*" past a bound of import_limits.h.
Result<Table> ParseXlsxTable(std::string_view bytes, const import_limits::Limits& limits = {});

//! CSV or XLSX, told apart by the zip signature.
Result<Table> ParseTable(std::string_view bytes, const import_limits::Limits& limits = {});

}  // namespace zj::app

// Writing a table row by row to a file, CSV or XLSX (chosen by the name's .xlsx ending), in
// bounded memory: CSV through libcsv's quoting (UTF-8 with a BOM, so Excel reads Chinese
// right; CRLF line ends), XLSX through libxlsxwriter in constant-memory mode, every cell
// written as text (so IDs and phones are never turned into numbers) and the columns
// formatted as text for the cadre who types new rows into it. Every CSV the program writes
// goes through here, and no CSV cell reaches a spreadsheet as a formula (CsvSafeCell).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace zj::app {

struct TableWriterOptions {
  std::string sheet_name = "Sheet1";
  //! XLSX only: a second sheet of notes, one line each (e.g. the template's format notes).
  std::string notes_sheet_name;
  std::vector<std::pair<std::string, std::string>> notes;  //!< (column, note)
};

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  virtual Result<void> Add(const std::vector<std::string>& cells) = 0;
  //! Finishes the file; nothing may be added afterwards.
  virtual Result<void> Close() = 0;
};

//! A cell as it may stand in a CSV file that a spreadsheet opens (OWASP "CSV Injection"; ASVS
//! 5.0 1.2.10): a cell starting with = + - @, a tab or a carriage return gets a leading single
//! quote, so Excel and LibreOffice show it as text instead of running it as a formula
//! (=HYPERLINK(…), @SUM(…), -2+3+cmd|…). A plain signed number (+8613800138000, -12.5) is left
//! as it is: a spreadsheet reads it as a number, never as a formula, and the quote would only
//! garble it. XLSX cells need nothing of this: they are written as strings, never as formulas.
std::string CsvSafeCell(std::string_view cell);

//! True when `path` names an XLSX file (ends in .xlsx, any case).
bool IsXlsxPath(const std::string& path);

//! Creates (or truncates) the file. kInvalidArgument "error.export.unwritable" {file}.
Result<std::unique_ptr<TableWriter>> OpenTableWriter(const std::string& path,
                                                     const TableWriterOptions& options = {});

}  // namespace zj::app

// Writing a table row by row to a file, CSV or XLSX (chosen by the name's .xlsx ending), in
// bounded memory: CSV through libcsv's quoting (UTF-8 with a BOM, so Excel reads Chinese
// right; CRLF line ends), XLSX through libxlsxwriter in constant-memory mode, every cell
// written as text (so IDs and phones are never turned into numbers) and the columns
// formatted as text for the cadre who types new rows into it.
#pragma once

#include <memory>
#include <string>
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

//! True when `path` names an XLSX file (ends in .xlsx, any case).
bool IsXlsxPath(const std::string& path);

//! Creates (or truncates) the file. kInvalidArgument "error.export.unwritable" {file}.
Result<std::unique_ptr<TableWriter>> OpenTableWriter(const std::string& path,
                                                     const TableWriterOptions& options = {});

}  // namespace zj::app

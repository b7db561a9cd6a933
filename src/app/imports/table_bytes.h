// A whole small table as the bytes of an XLSX (or CSV) file, for answers sent as a download:
// TableWriter (table_writer.h) writes only to files — libxlsxwriter 1.1.4 in bookworm has no
// memory target — so it goes through a private temporary file that is removed again.
#pragma once

#include <string>
#include <vector>

#include "app/imports/table_writer.h"
#include "core/result.h"

namespace zj::app {

//! The rows (the header first) as an XLSX workbook, every cell text.
Result<std::string> XlsxBytes(const std::vector<std::vector<std::string>>& rows,
                              const TableWriterOptions& options = {});

}  // namespace zj::app

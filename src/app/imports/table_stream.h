// Reading a table file one row at a time, in bounded memory whatever its size: CSV (UTF-8 with
// or without a BOM, or GBK/GB18030, told apart by whether the whole file is valid UTF-8; any
// line ending; quoted fields with commas and newlines) read in chunks, decoded incrementally
// by ICU and parsed by libcsv; XLSX read from the zip member in chunks (libzip, zlib) and parsed
// by expat (SAX; Debian libexpat1-dev), with only the shared strings kept in memory. What a file
// may make the reader inflate and keep is bounded by import_limits.h (zip bombs, XFD columns).
// The whole-file reader (table_file.h) stays for the small org/enterprise tables.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/imports/import_limits.h"
#include "core/result.h"

namespace zj::app {

//! One row of the file: its 1-based row number as a spreadsheet shows it (the header is row
//! 1; for CSV, the record number, blank records counted) and its cells as UTF-8.
struct TableRow {
  std::int64_t number = 0;
  std::vector<std::string> cells;
};

//! A table read row by row. Not thread-safe.
class TableStream {
 public:
  virtual ~TableStream() = default;
  //! Fills `row` with the next row (blank rows included: the caller decides) and returns true,
  //! false at the end of the table, or kInvalidArgument "error.import.csv" /
  //! "error.import.encoding" / "error.import.xlsx" for a malformed file and
  //! "error.import.limit.*" (naming the bound as {max}) for one past import_limits.h.
  virtual Result<bool> Next(TableRow& row) = 0;
  //! "UTF-8", "GB18030" or "XLSX".
  virtual std::string encoding() const = 0;
};

struct TableStreamOptions {
  std::string sheet;                           //!< XLSX: the sheet's name; "" for the first sheet
  std::size_t chunk = std::size_t{64} * 1024;  //!< bytes read (and decoded) at a time
  import_limits::Limits limits = {};           //!< what the file may make the reader keep
};

//! What one pass over a file tells: its SHA-256 (lower-case hex), whether it is a zip
//! (XLSX), whether it is valid UTF-8 throughout (a BOM allowed), and its size.
struct FileFacts {
  std::string sha256;
  bool zip = false;
  bool utf8 = false;
  std::int64_t size = 0;
};

//! Reads the file once in chunks. kInvalidArgument "error.import.unreadable" {file}.
Result<FileFacts> ExamineFile(const std::string& path);
//! The same for bytes in memory.
FileFacts ExamineBytes(std::string_view bytes);

//! Opens the table in the file at `path`, whose facts ExamineFile gave.
Result<std::unique_ptr<TableStream>> OpenTableFile(const std::string& path, const FileFacts& facts,
                                                   const TableStreamOptions& options = {});
//! Opens a table held in memory; `bytes` must outlive the stream.
Result<std::unique_ptr<TableStream>> OpenTableBytes(std::string_view bytes,
                                                    const TableStreamOptions& options = {});

//! The rows of an XLSX workbook, for OpenTable*; `source` is a zip_source_t* (libzip) that the
//! stream takes over.
Result<std::unique_ptr<TableStream>> OpenXlsxStream(void* zip_source,
                                                    const TableStreamOptions& options);

}  // namespace zj::app

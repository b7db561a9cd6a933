// The whole-file reader's XLSX half: the rows of the streaming reader (xlsx_stream.cpp, with
// every bound of import_limits.h), kept in memory up to import_limits::kMaxTableBytes.
#include <zip.h>

#include "app/imports/import_limits.h"
#include "app/imports/table_file.h"
#include "app/imports/table_stream.h"

namespace zj::app {

Result<Table> ParseXlsxTable(std::string_view bytes, const import_limits::Limits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_error_fini(&error);
  if (source == nullptr) return Fail(ErrorCode::kInternal, "error.internal", "zip source");
  ZJ_ASSIGN_OR_RETURN(auto stream, OpenXlsxStream(source, {"", std::size_t{64} * 1024, limits}));
  Table table;
  table.encoding = "XLSX";
  std::uint64_t held = 0;
  TableRow row;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(const bool more, stream->Next(row));
    if (!more) break;
    bool blank = true;
    for (const auto& cell : row.cells) {
      blank = blank && cell.empty();
      held += sizeof(std::string) + cell.size();
    }
    if (blank) continue;
    held += sizeof(std::vector<std::string>);  // the row's own bookkeeping
    if (held > limits.table_bytes) {
      return Fail(import_limits::Exceeded("table_bytes", limits.table_bytes));
    }
    table.rows.push_back(std::move(row.cells));
    table.row_numbers.push_back(row.number);
  }
  return table;
}

Result<Table> ParseTable(std::string_view bytes, const import_limits::Limits& limits) {
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4))) return ParseXlsxTable(bytes, limits);
  return ParseCsvTable(bytes, limits);
}

}  // namespace zj::app

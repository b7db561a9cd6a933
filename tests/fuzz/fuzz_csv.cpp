// The CSV readers of imports: the streaming one (table_stream.h, rosters) read in chunks of a
// size the input's first byte picks, so chunk boundaries fall everywhere, and the whole-file
// one (table_file.h, org and enterprise tables). Every cell either reader gives is well-formed
// UTF-8 (both promise "cells as UTF-8"), and the whole file's rows are the stream's rows without
// the blank ones.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/imports/table_file.h"
#include "app/imports/table_stream.h"
#include "fuzz_checks.h"

using zj::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = data[0] % 2 == 0 ? std::size_t{64} * 1024 : 1 + data[0] / 2 % 16;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4))) return 0;  // the XLSX target's

  std::vector<std::vector<std::string>> streamed;
  bool stream_ok = true;
  std::string encoding;
  if (auto stream = zj::app::OpenTableBytes(bytes, {"", chunk, {}})) {
    encoding = (*stream)->encoding();
    zj::app::TableRow row;
    std::int64_t last = 0;
    for (;;) {
      auto more = (*stream)->Next(row);
      if (!more) {
        stream_ok = false;
        break;
      }
      if (!*more) break;
      Check(row.number > last, "row numbers ascend");
      last = row.number;
      Check(row.cells.size() <= zj::app::import_limits::kMaxColumns, "columns bounded");
      for (const auto& cell : row.cells) Check(zj::fuzz::WellFormedUtf8(cell), "stream UTF-8");
      if (!(row.cells.size() == 1 && row.cells[0].empty())) streamed.push_back(row.cells);
    }
  } else {
    stream_ok = false;
  }

  auto table = zj::app::ParseCsvTable(bytes);
  if (!table) return 0;
  for (const auto& r : table->rows) {
    for (const auto& cell : r) Check(zj::fuzz::WellFormedUtf8(cell), "whole-file UTF-8");
  }
  Check(table->encoding == "UTF-8" || table->encoding == "GB18030", "encoding named");
  if (stream_ok && encoding == table->encoding) {
    Check(table->rows == streamed, "the whole file's rows are the stream's non-blank rows");
  }
  return 0;
}

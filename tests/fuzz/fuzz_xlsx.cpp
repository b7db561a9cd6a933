// The XLSX readers of imports (table_stream.h, table_file.h). An input that is a zip archive is
// read as it is (the inflating, CRC and size checks of zip_member.h); any other input is cut at
// NUL bytes into the parts of a workbook (sheet, shared strings, then optionally workbook.xml
// and its relationships), which are stored in a zip made here, so mutations reach the XML.
// Every row obeys the bounds of import_limits.h and every cell is well-formed UTF-8.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/imports/import_limits.h"
#include "app/imports/table_file.h"
#include "app/imports/table_stream.h"
#include "fuzz_checks.h"

namespace {

using zj::fuzz::Check;
namespace limits = zj::app::import_limits;

const char* const kWorkbook =
    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
const char* const kRels =
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

//! A zip archive of these members, stored (not compressed), made in memory with libzip.
std::string Zip(const std::vector<std::pair<std::string, std::string_view>>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(target);
  zip_t* z = zip_open_from_source(target, ZIP_TRUNCATE, &error);
  Check(z != nullptr, "zip_open_from_source");
  for (const auto& [name, text] : members) {
    zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
    const zip_int64_t index = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    Check(index >= 0, "zip_file_add");
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  Check(zip_close(z) == 0, "zip_close");
  std::string out;
  Check(zip_source_open(target) == 0, "zip_source_open");
  char buffer[8192];
  for (zip_int64_t n; (n = zip_source_read(target, buffer, sizeof buffer)) > 0;) {
    out.append(buffer, static_cast<std::size_t>(n));
  }
  zip_source_close(target);
  zip_source_free(target);
  zip_error_fini(&error);
  return out;
}

void ReadAll(std::string_view book) {
  auto stream = zj::app::OpenTableBytes(book, {"", 4096, {}});
  if (!stream) return;
  zj::app::TableRow row;
  std::int64_t rows = 0;
  for (;;) {
    auto more = (*stream)->Next(row);
    if (!more || !*more) break;
    Check(++rows <= limits::kMaxRows, "rows bounded");
    Check(row.number >= 1 && row.number <= limits::kMaxRows, "row number bounded");
    Check(row.cells.size() <= limits::kMaxColumns, "columns bounded");
    std::size_t bytes = 0;
    for (const auto& cell : row.cells) {
      Check(cell.size() <= limits::kMaxCellBytes, "cell bounded");
      Check(zj::fuzz::WellFormedUtf8(cell), "cell UTF-8");
      bytes += cell.size();
    }
    Check(bytes <= limits::kMaxRowBytes, "row bounded");
  }
  if (auto table = zj::app::ParseXlsxTable(book)) {
    for (const auto& r : table->rows) Check(!r.empty(), "blank rows left out");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.starts_with(std::string_view("PK\x03\x04", 4))) {
    ReadAll(input);
    return 0;
  }
  std::vector<std::string_view> parts;
  for (std::size_t at = 0; parts.size() < 4;) {
    const std::size_t nul = input.find('\0', at);
    parts.push_back(input.substr(at, nul == std::string_view::npos ? nul : nul - at));
    if (nul == std::string_view::npos) break;
    at = nul + 1;
  }
  std::vector<std::pair<std::string, std::string_view>> members = {
      {"xl/worksheets/sheet1.xml", parts[0]},
      {"xl/workbook.xml", parts.size() > 2 ? parts[2] : std::string_view(kWorkbook)},
      {"xl/_rels/workbook.xml.rels", parts.size() > 3 ? parts[3] : std::string_view(kRels)}};
  if (parts.size() > 1 && !parts[1].empty()) members.emplace_back("xl/sharedStrings.xml", parts[1]);
  ReadAll(Zip(members));
  return 0;
}

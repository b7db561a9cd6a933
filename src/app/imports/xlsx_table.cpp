#include <zip.h>

#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "app/imports/table_file.h"

namespace zj::app {

namespace {

Error NotAWorkbook(const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "error.import.xlsx", why, {}, {}};
}

//! The bytes of one member of the archive, or nullopt when it is absent.
std::optional<std::string> ReadMember(zip_t* archive, const char* name) {
  zip_stat_t st;
  if (zip_stat(archive, name, 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0) return std::nullopt;
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(archive, name, 0), zip_fclose);
  if (!file) return std::nullopt;
  std::string out(st.size, '\0');
  const zip_int64_t n = zip_fread(file.get(), out.data(), st.size);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
  return out;
}

//! "C12" → column 2 (0-based), row 11 (0-based); false when malformed.
bool CellPosition(const char* ref, std::size_t& row, std::size_t& col) {
  std::size_t c = 0;
  std::size_t r = 0;
  const char* p = ref;
  while (*p >= 'A' && *p <= 'Z') c = c * 26 + static_cast<std::size_t>(*p++ - 'A' + 1);
  while (*p >= '0' && *p <= '9') r = r * 10 + static_cast<std::size_t>(*p++ - '0');
  if (*p != '\0' || c == 0 || r == 0) return false;
  row = r - 1;
  col = c - 1;
  return true;
}

//! The text of an <si> or <is> element: its <t> runs joined.
std::string RunText(const pugi::xml_node& node) {
  std::string text;
  for (const auto& t : node.select_nodes(".//t")) text += t.node().text().get();
  return text;
}

}  // namespace

Result<Table> ParseXlsxTable(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return Fail(NotAWorkbook("zip_source_buffer_create"));
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive(zip_open_from_source(source, ZIP_RDONLY, &error),
                                                   zip_discard);
  if (!archive) {
    zip_source_free(source);
    return Fail(NotAWorkbook("not a zip archive"));
  }
  std::vector<std::string> shared;
  if (auto xml = ReadMember(archive.get(), "xl/sharedStrings.xml")) {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml->data(), xml->size())) return Fail(NotAWorkbook("sharedStrings"));
    for (const auto& si : doc.child("sst").children("si")) shared.push_back(RunText(si));
  }
  // The first sheet of the workbook (xlsx writers name it sheet1.xml).
  auto sheet_xml = ReadMember(archive.get(), "xl/worksheets/sheet1.xml");
  if (!sheet_xml) return Fail(NotAWorkbook("no first worksheet"));
  pugi::xml_document sheet;
  if (!sheet.load_buffer(sheet_xml->data(), sheet_xml->size())) {
    return Fail(NotAWorkbook("worksheet XML"));
  }
  Table table;
  table.encoding = "XLSX";
  for (const auto& row : sheet.child("worksheet").child("sheetData").children("row")) {
    std::vector<std::string> cells;
    for (const auto& c : row.children("c")) {
      std::size_t r = 0;
      std::size_t col = cells.size();
      if (const char* ref = c.attribute("r").value(); *ref != '\0') {
        if (!CellPosition(ref, r, col)) return Fail(NotAWorkbook(std::string("cell ") + ref));
      }
      const std::string type = c.attribute("t").value();
      std::string value;
      if (type == "s") {
        const auto index = c.child("v").text().as_ullong(shared.size());
        if (index >= shared.size()) return Fail(NotAWorkbook("shared string index"));
        value = shared[index];
      } else if (type == "inlineStr") {
        value = RunText(c.child("is"));
      } else {
        value = c.child("v").text().get();
      }
      if (cells.size() <= col) cells.resize(col + 1);
      cells[col] = std::move(value);
    }
    bool blank = true;
    for (const auto& cell : cells) blank = blank && cell.empty();
    if (!blank) table.rows.push_back(std::move(cells));
  }
  return table;
}

Result<Table> ParseTable(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4))) return ParseXlsxTable(bytes);
  return ParseCsvTable(bytes);
}

}  // namespace zj::app

// The XLSX half of table_stream.h: workbook.xml and its relationships (small) are read with
// pugixml to find the sheet; the shared strings and the sheet itself are streamed through
// expat in chunks read by zip_fread, so a million-row sheet never sits in memory as a tree.
#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <optional>
#include <pugixml.hpp>

#include "app/imports/table_stream.h"

namespace zj::app {

namespace {

Error NotAWorkbook(const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "error.import.xlsx", why, {}, {}};
}

using Archive = std::unique_ptr<zip_t, void (*)(zip_t*)>;
using ZipFile = std::unique_ptr<zip_file_t, int (*)(zip_file_t*)>;
using Parser = std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)>;

//! The local name of an element ("x:row" → "row"; some writers prefix the main namespace).
std::string_view Local(const XML_Char* name) {
  std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* Attr(const XML_Char** atts, std::string_view wanted) {
  for (; atts[0] != nullptr; atts += 2) {
    if (Local(atts[0]) == wanted) return atts[1];
  }
  return nullptr;
}

//! A whole (small) archive member, or nullopt when absent.
std::optional<std::string> ReadMember(zip_t* archive, const std::string& name) {
  zip_stat_t st;
  if (zip_stat(archive, name.c_str(), 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0) {
    return std::nullopt;
  }
  ZipFile file(zip_fopen(archive, name.c_str(), 0), zip_fclose);
  if (!file) return std::nullopt;
  std::string out(st.size, '\0');
  const zip_int64_t n = zip_fread(file.get(), out.data(), st.size);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
  return out;
}

//! The archive path of the sheet named `sheet` ("" for the first): workbook.xml lists the
//! sheets in order with a relationship id, workbook.xml.rels maps that id to the part.
Result<std::string> SheetPath(zip_t* archive, const std::string& sheet) {
  auto workbook = ReadMember(archive, "xl/workbook.xml");
  auto rels = ReadMember(archive, "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return Fail(NotAWorkbook("no workbook.xml"));
  pugi::xml_document wb;
  pugi::xml_document rd;
  if (!wb.load_buffer(workbook->data(), workbook->size()) ||
      !rd.load_buffer(rels->data(), rels->size())) {
    return Fail(NotAWorkbook("workbook XML"));
  }
  std::string rel_id;
  for (const auto& s : wb.child("workbook").child("sheets").children("sheet")) {
    if (sheet.empty() || sheet == s.attribute("name").value()) {
      rel_id = s.attribute("r:id").value();
      break;
    }
  }
  if (rel_id.empty()) {
    if (sheet.empty()) return Fail(NotAWorkbook("no sheet"));
    return Fail(
        Error{ErrorCode::kInvalidArgument, "error.import.sheet", sheet, {}, {{"sheet", sheet}}});
  }
  for (const auto& r : rd.child("Relationships").children("Relationship")) {
    if (rel_id != r.attribute("Id").value()) continue;
    std::string target = r.attribute("Target").value();
    if (target.starts_with('/')) return target.substr(1);
    return "xl/" + target;
  }
  return Fail(NotAWorkbook("sheet relationship " + rel_id));
}

//! Streams one archive member through an expat parser.
Result<void> ParseChunk(zip_file_t* file, XML_Parser parser, std::string& buffer, bool& done,
                        std::size_t chunk) {
  buffer.resize(chunk);
  const zip_int64_t n = zip_fread(file, buffer.data(), chunk);
  if (n < 0) return Fail(NotAWorkbook("zip_fread"));
  done = n == 0;
  if (XML_Parse(parser, buffer.data(), static_cast<int>(n), done ? 1 : 0) != XML_STATUS_OK) {
    return Fail(NotAWorkbook(std::string("XML: ") + XML_ErrorString(XML_GetErrorCode(parser))));
  }
  return {};
}

//! The shared-string table, one pool of bytes and the end offset of each string (smaller
//! than a vector of strings by the per-string overhead, for sheets of a million names).
struct SharedStrings {
  std::string pool;
  std::vector<std::uint64_t> ends;

  std::size_t size() const { return ends.size(); }
  std::string_view at(std::size_t i) const {
    const std::uint64_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(pool).substr(begin, ends[i] - begin);
  }
};

//! <sst><si><t>..</t></si> or rich text <si><r><t>..</t></r>…</si>; <rPh> phonetic runs
//! (furigana) are not part of the text.
struct SharedStringsReader {
  SharedStrings* out;
  int phonetic_depth = 0;
  bool in_t = false;

  static void Start(void* data, const XML_Char* name, const XML_Char** /*atts*/) {
    auto* s = static_cast<SharedStringsReader*>(data);
    const auto n = Local(name);
    if (n == "rPh") ++s->phonetic_depth;
    if (n == "t" && s->phonetic_depth == 0) s->in_t = true;
  }
  static void End(void* data, const XML_Char* name) {
    auto* s = static_cast<SharedStringsReader*>(data);
    const auto n = Local(name);
    if (n == "rPh") --s->phonetic_depth;
    if (n == "t") s->in_t = false;
    if (n == "si") s->out->ends.push_back(s->out->pool.size());
  }
  static void Text(void* data, const XML_Char* text, int len) {
    auto* s = static_cast<SharedStringsReader*>(data);
    if (s->in_t) s->out->pool.append(text, static_cast<std::size_t>(len));
  }
};

Result<SharedStrings> ReadSharedStrings(zip_t* archive, std::size_t chunk) {
  SharedStrings strings;
  ZipFile file(zip_fopen(archive, "xl/sharedStrings.xml", 0), zip_fclose);
  if (!file) return strings;  // a workbook of numbers only has none
  Parser parser(XML_ParserCreate("UTF-8"), XML_ParserFree);
  SharedStringsReader reader{&strings};
  XML_SetUserData(parser.get(), &reader);
  XML_SetElementHandler(parser.get(), SharedStringsReader::Start, SharedStringsReader::End);
  XML_SetCharacterDataHandler(parser.get(), SharedStringsReader::Text);
  std::string buffer;
  bool done = false;
  while (!done) ZJ_RETURN_IF_ERROR(ParseChunk(file.get(), parser.get(), buffer, done, chunk));
  return strings;
}

//! "C12" → column 2 (0-based); nullopt when malformed.
std::optional<std::size_t> ColumnOf(std::string_view ref) {
  std::size_t c = 0;
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    c = c * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
    if (c > 16384) return std::nullopt;  // XFD, Excel's last column
  }
  if (c == 0) return std::nullopt;
  return c - 1;
}

class XlsxStream final : public TableStream {
 public:
  XlsxStream(Archive archive, ZipFile sheet, SharedStrings strings, std::size_t chunk)
      : archive_(std::move(archive)),
        sheet_(std::move(sheet)),
        strings_(std::move(strings)),
        parser_(XML_ParserCreate("UTF-8"), XML_ParserFree),
        chunk_(std::max<std::size_t>(chunk, 1)) {
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(parser_.get(), Start, End);
    XML_SetCharacterDataHandler(parser_.get(), Text);
  }

  Result<bool> Next(TableRow& row) override {
    while (ready_.empty() && !done_) {
      ZJ_RETURN_IF_ERROR(ParseChunk(sheet_.get(), parser_.get(), buffer_, done_, chunk_));
      if (!error_.empty()) return Fail(NotAWorkbook(error_));
    }
    if (ready_.empty()) return false;
    row = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }
  std::string encoding() const override { return "XLSX"; }

 private:
  static void Start(void* data, const XML_Char* name, const XML_Char** atts) {
    auto* s = static_cast<XlsxStream*>(data);
    const auto n = Local(name);
    if (n == "row") {
      s->in_row_ = true;
      s->row_ = TableRow{};
      const XML_Char* r = Attr(atts, "r");
      s->row_.number = r != nullptr ? std::atoll(r) : s->last_row_ + 1;
      if (s->row_.number <= 0) s->row_.number = s->last_row_ + 1;
      s->last_row_ = s->row_.number;
    } else if (n == "c" && s->in_row_) {
      s->in_cell_ = true;
      s->value_.clear();
      const XML_Char* t = Attr(atts, "t");
      s->type_ = t != nullptr ? t : "n";
      const XML_Char* ref = Attr(atts, "r");
      std::optional<std::size_t> col =
          ref != nullptr ? ColumnOf(ref) : std::optional(s->row_.cells.size());
      if (!col) s->error_ = std::string("cell ") + (ref != nullptr ? ref : "");
      s->col_ = col.value_or(0);
    } else if (s->in_cell_ && (n == "v" || (n == "t" && s->type_ == "inlineStr"))) {
      s->in_text_ = true;
    } else if (n == "rPh") {
      ++s->phonetic_depth_;
    }
  }
  static void End(void* data, const XML_Char* name) {
    auto* s = static_cast<XlsxStream*>(data);
    const auto n = Local(name);
    if (n == "v" || n == "t") {
      s->in_text_ = false;
    } else if (n == "rPh") {
      --s->phonetic_depth_;
    } else if (n == "c" && s->in_cell_) {
      s->in_cell_ = false;
      std::string value;
      if (s->type_ == "s") {
        const auto index = std::strtoull(s->value_.c_str(), nullptr, 10);
        if (index >= s->strings_.size()) {
          s->error_ = "shared string index";
          return;
        }
        value = s->strings_.at(index);
      } else {
        value = std::move(s->value_);
      }
      auto& cells = s->row_.cells;
      if (cells.size() <= s->col_) cells.resize(s->col_ + 1);
      cells[s->col_] = std::move(value);
    } else if (n == "row") {
      s->in_row_ = false;
      s->ready_.push_back(std::move(s->row_));
    }
  }
  static void Text(void* data, const XML_Char* text, int len) {
    auto* s = static_cast<XlsxStream*>(data);
    if (s->in_text_ && s->phonetic_depth_ == 0)
      s->value_.append(text, static_cast<std::size_t>(len));
  }

  Archive archive_;
  ZipFile sheet_;
  SharedStrings strings_;
  Parser parser_;
  std::size_t chunk_;
  std::string buffer_;
  std::deque<TableRow> ready_;
  TableRow row_;
  std::int64_t last_row_ = 0;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
  std::string type_;
  std::size_t col_ = 0;
  std::string value_;
  std::string error_;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<TableStream>> OpenXlsxStream(void* zip_source,
                                                    const TableStreamOptions& options) {
  auto* source = static_cast<zip_source_t*>(zip_source);
  zip_error_t error;
  zip_error_init(&error);
  Archive archive(zip_open_from_source(source, ZIP_RDONLY, &error), zip_discard);
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(source);
    return Fail(NotAWorkbook("not a zip archive"));
  }
  ZJ_ASSIGN_OR_RETURN(const std::string path, SheetPath(archive.get(), options.sheet));
  ZJ_ASSIGN_OR_RETURN(SharedStrings strings, ReadSharedStrings(archive.get(), options.chunk));
  ZipFile sheet(zip_fopen(archive.get(), path.c_str(), 0), zip_fclose);
  if (!sheet) return Fail(NotAWorkbook("no part " + path));
  return std::make_unique<XlsxStream>(std::move(archive), std::move(sheet), std::move(strings),
                                      options.chunk);
}

}  // namespace zj::app

// The XLSX half of table_stream.h: workbook.xml and its relationships (small) are read with
// pugixml to find the sheet; the shared strings and the sheet itself are streamed through
// expat (sax_feed.h), so a million-row sheet never sits in memory as a tree. Every size is
// bounded by import_limits.h.
#include <zip.h>

#include <charconv>
#include <cstdlib>
#include <deque>
#include <limits>
#include <optional>
#include <pugixml.hpp>

#include "app/imports/import_limits.h"
#include "app/imports/sax_feed.h"
#include "app/imports/table_stream.h"
#include "app/imports/zip_member.h"

namespace zj::app {

namespace {

namespace limits = import_limits;

Error NotAWorkbook(const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "error.import.xlsx", why, {}, {}};
}

using Archive = std::unique_ptr<zip_t, void (*)(zip_t*)>;

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

//! The archive path of the sheet named `sheet` ("" for the first): workbook.xml lists the
//! sheets in order with a relationship id, workbook.xml.rels maps that id to the part.
Result<std::string> SheetPath(zip_t* archive, const std::string& sheet, InflateBudget& budget) {
  ZJ_ASSIGN_OR_RETURN(auto workbook, ReadWholeMember(archive, "xl/workbook.xml", budget));
  ZJ_ASSIGN_OR_RETURN(auto rels, ReadWholeMember(archive, "xl/_rels/workbook.xml.rels", budget));
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

//! The shared-string table, one pool of bytes and the end offset of each string (smaller
//! than a vector of strings by the per-string overhead, for sheets of a million names; the
//! pool's bound keeps offsets within 32 bits).
struct SharedStrings {
  std::string pool;
  std::vector<std::uint32_t> ends;

  std::size_t size() const { return ends.size(); }
  std::string_view at(std::size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(pool).substr(begin, ends[i] - begin);
  }
};
static_assert(limits::kMaxSharedStringBytes < (std::uint64_t{1} << 32));

//! <sst><si><t>..</t></si> or rich text <si><r><t>..</t></r>…</si>; <rPh> phonetic runs
//! (furigana) are not part of the text.
struct SharedStringsReader {
  SharedStrings* out;
  const limits::Limits& limits;
  int phonetic_depth = 0;
  bool in_t = false;

  static void Start(void* data, const XML_Char* name, const XML_Char** /*atts*/) {
    SaxFeed& feed = SaxFeed::Of(data);
    auto* s = static_cast<SharedStringsReader*>(feed.reader());
    feed.Mark();
    const auto n = Local(name);
    if (n == "rPh") ++s->phonetic_depth;
    if (n == "t" && s->phonetic_depth == 0) s->in_t = true;
  }
  static void End(void* data, const XML_Char* name) {
    SaxFeed& feed = SaxFeed::Of(data);
    auto* s = static_cast<SharedStringsReader*>(feed.reader());
    feed.Mark();
    const auto n = Local(name);
    if (n == "rPh") --s->phonetic_depth;
    if (n == "t") s->in_t = false;
    if (n != "si") return;
    if (s->out->ends.size() >= s->limits.shared_strings) {
      return feed.Stop(limits::Exceeded("shared_strings", s->limits.shared_strings));
    }
    s->out->ends.push_back(static_cast<std::uint32_t>(s->out->pool.size()));
  }
  static void Text(void* data, const XML_Char* text, int len) {
    SaxFeed& feed = SaxFeed::Of(data);
    auto* s = static_cast<SharedStringsReader*>(feed.reader());
    feed.Mark();
    if (!s->in_t) return;
    auto& pool = s->out->pool;
    const std::size_t begin = s->out->ends.empty() ? 0 : s->out->ends.back();
    if (pool.size() + static_cast<std::size_t>(len) - begin > s->limits.cell_bytes) {
      return feed.Stop(limits::Exceeded("cell_bytes", s->limits.cell_bytes));
    }
    if (pool.size() + static_cast<std::size_t>(len) > s->limits.shared_string_bytes) {
      return feed.Stop(limits::Exceeded("shared_string_bytes", s->limits.shared_string_bytes));
    }
    pool.append(text, static_cast<std::size_t>(len));
  }
};

Result<SharedStrings> ReadSharedStrings(zip_t* archive, std::size_t chunk, InflateBudget& budget) {
  SharedStrings strings;
  ZJ_ASSIGN_OR_RETURN(auto member, ZipMember::Open(archive, "xl/sharedStrings.xml", budget));
  if (!member) return strings;  // a workbook of numbers only has none
  SharedStringsReader reader{&strings, budget.limits};
  SaxFeed feed(std::move(member), chunk, budget.limits.xml_token_bytes, &reader,
               SharedStringsReader::Start, SharedStringsReader::End, SharedStringsReader::Text);
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(const bool more, feed.Step());
    if (!more) break;
  }
  return strings;
}

//! "C12" → column 2 (0-based); nullopt when malformed, `max` when past it (the caller tells
//! which).
std::optional<std::size_t> ColumnOf(std::string_view ref, std::size_t max) {
  std::size_t c = 0;
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    c = c * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
    if (c > max) return max;
  }
  if (c == 0) return std::nullopt;
  return c - 1;
}

//! A row's number from its r attribute; nullopt when it is not a positive number.
std::optional<std::int64_t> RowNumberOf(const XML_Char* r) {
  if (r == nullptr) return std::nullopt;
  const std::string_view text(r);
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec == std::errc::result_out_of_range) return std::numeric_limits<std::int64_t>::max();
  if (ec != std::errc() || end != text.data() + text.size() || n <= 0) return std::nullopt;
  return n;
}

class XlsxStream final : public TableStream {
 public:
  XlsxStream(Archive archive, std::unique_ptr<InflateBudget> budget,
             std::unique_ptr<ZipMember> sheet, SharedStrings strings, std::size_t chunk)
      : archive_(std::move(archive)),
        budget_(std::move(budget)),
        limits_(budget_->limits),
        strings_(std::move(strings)) {
    feed_ = std::make_unique<SaxFeed>(std::move(sheet), chunk, limits_.xml_token_bytes, this, Start,
                                      End, Text);
  }
  ~XlsxStream() override { feed_.reset(); }  // the member reads from the archive

  Result<bool> Next(TableRow& row) override {
    while (ready_.empty()) {
      ZJ_ASSIGN_OR_RETURN(const bool more, feed_->Step());
      if (!more) break;
    }
    if (ready_.empty()) return false;
    row = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }
  std::string encoding() const override { return "XLSX"; }

 private:
  static XlsxStream& Self(void* data) {
    return *static_cast<XlsxStream*>(SaxFeed::Of(data).reader());
  }

  static void Start(void* data, const XML_Char* name, const XML_Char** atts) {
    XlsxStream& s = Self(data);
    SaxFeed& feed = *s.feed_;
    feed.Mark();
    const auto n = Local(name);
    if (n == "row") {
      if (++s.rows_ > s.limits_.rows) return feed.Stop(limits::Exceeded("rows", s.limits_.rows));
      s.in_row_ = true;
      s.row_ = TableRow{};
      s.row_bytes_ = 0;
      s.row_.number = RowNumberOf(Attr(atts, "r")).value_or(s.last_row_ + 1);
      if (s.row_.number > s.limits_.rows) {
        return feed.Stop(limits::Exceeded("rows", s.limits_.rows));
      }
      s.last_row_ = s.row_.number;
    } else if (n == "c" && s.in_row_) {
      s.in_cell_ = true;
      s.value_.clear();
      const XML_Char* t = Attr(atts, "t");
      s.type_ = t != nullptr ? t : "n";
      const XML_Char* ref = Attr(atts, "r");
      const std::optional<std::size_t> col =
          ref != nullptr ? ColumnOf(ref, s.limits_.columns) : std::optional(s.row_.cells.size());
      if (!col) return feed.Stop(NotAWorkbook(std::string("cell ") + ref));
      if (*col >= s.limits_.columns) {
        return feed.Stop(limits::Exceeded("columns", s.limits_.columns)
                             .With("row", std::to_string(s.row_.number)));
      }
      s.col_ = *col;
    } else if (s.in_cell_ && (n == "v" || (n == "t" && s.type_ == "inlineStr"))) {
      s.in_text_ = true;
    } else if (n == "rPh") {
      ++s.phonetic_depth_;
    }
  }
  static void End(void* data, const XML_Char* name) {
    XlsxStream& s = Self(data);
    SaxFeed& feed = *s.feed_;
    feed.Mark();
    const auto n = Local(name);
    if (n == "v" || n == "t") {
      s.in_text_ = false;
    } else if (n == "rPh") {
      --s.phonetic_depth_;
    } else if (n == "c" && s.in_cell_) {
      s.in_cell_ = false;
      std::string value;
      if (s.type_ == "s") {
        const auto index = std::strtoull(s.value_.c_str(), nullptr, 10);
        if (index >= s.strings_.size()) return feed.Stop(NotAWorkbook("shared string index"));
        value = s.strings_.at(index);
      } else {
        value = std::move(s.value_);
      }
      s.row_bytes_ += value.size();
      if (s.row_bytes_ > s.limits_.row_bytes) {
        return feed.Stop(limits::Exceeded("row_bytes", s.limits_.row_bytes)
                             .With("row", std::to_string(s.row_.number)));
      }
      auto& cells = s.row_.cells;
      if (cells.size() <= s.col_) cells.resize(s.col_ + 1);
      cells[s.col_] = std::move(value);
    } else if (n == "row" && s.in_row_) {
      s.in_row_ = false;
      s.ready_.push_back(std::move(s.row_));
      feed.Suspend();  // one row at a time: Next resumes the parse
    }
  }
  static void Text(void* data, const XML_Char* text, int len) {
    XlsxStream& s = Self(data);
    SaxFeed& feed = *s.feed_;
    feed.Mark();
    if (!s.in_text_ || s.phonetic_depth_ != 0) return;
    if (s.value_.size() + static_cast<std::size_t>(len) > s.limits_.cell_bytes) {
      return feed.Stop(limits::Exceeded("cell_bytes", s.limits_.cell_bytes)
                           .With("row", std::to_string(s.row_.number)));
    }
    s.value_.append(text, static_cast<std::size_t>(len));
  }

  Archive archive_;
  std::unique_ptr<InflateBudget> budget_;  // the sheet's member counts against it
  const limits::Limits& limits_;
  SharedStrings strings_;
  std::unique_ptr<SaxFeed> feed_;
  std::deque<TableRow> ready_;
  TableRow row_;
  std::int64_t rows_ = 0;  //!< <row> elements seen
  std::int64_t last_row_ = 0;
  std::size_t row_bytes_ = 0;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
  std::string type_;
  std::size_t col_ = 0;
  std::string value_;
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
  auto budget = std::make_unique<InflateBudget>(InflateBudget{0, options.limits});
  ZJ_ASSIGN_OR_RETURN(const std::string path, SheetPath(archive.get(), options.sheet, *budget));
  ZJ_ASSIGN_OR_RETURN(SharedStrings strings,
                      ReadSharedStrings(archive.get(), options.chunk, *budget));
  ZJ_ASSIGN_OR_RETURN(auto sheet, ZipMember::Open(archive.get(), path, *budget));
  if (!sheet) return Fail(NotAWorkbook("no part " + path));
  return std::make_unique<XlsxStream>(std::move(archive), std::move(budget), std::move(sheet),
                                      std::move(strings), options.chunk);
}

}  // namespace zj::app

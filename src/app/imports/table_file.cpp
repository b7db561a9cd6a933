#include "app/imports/table_file.h"

#include <csv.h>
#include <unicode/ucnv.h>

#include <memory>
#include <optional>

#include "app/imports/import_limits.h"

namespace zj::app {

namespace {

//! Well-formed UTF-8 (RFC 3629 §4): no overlong forms, no UTF-16 surrogates, nothing past
//! U+10FFFF, as ICU's converter (and so the streaming reader) decides. Hand-written: a pass
//! over bytes already in memory, without a converter's UTF-16 buffer.
bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra = 0;
    unsigned char low = 0x80;  // the range of the second byte
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;  // a truncated sequence
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < low || second > high) return false;
    for (std::size_t k = 2; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

struct Collector {
  const import_limits::Limits& limits;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::int64_t> numbers;  //!< each row's line, blank lines counted
  std::vector<std::string> current;
  std::int64_t lines = 0;
  int last_terminator = 0;
  std::uint64_t held = 0;  //!< bytes the rows hold, bookkeeping counted
  std::optional<Error> exceeded;
};

// libcsv cannot be stopped from a callback: past a bound, fields are dropped and the parse is
// refused afterwards.
void OnField(void* text, std::size_t length, void* data) {
  auto* c = static_cast<Collector*>(data);
  if (c->exceeded) return;
  if (c->current.size() >= c->limits.columns) {
    c->exceeded = import_limits::Exceeded("columns", c->limits.columns)
                      .With("row", std::to_string(c->lines + 1));
    return;
  }
  c->held += sizeof(std::string) + length;
  if (c->held > c->limits.table_bytes) {
    c->exceeded = import_limits::Exceeded("table_bytes", c->limits.table_bytes);
    return;
  }
  c->current.emplace_back(static_cast<const char*>(text), length);
}

// As the streaming reader counts (table_stream.cpp): every line end is reported
// (CSV_REPALL_NL), the LF of a CRLF once with its CR.
void OnRow(int terminator, void* data) {
  auto* c = static_cast<Collector*>(data);
  const bool crlf = terminator == CSV_LF && c->last_terminator == CSV_CR;
  c->last_terminator = terminator;
  if (crlf && c->current.empty()) return;
  ++c->lines;
  const bool blank = c->current.empty() || (c->current.size() == 1 && c->current[0].empty());
  if (!blank && !c->exceeded) {
    c->rows.push_back(std::move(c->current));
    c->numbers.push_back(c->lines);
  }
  c->current.clear();
}

}  // namespace

Result<std::string> DecodeText(std::string_view bytes, std::string& encoding) {
  // As the streaming reader decides (table_stream.h): UTF-8 when the whole file is, its byte
  // order mark dropped; otherwise GB18030, whose own mark (U+FEFF) is dropped once decoded.
  if (ValidUtf8(bytes)) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    encoding = "UTF-8";
    return std::string(bytes);
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("GB18030", &status),
                                                          ucnv_close);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal, "error.internal", "ICU has no GB18030 converter");
  }
  // Stop at the first byte sequence GB18030 does not define instead of substituting it.
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string utf16(bytes.size() + 1, u'\0');
  status = U_ZERO_ERROR;
  const int32_t n16 = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                                    bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInvalidArgument, "error.import.encoding", "neither UTF-8 nor GBK");
  }
  const int32_t mark = n16 > 0 && utf16[0] == u'\uFEFF' ? 1 : 0;
  std::unique_ptr<UConverter, void (*)(UConverter*)> utf8(ucnv_open("UTF-8", &status), ucnv_close);
  std::string out(static_cast<std::size_t>(n16) * 3 + 1, '\0');
  const int32_t n8 = ucnv_fromUChars(utf8.get(), out.data(), static_cast<int32_t>(out.size()),
                                     utf16.data() + mark, n16 - mark, &status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal, "error.internal", "UTF-16 to UTF-8 failed");
  }
  out.resize(static_cast<std::size_t>(n8));
  encoding = "GB18030";
  return out;
}

Result<Table> ParseCsvTable(std::string_view bytes, const import_limits::Limits& limits) {
  Table table;
  ZJ_ASSIGN_OR_RETURN(std::string text, DecodeText(bytes, table.encoding));
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    return Fail(ErrorCode::kInternal, "error.internal", "csv_init failed");
  }
  Collector collector{limits, {}, {}, {}, 0, 0, 0, std::nullopt};
  const std::size_t parsed =
      csv_parse(&parser, text.data(), text.size(), OnField, OnRow, &collector);
  const bool ok = parsed == text.size() && csv_fini(&parser, OnField, OnRow, &collector) == 0;
  csv_free(&parser);
  if (collector.exceeded) return Fail(std::move(*collector.exceeded));
  if (!ok) {
    const std::string row = std::to_string(collector.lines + 1);
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "error.import.csv",
                      "malformed CSV at row " + row,
                      {},
                      {{"row", row}}});
  }
  table.rows = std::move(collector.rows);
  table.row_numbers = std::move(collector.numbers);
  return table;
}

}  // namespace zj::app

#include "app/imports/table_stream.h"

#include <csv.h>
#include <sodium.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <deque>

#include "app/imports/import_limits.h"

namespace zj::app {

namespace {

using Converter = std::unique_ptr<UConverter, void (*)(UConverter*)>;

//! An ICU converter that stops at the first byte sequence it does not define, instead of
//! substituting it (so a file that is not GB18030 is refused rather than garbled).
Result<Converter> OpenStrictConverter(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter conv(ucnv_open(name, &status), ucnv_close);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal, "error.internal", std::string("ICU has no ") + name);
  }
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return conv;
}

//! Decodes `in` (one chunk of a longer text) into UTF-16, keeping an incomplete trailing
//! sequence inside the converter for the next chunk. False on an undefined sequence.
bool ToUtf16(UConverter* conv, std::string_view in, bool flush, std::u16string& out) {
  out.resize(in.size() + 16);
  const char* source = in.data();
  const char* const source_end = in.data() + in.size();
  std::size_t used = 0;
  for (;;) {
    UErrorCode status = U_ZERO_ERROR;
    UChar* target = out.data() + used;
    ucnv_toUnicode(conv, &target, out.data() + out.size(), &source, source_end, nullptr,
                   flush ? 1 : 0, &status);
    used = static_cast<std::size_t>(target - out.data());
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(out.size() * 2);
      continue;
    }
    if (U_FAILURE(status)) return false;
    break;
  }
  out.resize(used);
  return true;
}

Error Unreadable(const std::string& path) {
  return Error{ErrorCode::kInvalidArgument, "error.import.unreadable", path, {}, {{"file", path}}};
}

//! Where CSV bytes come from: a file or memory.
class ByteReader {
 public:
  virtual ~ByteReader() = default;
  //! Up to `n` bytes into `buf`; 0 at the end.
  virtual Result<std::size_t> Read(char* buf, std::size_t n) = 0;
};

class FileReader final : public ByteReader {
 public:
  FileReader(std::FILE* f, std::string path) : f_(f, std::fclose), path_(std::move(path)) {}
  Result<std::size_t> Read(char* buf, std::size_t n) override {
    const std::size_t got = std::fread(buf, 1, n, f_.get());
    if (got == 0 && std::ferror(f_.get())) return Fail(Unreadable(path_));
    return got;
  }

 private:
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f_;
  std::string path_;
};

class MemoryReader final : public ByteReader {
 public:
  explicit MemoryReader(std::string_view bytes) : bytes_(bytes) {}
  Result<std::size_t> Read(char* buf, std::size_t n) override {
    const std::size_t got = std::min(n, bytes_.size());
    std::copy_n(bytes_.begin(), got, buf);
    bytes_.remove_prefix(got);
    return got;
  }

 private:
  std::string_view bytes_;
};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

//! CSV rows from chunks: bytes → (GB18030 → UTF-8 when not UTF-8) → libcsv, which keeps a
//! field or record cut by a chunk boundary until the next chunk completes it.
class CsvStream final : public TableStream {
 public:
  CsvStream(std::unique_ptr<ByteReader> in, bool utf8, std::size_t chunk, Converter gb,
            const import_limits::Limits& limits)
      : in_(std::move(in)),
        utf8_(utf8),
        chunk_(std::max<std::size_t>(chunk, 1)),
        columns_(limits.columns),
        cell_bytes_(limits.cell_bytes),
        row_bytes_limit_(limits.row_bytes),
        gb_(std::move(gb)) {
    // CSV_REPALL_NL: libcsv reports every line end, so blank lines are counted and a row's
    // number is the one a spreadsheet shows (libcsv otherwise skips them silently).
    csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
  }
  ~CsvStream() override { csv_free(&parser_); }

  Result<bool> Next(TableRow& row) override {
    while (ready_.empty() && !done_) ZJ_RETURN_IF_ERROR(Feed());
    if (ready_.empty()) return false;
    row = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }
  std::string encoding() const override { return utf8_ ? "UTF-8" : "GB18030"; }

 private:
  static void OnField(void* text, std::size_t length, void* data) {
    auto* self = static_cast<CsvStream*>(data);
    // libcsv cannot be stopped from a callback: past the bound, fields are dropped and Parse
    // refuses the record (a line of commas would otherwise cost 32 bytes a byte).
    if (self->current_.size() >= self->columns_) {
      if (self->wide_row_ == 0) self->wide_row_ = self->records_ + 1;
      return;
    }
    self->row_bytes_ += length;
    if (length > self->cell_bytes_ && self->long_row_ == 0) {
      self->long_row_ = self->records_ + 1;
      self->long_limit_ = "cell_bytes";
    }
    self->current_.emplace_back(static_cast<const char*>(text), length);
  }
  static void OnRow(int terminator, void* data) {
    auto* self = static_cast<CsvStream*>(data);
    // The LF of a CRLF comes as a line end of its own, right after the CR's.
    const bool crlf = terminator == CSV_LF && self->last_terminator_ == CSV_CR;
    self->last_terminator_ = terminator;
    if (crlf && self->current_.empty()) return;
    ++self->records_;
    if (self->current_.empty()) return;  // a blank line: counted, not handed out
    if (self->row_bytes_ > self->row_bytes_limit_ && self->long_row_ == 0) {
      self->long_row_ = self->records_;
      self->long_limit_ = "row_bytes";
    }
    self->row_bytes_ = 0;
    self->ready_.push_back(TableRow{self->records_, std::move(self->current_)});
    self->current_.clear();
  }

  Error Malformed() const {
    const std::string row = std::to_string(records_ + 1);
    return Error{ErrorCode::kInvalidArgument,
                 "error.import.csv",
                 "malformed CSV at row " + row,
                 {},
                 {{"row", row}}};
  }

  Result<void> Parse(std::string_view text) {
    if (csv_parse(&parser_, text.data(), text.size(), OnField, OnRow, this) != text.size()) {
      return Fail(Malformed());
    }
    // libcsv holds the field it has not finished (entry_pos bytes): one endless quoted field
    // is refused once it passes the bounds, not after the whole file is in memory.
    if (long_row_ == 0 && parser_.entry_pos > cell_bytes_) {
      long_row_ = records_ + 1;
      long_limit_ = "cell_bytes";
    } else if (long_row_ == 0 && row_bytes_ + parser_.entry_pos > row_bytes_limit_) {
      long_row_ = records_ + 1;
      long_limit_ = "row_bytes";
    }
    return TooWide();
  }

  Result<void> TooWide() const {
    if (long_row_ != 0) {
      const std::size_t max = long_limit_ == "cell_bytes" ? cell_bytes_ : row_bytes_limit_;
      return Fail(import_limits::Exceeded(long_limit_, max).With("row", std::to_string(long_row_)));
    }
    if (wide_row_ == 0) return {};
    return Fail(
        import_limits::Exceeded("columns", columns_).With("row", std::to_string(wide_row_)));
  }

  Result<void> Feed() {
    buffer_.resize(chunk_);
    ZJ_ASSIGN_OR_RETURN(const std::size_t n, in_->Read(buffer_.data(), chunk_));
    std::string_view bytes(buffer_.data(), n);
    const bool end = n == 0;
    if (utf8_) {
      if (!bom_checked_) {
        // The BOM may be cut by a (tiny) chunk: hold the first bytes until three are seen.
        head_.append(bytes);
        if (head_.size() < kUtf8Bom.size() && !end) return {};
        bom_checked_ = true;
        std::string_view head(head_);
        if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
        ZJ_RETURN_IF_ERROR(Parse(head));
        head_.clear();
      } else {
        ZJ_RETURN_IF_ERROR(Parse(bytes));
      }
    } else {
      if (!ToUtf16(gb_.get(), bytes, end, utf16_)) {
        return Fail(ErrorCode::kInvalidArgument, "error.import.encoding", "neither UTF-8 nor GBK");
      }
      std::u16string_view u(utf16_);
      if (!bom_checked_ && !u.empty()) {
        bom_checked_ = true;
        if (u.front() == u'\uFEFF') u.remove_prefix(1);
      }
      utf8_out_.resize(u.size() * 3 + 1);
      UErrorCode status = U_ZERO_ERROR;
      int32_t len = 0;
      u_strToUTF8(utf8_out_.data(), static_cast<int32_t>(utf8_out_.size()), &len, u.data(),
                  static_cast<int32_t>(u.size()), &status);
      if (U_FAILURE(status)) return Fail(ErrorCode::kInternal, "error.internal", "UTF-16 to UTF-8");
      ZJ_RETURN_IF_ERROR(Parse(std::string_view(utf8_out_.data(), static_cast<std::size_t>(len))));
    }
    if (end) {
      done_ = true;
      if (csv_fini(&parser_, OnField, OnRow, this) != 0) return Fail(Malformed());
      ZJ_RETURN_IF_ERROR(TooWide());
    }
    return {};
  }

  std::unique_ptr<ByteReader> in_;
  bool utf8_;
  std::size_t chunk_;
  std::size_t columns_;          //!< fields a record may have
  std::size_t cell_bytes_;       //!< bytes a field may have
  std::size_t row_bytes_limit_;  //!< bytes a record's fields may have together
  Converter gb_;
  csv_parser parser_{};
  std::deque<TableRow> ready_;
  std::vector<std::string> current_;
  std::int64_t records_ = 0;
  int last_terminator_ = 0;
  std::size_t row_bytes_ = 0;    //!< the fields of the record being read so far
  std::int64_t long_row_ = 0;    //!< the first record over cell_bytes or row_bytes
  std::string_view long_limit_;  //!< which of the two
  std::int64_t wide_row_ = 0;    //!< the first record with more than kMaxColumns fields
  bool done_ = false;
  bool bom_checked_ = false;
  std::string head_;
  std::string buffer_;
  std::u16string utf16_;
  std::string utf8_out_;
};

//! SHA-256 and UTF-8 validity, fed chunk by chunk.
class FactsBuilder {
 public:
  FactsBuilder() : utf8_(nullptr, ucnv_close) {
    crypto_hash_sha256_init(&sha_);
    if (auto conv = OpenStrictConverter("UTF-8")) utf8_ = std::move(*conv);
  }
  void Add(std::string_view bytes) {
    if (head_.size() < 4) head_.append(bytes.substr(0, 4 - head_.size()));
    facts_.size += static_cast<std::int64_t>(bytes.size());
    crypto_hash_sha256_update(&sha_, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
    if (valid_ && utf8_) valid_ = ToUtf16(utf8_.get(), bytes, false, scratch_);
  }
  FileFacts Finish() {
    if (valid_ && utf8_) valid_ = ToUtf16(utf8_.get(), {}, true, scratch_);
    facts_.utf8 = valid_ && utf8_ != nullptr;
    facts_.zip = head_ == std::string_view("PK\x03\x04", 4);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&sha_, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    facts_.sha256 = hex;
    return facts_;
  }

 private:
  crypto_hash_sha256_state sha_{};
  Converter utf8_;
  bool valid_ = true;
  std::string head_;
  std::u16string scratch_;
  FileFacts facts_;
};

Result<std::unique_ptr<TableStream>> OpenCsv(std::unique_ptr<ByteReader> in, bool utf8,
                                             const TableStreamOptions& options) {
  Converter gb(nullptr, ucnv_close);
  if (!utf8) {
    ZJ_ASSIGN_OR_RETURN(gb, OpenStrictConverter("GB18030"));
  }
  return std::make_unique<CsvStream>(std::move(in), utf8, options.chunk, std::move(gb),
                                     options.limits);
}

}  // namespace

Result<FileFacts> ExamineFile(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) return Fail(Unreadable(path));
  FactsBuilder facts;
  std::string buffer(1 << 20, '\0');
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), f.get());
    if (n == 0) {
      if (std::ferror(f.get())) return Fail(Unreadable(path));
      break;
    }
    facts.Add(std::string_view(buffer.data(), n));
  }
  return facts.Finish();
}

FileFacts ExamineBytes(std::string_view bytes) {
  FactsBuilder facts;
  facts.Add(bytes);
  return facts.Finish();
}

Result<std::unique_ptr<TableStream>> OpenTableFile(const std::string& path, const FileFacts& facts,
                                                   const TableStreamOptions& options) {
  if (facts.zip) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_file_create(path.c_str(), 0, -1, &error);
    zip_error_fini(&error);
    if (source == nullptr) return Fail(Unreadable(path));
    return OpenXlsxStream(source, options);
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Fail(Unreadable(path));
  return OpenCsv(std::make_unique<FileReader>(f, path), facts.utf8, options);
}

Result<std::unique_ptr<TableStream>> OpenTableBytes(std::string_view bytes,
                                                    const TableStreamOptions& options) {
  const FileFacts facts = ExamineBytes(bytes);
  if (facts.zip) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_error_fini(&error);
    if (source == nullptr) return Fail(ErrorCode::kInternal, "error.internal", "zip source");
    return OpenXlsxStream(source, options);
  }
  return OpenCsv(std::make_unique<MemoryReader>(bytes), facts.utf8, options);
}

}  // namespace zj::app

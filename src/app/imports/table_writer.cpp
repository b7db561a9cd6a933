#include "app/imports/table_writer.h"

#include <csv.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>

namespace zj::app {

namespace {

Error Unwritable(const std::string& path, const std::string& why) {
  return Error{ErrorCode::kInvalidArgument,
               "error.export.unwritable",
               path + ": " + why,
               {},
               {{"file", path}}};
}

//! [+-]digits[.digits]: a number a spreadsheet reads as one.
bool IsSignedNumber(std::string_view cell) {
  std::size_t i = 1;  // past the sign
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (i < cell.size() && cell[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  return i == cell.size();
}

//! Whether a spreadsheet would take `cell` for a formula (see CsvSafeCell).
bool RunsAsFormula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '+':
    case '-':
      return !IsSignedNumber(cell);
    default:
      return false;
  }
}

class CsvWriter final : public TableWriter {
 public:
  CsvWriter(std::FILE* f, std::string path) : f_(f), path_(std::move(path)) {}
  ~CsvWriter() override {
    if (f_ != nullptr) std::fclose(f_);
  }
  Result<void> Add(const std::vector<std::string>& cells) override {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0 && std::fputc(',', f_) == EOF) return Fail(Unwritable(path_, "write"));
      const std::string& cell = cells[i];
      const std::string escaped = RunsAsFormula(cell) ? CsvSafeCell(cell) : std::string();
      const std::string& out = escaped.empty() ? cell : escaped;
      if (csv_fwrite(f_, out.data(), out.size()) != 0) {
        return Fail(Unwritable(path_, "write"));
      }
    }
    if (std::fputs("\r\n", f_) == EOF) return Fail(Unwritable(path_, "write"));
    return {};
  }
  Result<void> Close() override {
    std::FILE* f = std::exchange(f_, nullptr);
    if (f == nullptr || std::fclose(f) != 0) return Fail(Unwritable(path_, "close"));
    return {};
  }

 private:
  std::FILE* f_;
  std::string path_;
};

class XlsxWriter final : public TableWriter {
 public:
  XlsxWriter(lxw_workbook* book, std::string path, const TableWriterOptions& options)
      : book_(book), path_(std::move(path)), options_(options) {
    sheet_ = workbook_add_worksheet(book_, options_.sheet_name.c_str());
    text_ = workbook_add_format(book_);
    format_set_num_format(text_, "@");
    header_ = workbook_add_format(book_);
    format_set_num_format(header_, "@");
    format_set_bold(header_);
    if (!options_.notes_sheet_name.empty()) {
      notes_ = workbook_add_worksheet(book_, options_.notes_sheet_name.c_str());
    }
  }
  ~XlsxWriter() override {
    if (book_ != nullptr) workbook_close(book_);
  }
  Result<void> Add(const std::vector<std::string>& cells) override {
    if (row_ == 0) {
      // Text format for every column of the header's width, so rows typed in later keep IDs.
      worksheet_set_column(
          sheet_, 0, static_cast<lxw_col_t>(std::max<std::size_t>(cells.size(), 1) - 1), 18, text_);
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const lxw_error e = worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(c),
                                                 cells[c].c_str(), row_ == 0 ? header_ : text_);
      if (e != LXW_NO_ERROR) return Fail(Unwritable(path_, lxw_strerror(e)));
    }
    ++row_;
    return {};
  }
  Result<void> Close() override {
    if (notes_ != nullptr) {
      lxw_row_t r = 0;
      for (const auto& [column, note] : options_.notes) {
        worksheet_write_string(notes_, r, 0, column.c_str(), header_);
        worksheet_write_string(notes_, r, 1, note.c_str(), nullptr);
        ++r;
      }
      worksheet_set_column(notes_, 0, 0, 20, nullptr);
      worksheet_set_column(notes_, 1, 1, 80, nullptr);
    }
    lxw_workbook* book = std::exchange(book_, nullptr);
    if (book == nullptr) return Fail(Unwritable(path_, "closed twice"));
    const lxw_error e = workbook_close(book);
    if (e != LXW_NO_ERROR) return Fail(Unwritable(path_, lxw_strerror(e)));
    return {};
  }

 private:
  lxw_workbook* book_;
  std::string path_;
  TableWriterOptions options_;
  lxw_worksheet* sheet_ = nullptr;
  lxw_worksheet* notes_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_row_t row_ = 0;
};

}  // namespace

std::string CsvSafeCell(std::string_view cell) {
  if (!RunsAsFormula(cell)) return std::string(cell);
  std::string out;
  out.reserve(cell.size() + 1);
  out += '\'';
  out += cell;
  return out;
}

bool IsXlsxPath(const std::string& path) {
  if (path.size() < 5) return false;
  std::string tail = path.substr(path.size() - 5);
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".xlsx";
}

Result<std::unique_ptr<TableWriter>> OpenTableWriter(const std::string& path,
                                                     const TableWriterOptions& options) {
  if (IsXlsxPath(path)) {
    // Constant memory: rows go to a temporary file as written, whatever their number. With
    // notes, the notes sheet is written at Close, after the rows (allowed in this mode).
    lxw_workbook_options o{};
    o.constant_memory = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &o);
    if (book == nullptr) return Fail(Unwritable(path, "workbook_new"));
    return std::make_unique<XlsxWriter>(book, path, options);
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return Fail(Unwritable(path, "open"));
  if (std::fputs("\xEF\xBB\xBF", f) == EOF) {
    std::fclose(f);
    return Fail(Unwritable(path, "write"));
  }
  return std::make_unique<CsvWriter>(f, path);
}

}  // namespace zj::app

// The bounds of app/imports/import_limits.h: zip bombs, declared sizes, columns, rows, shared
// strings, XML tokens, each refused with its own message key. The workbooks are written with
// libzip (workbook_builder.h).
#include <gtest/gtest.h>
#include <zip.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>

#include "app/imports/import_limits.h"
#include "app/imports/table_file.h"
#include "app/imports/table_stream.h"
#include "workbook_builder.h"

namespace zj::app {
namespace {

namespace limits = import_limits;
using namespace testing_workbooks;

std::string SheetBook(const std::string& rows, const std::string& shared_strings = "") {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml", kWorkbookXml},
      {"xl/_rels/workbook.xml.rels", kRels},
      {"xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + rows + "</sheetData></worksheet>"}};
  if (!shared_strings.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_strings);
  return Book(parts);
}

//! The error of reading every row, or nullopt when all rows read.
std::optional<Error> ReadError(std::string_view bytes, const limits::Limits& bounds = {}) {
  auto stream = OpenTableBytes(bytes, {"", std::size_t{64} * 1024, bounds});
  if (!stream) return stream.error();
  TableRow row;
  for (;;) {
    auto more = (*stream)->Next(row);
    if (!more) return more.error();
    if (!*more) return std::nullopt;
  }
}

std::string Arg(const Error& e, const std::string& name) {
  for (const auto& [k, v] : e.args) {
    if (k == name) return v;
  }
  return {};
}

//! One field of /proc/self/status in kB (VmRSS, VmHWM).
[[maybe_unused]] long StatusKb(const std::string& field) {  // unused under ASan
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(field + ":")) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

//! How far the peak resident memory rose above the resident memory while `f` ran, in kB:
//! the kernel's high-water mark is reset first (clear_refs 5, Linux ≥ 4.0); nullopt where it
//! cannot be, and under AddressSanitizer, whose quarantine keeps every freed block resident.
std::optional<long> PeakGrowthKb(const std::function<void()>& f) {
#if defined(__SANITIZE_ADDRESS__)
  f();
  return std::nullopt;
#else
  {
    std::ofstream reset("/proc/self/clear_refs");
    reset << "5";
    if (!reset.flush()) return std::nullopt;
  }
  const long before = StatusKb("VmRSS");
  if (before < 0 || StatusKb("VmHWM") > before + 1024) return std::nullopt;
  f();
  return StatusKb("VmHWM") - before;
#endif
}

constexpr int kMiB = 1 << 20;

TEST(XlsxLimits, RefusesAOneMebibyteSheetThatInflatesToAGibibyteWithinASecondInAFewMebibytes) {
  // 1 GiB of blanks between the rows: character data XML allows, inflating 1,000:1.
  RawMember sheet = Repeated(
      "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>姓名</t>"
      "</is></c></row>",
      std::string(kMiB, ' '), 1024, "</sheetData></worksheet>");
  ASSERT_GT(sheet.size, std::uint64_t{1} << 30);
  const std::string book =
      Book({{"xl/workbook.xml", kWorkbookXml}, {"xl/_rels/workbook.xml.rels", kRels}},
           {{"xl/worksheets/sheet1.xml", std::move(sheet)}});
  ASSERT_LT(book.size(), 1.1 * kMiB);

  std::optional<Error> error;
  const auto started = std::chrono::steady_clock::now();
  const auto growth = PeakGrowthKb([&] { error = ReadError(book); });
  const auto took = std::chrono::steady_clock::now() - started;

  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.ratio");
  EXPECT_EQ(Arg(*error, "max"), std::to_string(limits::kMaxInflateRatio));
  EXPECT_EQ(Arg(*error, "part"), "xl/worksheets/sheet1.xml");
  EXPECT_LT(took, std::chrono::seconds(1));
  if (growth) {
    EXPECT_LT(*growth, 8 * 1024) << "kB above the resident memory";
  }
}

TEST(XlsxLimits, RefusesASharedStringBombBeforeAnyRowIsRead) {
  std::string si;
  while (si.size() < kMiB) si += "<si><t>x</t></si>";
  RawMember strings = Repeated("<sst>", si, 1024, "</sst>");
  const std::string book =
      Book({{"xl/workbook.xml", kWorkbookXml},
            {"xl/_rels/workbook.xml.rels", kRels},
            {"xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>"}},
           {{"xl/sharedStrings.xml", std::move(strings)}});
  std::optional<Error> error;
  const auto growth = PeakGrowthKb([&] { error = ReadError(book); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.ratio");
  EXPECT_EQ(Arg(*error, "part"), "xl/sharedStrings.xml");
  if (growth) {
    EXPECT_LT(*growth, 8 * 1024) << "kB above the resident memory";
  }
}

TEST(XlsxLimits, AllocatesNothingFromTheSizeAMemberDeclares) {
  // workbook.xml declares 3 GiB but holds 200 bytes: read in chunks, then refused for the
  // size that does not match (the old reader allocated and zeroed the 3 GiB first).
  RawMember workbook = Repeated(kWorkbookXml, "", 0, "");
  workbook.size = std::uint64_t{3} << 30;
  const std::string book =
      Book({{"xl/_rels/workbook.xml.rels", kRels}, {"xl/worksheets/sheet1.xml", "<worksheet/>"}},
           {{"xl/workbook.xml", std::move(workbook)}});
  std::optional<Error> error;
  const auto growth = PeakGrowthKb([&] { error = ReadError(book); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.xlsx");
  if (growth) {
    EXPECT_LT(*growth, 8 * 1024) << "kB above the resident memory";
  }
}

TEST(XlsxLimits, RefusesAMemberWhoseCrcDoesNotMatch) {
  RawMember sheet = Repeated("<worksheet><sheetData/></worksheet>", "", 0, "");
  sheet.crc ^= 1;
  const std::string book =
      Book({{"xl/workbook.xml", kWorkbookXml}, {"xl/_rels/workbook.xml.rels", kRels}},
           {{"xl/worksheets/sheet1.xml", std::move(sheet)}});
  const auto error = ReadError(book);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.xlsx");
}

TEST(XlsxLimits, RefusesACellPastTheLastColumnInsteadOfPaddingTheRow) {
  for (const std::string ref : {"IW1", "XFD1", "ZZZZZZZZZZZZZZZZ1"}) {
    const auto error = ReadError(SheetBook("<row r=\"1\"><c r=\"" + ref + "\"><v>1</v></c></row>"));
    ASSERT_TRUE(error.has_value()) << ref;
    EXPECT_EQ(error->message_key, "error.import.limit.columns") << ref;
    EXPECT_EQ(Arg(*error, "max"), "256");
  }
  // IV is the last column there is.
  EXPECT_FALSE(ReadError(SheetBook("<row r=\"1\"><c r=\"IV1\"><v>1</v></c></row>")).has_value());
  // Cells without a reference count too.
  limits::Limits narrow;
  narrow.columns = 2;
  const auto error =
      ReadError(SheetBook("<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>"), narrow);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.columns");
}

TEST(XlsxLimits, RefusesARowPastExcelsLastAndMoreRowsThanTheBound) {
  auto error = ReadError(SheetBook("<row r=\"1048577\"><c><v>1</v></c></row>"));
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.rows");
  EXPECT_EQ(Arg(*error, "max"), "1048576");
  error = ReadError(SheetBook("<row r=\"99999999999999999999999\"/>"));
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.rows");

  limits::Limits three;
  three.rows = 3;
  EXPECT_FALSE(ReadError(SheetBook("<row/><row/><row/>"), three).has_value());
  error = ReadError(SheetBook("<row/><row/><row/><row/>"), three);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.rows");
  EXPECT_EQ(Arg(*error, "max"), "3");
}

TEST(XlsxLimits, RefusesACellAStringOrARowLongerThanItsBound) {
  limits::Limits bounds;
  bounds.cell_bytes = 10;
  bounds.row_bytes = 15;
  auto error =
      ReadError(SheetBook("<row><c t=\"inlineStr\"><is><t>01234567890</t></is></c></row>"), bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.cell_bytes");
  error = ReadError(SheetBook("<row/>", "<sst><si><t>01234567890</t></si></sst>"), bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.cell_bytes");
  // One shared string of 8 bytes copied into two cells: 16 bytes in the row.
  error = ReadError(SheetBook("<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>0</v></c></row>",
                              "<sst><si><t>01234567</t></si></sst>"),
                    bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.row_bytes");
}

TEST(XlsxLimits, RefusesMoreSharedStringsOrBytesThanTheBound) {
  limits::Limits bounds;
  bounds.shared_strings = 2;
  bounds.shared_string_bytes = 8;
  auto error = ReadError(SheetBook("<row/>", "<sst><si><t>a</t></si><si/><si/></sst>"), bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.shared_strings");
  error = ReadError(SheetBook("<row/>", "<sst><si><t>abcde</t></si><si><t>fghij</t></si></sst>"),
                    bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.shared_string_bytes");
}

TEST(XlsxLimits, RefusesAMemberOrAnArchiveThatInflatesPastItsBound) {
  const std::string rows(20000, ' ');
  limits::Limits bounds;
  bounds.member_bytes = 10000;
  auto error = ReadError(SheetBook(rows), bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.member_bytes");
  bounds = {};
  bounds.archive_bytes = 10000;
  error = ReadError(SheetBook(rows), bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.archive_bytes");
  bounds = {};
  bounds.part_bytes = 100;
  error = ReadError(SheetBook("<row/>"), bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.part_bytes");
  EXPECT_EQ(Arg(*error, "part"), "xl/workbook.xml");
}

TEST(XlsxLimits, RefusesATokenTheParserWouldBufferWholeAndAnyDocumentType) {
  limits::Limits bounds;
  bounds.xml_token_bytes = 4096;
  auto error = ReadError(SheetBook("<!--" + std::string(200000, 'x') + "-->"), bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.xml_token");
  // expat holds a run of text whole too, until the markup after it.
  error = ReadError(SheetBook(std::string(200000, ' ')), bounds);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.xml_token");
  bounds.xml_token_bytes = 300000;
  EXPECT_FALSE(ReadError(SheetBook(std::string(200000, ' ')), bounds).has_value());

  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row>"
      "</sheetData></worksheet>";
  error = ReadError(Book({{"xl/workbook.xml", kWorkbookXml},
                          {"xl/_rels/workbook.xml.rels", kRels},
                          {"xl/worksheets/sheet1.xml", laughs}}));
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.xlsx");
}

TEST(XlsxLimits, ReadsTheRowsOneAtATimeHoweverManyAChunkHolds) {
  std::string rows;
  for (int r = 1; r <= 2000; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c><v>1</v></c></row>";
  const std::string book = SheetBook(rows);  // the stream reads it in place: it must outlive it
  auto stream = OpenTableBytes(book, {"", std::size_t{1} << 20, {}});
  ASSERT_TRUE(stream.has_value());
  TableRow row;
  for (int r = 1; r <= 2000; ++r) {
    auto more = (*stream)->Next(row);
    ASSERT_TRUE(more.has_value() && *more);
    EXPECT_EQ(row.number, r);
  }
  auto more = (*stream)->Next(row);
  ASSERT_TRUE(more.has_value());
  EXPECT_FALSE(*more);
}

TEST(CsvLimits, RefusesARecordWithMoreFieldsThanTheColumnBound) {
  const std::string wide = "a\n" + std::string(300, ',') + "\n";
  auto stream = OpenTableBytes(wide, {});
  ASSERT_TRUE(stream.has_value());
  TableRow row;
  std::optional<Error> error;
  for (;;) {
    auto more = (*stream)->Next(row);
    if (!more) {
      error = more.error();
      break;
    }
    if (!*more) break;
  }
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_key, "error.import.limit.columns");
  EXPECT_EQ(Arg(*error, "row"), "2");

  auto whole = ParseCsvTable(wide);
  ASSERT_FALSE(whole.has_value());
  EXPECT_EQ(whole.error().message_key, "error.import.limit.columns");
  limits::Limits small;
  small.table_bytes = 100;
  whole = ParseCsvTable("a,b,c\n1,2,3\n4,5,6\n", small);
  ASSERT_FALSE(whole.has_value());
  EXPECT_EQ(whole.error().message_key, "error.import.limit.table_bytes");
}

//! The error that ends reading `bytes` as a stream, or nullopt when it reads to the end.
std::optional<Error> StreamError(const std::string& bytes, std::size_t chunk,
                                 const limits::Limits& bounds = {}) {
  auto stream = OpenTableBytes(bytes, {"", chunk, bounds});
  if (!stream) return stream.error();
  TableRow row;
  for (;;) {
    auto more = (*stream)->Next(row);
    if (!more) return more.error();
    if (!*more) return std::nullopt;
  }
}

TEST(CsvLimits, RefusesAnEndlessFieldOnceItPassesTheCellBoundNotAtTheEndOfTheFile) {
  // One quoted field that never ends (a CSV "bomb"): libcsv would hold all of it.
  const std::string endless = "a,b\n\n1,2\n\"" + std::string(limits::kMaxCellBytes * 4, 'x');
  for (const std::size_t chunk : {std::size_t{4096}, std::size_t{64} * 1024}) {
    auto error = StreamError(endless, chunk);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->message_key, "error.import.limit.cell_bytes");
    EXPECT_EQ(Arg(*error, "row"), "4");  // the blank line counts
  }
  limits::Limits small;
  small.row_bytes = 10;
  auto row = StreamError("a,b\n12345,678901\n", 4096, small);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->message_key, "error.import.limit.row_bytes");
  EXPECT_EQ(Arg(*row, "row"), "2");
  EXPECT_FALSE(StreamError("a,b\n12345,67890\n", 4096, small).has_value());
}

TEST(ParseXlsxTableLimits, AppliesTheStreamsBoundsAndItsOwn) {
  const std::string book = SheetBook(
      "<row><c t=\"inlineStr\"><is><t>a</t></is></c></row><row/>"
      "<row><c t=\"inlineStr\"><is><t>b</t></is></c></row>");
  auto table = ParseXlsxTable(book);
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->rows, (std::vector<std::vector<std::string>>{{"a"}, {"b"}}));
  limits::Limits small;
  small.table_bytes = 40;
  auto refused = ParseXlsxTable(book, small);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message_key, "error.import.limit.table_bytes");
  refused = ParseTable(SheetBook("<row><c r=\"XFD1\"><v>1</v></c></row>"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message_key, "error.import.limit.columns");
}

}  // namespace
}  // namespace zj::app

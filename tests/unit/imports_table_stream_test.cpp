#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/imports/header_search.h"
#include "app/imports/table_stream.h"
#include "core/imports/sheet_layout.h"
#include "core/members/roster_columns.h"

namespace zj::app {
namespace {

//! Every row of `bytes`, read with chunks of `chunk` bytes.
std::vector<TableRow> ReadAll(std::string_view bytes, std::size_t chunk = 64 * 1024,
                              const std::string& sheet = "") {
  auto stream = OpenTableBytes(bytes, {sheet, chunk});
  EXPECT_TRUE(stream.has_value()) << (stream ? "" : stream.error().detail);
  std::vector<TableRow> rows;
  if (!stream) return rows;
  TableRow row;
  for (;;) {
    auto more = (*stream)->Next(row);
    EXPECT_TRUE(more.has_value()) << (more ? "" : more.error().detail);
    if (!more || !*more) break;
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::vector<std::string>> Cells(const std::vector<TableRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows) out.push_back(r.cells);
  return out;
}

const std::vector<std::vector<std::string>> kExpected = {
    {"姓名", "身份证号"}, {"张三", "11010519491231002X"}, {"李, 四\n二", "a\"b"}};

TEST(CsvStream, ReadsUtf8WithAndWithoutBomAnyLineEndingAndQuotedCommasAndNewlines) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const std::string body =
        "姓名,身份证号" + eol + "张三,11010519491231002X" + eol + "\"李, 四\n二\",\"a\"\"b\"" + eol;
    for (const std::string bom : {"", "\xEF\xBB\xBF"}) {
      for (std::size_t chunk : {1u, 2u, 3u, 5u, 7u, 64u * 1024u}) {
        auto stream = OpenTableBytes(bom + body, {"", chunk});
        ASSERT_TRUE(stream.has_value());
        EXPECT_EQ((*stream)->encoding(), "UTF-8");
        EXPECT_EQ(Cells(ReadAll(bom + body, chunk)), kExpected) << "chunk " << chunk;
      }
    }
  }
}

TEST(CsvStream, NumbersRowsAsRecordsSoAQuotedNewlineDoesNotShiftThem) {
  const auto rows = ReadAll("a,b\n\"x\ny\",1\n,\nz,2\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].number, 2);
  EXPECT_EQ(rows[2].number, 3);  // the all-empty record is returned (the caller skips it)
  EXPECT_EQ(rows[3].number, 4);
}

TEST(CsvStream, CountsBlankLinesSoEachRowKeepsTheNumberASpreadsheetShows) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const std::string body = "a" + eol + eol + "b" + eol + eol + eol + "c" + eol;
    for (std::size_t chunk : {1u, 2u, 64u * 1024u}) {
      const auto rows = ReadAll(body, chunk);
      ASSERT_EQ(rows.size(), 3u) << "chunk " << chunk;
      EXPECT_EQ(rows[0].number, 1);
      EXPECT_EQ(rows[1].number, 3);
      EXPECT_EQ(rows[2].number, 6);
    }
  }
}

TEST(CsvStream, DecodesGbkAndGb18030EvenWhenAChunkEndsInsideACharacter) {
  // "姓名,身份证号\n张三,1\n" in GBK, and a GB18030 four-byte character (U+20000 𠀀).
  const std::string gbk = "\xD0\xD5\xC3\xFB,\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5\n\xD5\xC5\xC8\xFD,1\n";
  const std::string gb18030 = "a\n\x95\x32\x82\x36\n";
  for (std::size_t chunk : {1u, 2u, 3u, 64u * 1024u}) {
    auto stream = OpenTableBytes(gbk, {"", chunk});
    ASSERT_TRUE(stream.has_value());
    EXPECT_EQ((*stream)->encoding(), "GB18030");
    EXPECT_EQ(Cells(ReadAll(gbk, chunk)),
              (std::vector<std::vector<std::string>>{{"姓名", "身份证号"}, {"张三", "1"}}));
    EXPECT_EQ(Cells(ReadAll(gb18030, chunk)),
              (std::vector<std::vector<std::string>>{{"a"}, {"\xF0\xA0\x80\x80"}}));
  }
}

TEST(CsvStream, RefusesAnUnterminatedQuoteNamingTheRow) {
  auto stream = OpenTableBytes("a,b\n1,2\n\"open,3\n", {"", 4});
  ASSERT_TRUE(stream.has_value());
  TableRow row;
  Result<bool> more = true;
  while (more && *more) more = (*stream)->Next(row);
  ASSERT_FALSE(more.has_value());
  EXPECT_EQ(more.error().message_key, "error.import.csv");
}

TEST(CsvStream, RefusesBytesThatAreNeitherUtf8NorGb18030) {
  auto stream = OpenTableBytes("a\n\x81\x20\n", {"", 64});
  ASSERT_TRUE(stream.has_value());
  TableRow row;
  Result<bool> more = true;
  while (more && *more) more = (*stream)->Next(row);
  ASSERT_FALSE(more.has_value());
  EXPECT_EQ(more.error().message_key, "error.import.encoding");
}

TEST(ExamineBytes, GivesTheSha256AndTellsZipAndUtf8) {
  const FileFacts facts = ExamineBytes("abc");
  EXPECT_EQ(facts.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(facts.utf8);
  EXPECT_FALSE(facts.zip);
  EXPECT_FALSE(ExamineBytes("\xD5\xC5").utf8);
  EXPECT_TRUE(ExamineBytes(std::string_view("PK\x03\x04", 4)).zip);
}

//! A workbook written part by part with libzip, so the test controls the XML exactly.
std::string Workbook(const std::vector<std::pair<std::string, std::string>>& sheets,
                     const std::string& shared_strings) {
  const std::string path = testing::TempDir() + "/zj_stream_test.xlsx";
  std::remove(path.c_str());
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  std::vector<std::string> parts;  // must live until zip_close
  auto add = [&](const std::string& name, std::string text) {
    parts.push_back(std::move(text));
    zip_source_t* s = zip_source_buffer(z, parts.back().data(), parts.back().size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
  };
  parts.reserve(2 * sheets.size() + 4);
  std::string wb =
      "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets>";
  std::string rels = "<Relationships>";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    add("xl/worksheets/sheet" + n + ".xml", sheets[i].second);
  }
  add("xl/workbook.xml", wb + "</sheets></workbook>");
  add("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  if (!shared_strings.empty()) add("xl/sharedStrings.xml", shared_strings);
  zip_close(z);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

const std::string kSharedStrings =
    "<sst><si><t>姓名</t></si><si><t>身份证号</t></si>"
    "<si><r><t>张</t></r><r><t>三</t></r><rPh><t>ZHANG</t></rPh></si></sst>";
const std::string kSheet =
    "<worksheet><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>入会日期</t></is></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\"><v>1.10105194912E+17</v></c>"
    "<c r=\"D3\"><v>42210</v></c></row>"
    "</sheetData></worksheet>";

TEST(XlsxStream, ReadsSharedAndInlineStringsNumbersAndSerialDatesByCellReference) {
  const std::string book = Workbook({{"名册", kSheet}}, kSharedStrings);
  for (std::size_t chunk : {1u, 7u, 64u * 1024u}) {
    const auto rows = ReadAll(book, chunk);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"姓名", "身份证号", "入会日期"}));
    EXPECT_EQ(rows[1].number, 3);
    EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"张三", "1.10105194912E+17", "", "42210"}));
  }
}

TEST(XlsxStream, ReadsTheNamedSheetAndRefusesAnUnknownOne) {
  const std::string other =
      "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>x</t>"
      "</is></c></row></sheetData></worksheet>";
  const std::string book = Workbook({{"说明", other}, {"名册", kSheet}}, kSharedStrings);
  EXPECT_EQ(Cells(ReadAll(book)), (std::vector<std::vector<std::string>>{{"x"}}));
  EXPECT_EQ(ReadAll(book, 64, "名册").size(), 2u);
  auto missing = OpenTableBytes(book, {"没有", 64});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message_key, "error.import.sheet");
}

TEST(XlsxStream, RefusesAZipThatIsNotAWorkbook) {
  const std::string path = testing::TempDir() + "/zj_not_a_book.zip";
  std::remove(path.c_str());
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  zip_file_add(z, "a.txt", zip_source_buffer(z, "x", 1, 0), 0);
  zip_close(z);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto stream = OpenTableBytes(bytes.str(), {});
  ASSERT_FALSE(stream.has_value());
  EXPECT_EQ(stream.error().message_key, "error.import.xlsx");
}

TEST(FindHeader, TakesTheHeaderUnderATitleAndGivesTheRowsBelowFirstWithTheirNumbers) {
  const std::string csv =
      "XX有限公司工会会员花名册,,\r\n\r\n序号,姓名,身份证号\r\n填表说明：身份证号填18位,,\r\n"
      "1,张三,11010519491231002X\r\n";
  for (std::size_t chunk : {3u, 64u * 1024u}) {
    auto stream = OpenTableBytes(csv, {"", chunk});
    ASSERT_TRUE(stream.has_value());
    auto found = FindHeader(std::move(*stream), members::KnownRosterColumns);
    ASSERT_TRUE(found.has_value()) << found.error().detail;
    EXPECT_EQ(found->header.number, 3);
    EXPECT_EQ(found->header.cells, (std::vector<std::string>{"序号", "姓名", "身份证号"}));
    ASSERT_EQ(found->above.size(), 1u);
    EXPECT_EQ(found->above[0].cells[0], "XX有限公司工会会员花名册");
    TableRow row;
    ASSERT_TRUE(found->rows->Next(row).value_or(false));
    EXPECT_EQ(row.number, 4);  // the note: the caller skips it
    ASSERT_TRUE(found->rows->Next(row).value_or(false));
    EXPECT_EQ(row.number, 5);
    EXPECT_EQ(row.cells[1], "张三");
    EXPECT_FALSE(found->rows->Next(row).value_or(true));
  }
}

TEST(FindHeader, RefusesAFileOfBlankLines) {
  auto stream = OpenTableBytes("\r\n , \r\n", {});
  ASSERT_TRUE(stream.has_value());
  auto found = FindHeader(std::move(*stream), members::KnownRosterColumns);
  ASSERT_FALSE(found.has_value());
  EXPECT_EQ(found.error().message_key, "error.import.empty");
}

}  // namespace
}  // namespace zj::app

#include "app/imports/table_writer.h"
#include "app/members/roster_export.h"
#include "core/members/roster_columns.h"

namespace zj::app {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(TableWriter, WritesXlsxAndCsvThatTheStreamsReadBackAsText) {
  const std::vector<std::vector<std::string>> rows = {
      {"姓名", "身份证号", "错误说明"},
      {"张三", "11010519491231002X", "姓名：必填项"},
      {"李, \"四\"", "0012", ""}};
  for (const std::string ext : {".xlsx", ".csv"}) {
    const std::string path = testing::TempDir() + "/zj_writer_test" + ext;
    auto writer = OpenTableWriter(path, {"名册", "", {}});
    ASSERT_TRUE(writer.has_value());
    for (const auto& r : rows) ASSERT_TRUE((*writer)->Add(r).has_value());
    ASSERT_TRUE((*writer)->Close().has_value());
    const std::string bytes = Slurp(path);
    auto back = Cells(ReadAll(bytes));
    // xlsxwriter leaves empty cells out; the reader then has a shorter row.
    if (ext == ".xlsx") back[2].resize(3);
    EXPECT_EQ(back, rows) << ext;
  }
}

TEST(RosterTemplate, IsAHeaderEveryColumnOfWhichTheImportRecognisesAndAnExampleRowItSkips) {
  const std::string path = testing::TempDir() + "/zj_template_test.xlsx";
  ASSERT_TRUE(RosterExportService::WriteTemplate(path).has_value());
  const auto rows = ReadAll(Slurp(path));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(imports::KindOfRow(rows[1].cells), imports::RowKind::kExample);
  const auto header = members::ParseRosterHeader(rows[0].cells);
  EXPECT_TRUE(header.problems.empty());
  EXPECT_TRUE(header.header.unknown.empty());
  for (std::size_t c = 0; c < members::kRosterColumnCount; ++c) {
    EXPECT_TRUE(header.header.index[c].has_value()) << c;
  }
}

}  // namespace
}  // namespace zj::app

#include <gtest/gtest.h>

#include "app/coverage/founding_xlsx.h"
#include "app/imports/table_file.h"

namespace zj::app {
namespace {

TEST(DecodeText, KeepsUtf8AndDropsItsByteOrderMark) {
  std::string encoding;
  auto text = DecodeText("\xEF\xBB\xBF单位名称", encoding);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "单位名称");
  EXPECT_EQ(encoding, "UTF-8");
}

TEST(DecodeText, DecodesGbkThatIsNotUtf8) {
  std::string encoding;
  auto text = DecodeText("\xB5\xA5\xCE\xBB\xC3\xFB\xB3\xC6", encoding);  // 单位名称 in GBK
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "单位名称");
  EXPECT_EQ(encoding, "GB18030");
}

TEST(DecodeText, RefusesBytesThatAreNeitherUtf8NorGbk) {
  std::string encoding;
  auto text = DecodeText("\x81\x20", encoding);  // a GBK lead byte without a valid trail byte
  ASSERT_FALSE(text.has_value());
  EXPECT_EQ(text.error().message_key, "error.import.encoding");
}

// Found by fuzzing (tests/fuzz/fuzz_csv.cpp): the whole-file reader decided "UTF-8 or GB18030"
// differently from the streaming one, so one file read as two different tables.
TEST(DecodeText, DropsTheByteOrderMarkOfGb18030Too) {
  std::string encoding;
  // U+FEFF in GB18030, then 单位名称 in GBK: the mark must not stick to the first header cell.
  auto text = DecodeText("\x84\x31\x95\x33\xB5\xA5\xCE\xBB\xC3\xFB\xB3\xC6", encoding);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "单位名称");
  EXPECT_EQ(encoding, "GB18030");
}

TEST(DecodeText, TakesNothingButWellFormedUtf8AsUtf8) {
  // An overlong "/", a UTF-16 surrogate, a code point past U+10FFFF: not UTF-8, so GB18030
  // decides (and refuses what it cannot read) instead of passing them through.
  for (const std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    std::string encoding;
    auto text = DecodeText("a" + bad, encoding);
    EXPECT_TRUE(!text.has_value() || encoding == "GB18030") << encoding;
  }
  // A UTF-8 byte order mark before bytes that are not UTF-8 belongs to the GB18030 text, as
  // the streaming reader reads it (here it leaves a lead byte without its trail: refused).
  std::string encoding;
  auto text = DecodeText("\xEF\xBB\xBF\xB5\xA5", encoding);
  EXPECT_TRUE(!text.has_value() || (encoding == "GB18030" && *text != "单"));
}

TEST(ParseCsvTable, ReadsQuotedFieldsDoubledQuotesAndCrlf) {
  auto table = ParseCsvTable("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\nlast,\n");
  ASSERT_TRUE(table.has_value());
  ASSERT_EQ(table->rows.size(), 3u);  // the blank line is skipped, but counted
  EXPECT_EQ(table->row_numbers, (std::vector<std::int64_t>{1, 2, 4}));
  EXPECT_EQ(table->rows[1][0], "x, y");
  EXPECT_EQ(table->rows[1][1], "say \"hi\"");
  ASSERT_EQ(table->rows[2].size(), 2u);
  EXPECT_EQ(table->rows[2][1], "");
}

TEST(ParseCsvTable, NamesTheRowOfAnUnterminatedQuote) {
  auto table = ParseCsvTable("a,b\n1,2\n\"open,3\n");
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().message_key, "error.import.csv");
}

}  // namespace
}  // namespace zj::app

namespace zj::app {
namespace {

TEST(ParseXlsxTable, ReadsBackAWorkbookThatLibxlsxwriterWrote) {
  FoundingItem item;
  EnterpriseView& e = item.enterprise;
  e.row.name = "北京华信科技有限公司";
  e.row.uscc = "91440300708461136T";
  e.row.industry = "I";
  e.row.employees = 120;
  e.region_name = "东华门街道";
  item.district_name = "东城区";
  item.org_name = "东华门街道总工会";
  item.org_contact = "010-65120000";
  auto bytes = FoundingListWorkbook({item});
  ASSERT_TRUE(bytes.has_value());

  auto table = ParseTable(*bytes);

  ASSERT_TRUE(table.has_value()) << table.error().detail;
  EXPECT_EQ(table->encoding, "XLSX");
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->row_numbers, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(table->rows[0],
            (std::vector<std::string>{"序号", "单位名称", "统一社会信用代码", "行业", "职工人数",
                                      "所在区县", "所在街道", "负责工会", "联系方式"}));
  EXPECT_EQ(table->rows[1][1], "北京华信科技有限公司");
  EXPECT_EQ(table->rows[1][2], "91440300708461136T");
  EXPECT_EQ(table->rows[1][4], "120");
  EXPECT_EQ(table->rows[1][5], "东城区");
  EXPECT_EQ(table->rows[1][6], "东华门街道");
  EXPECT_EQ(table->rows[1][8], "010-65120000");
}

TEST(ParseXlsxTable, RefusesAZipThatIsNotAWorkbook) {
  auto table = ParseTable(std::string("PK\x03\x04") + " not really a zip");
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().message_key, "error.import.xlsx");
}

}  // namespace
}  // namespace zj::app

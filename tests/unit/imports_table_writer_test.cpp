// CSV cells a spreadsheet would run as formulas (OWASP CSV injection) are written as text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/imports/table_writer.h"

namespace zj::app {
namespace {

TEST(CsvSafeCell, EveryFormulaStartGetsALeadingQuote) {
  EXPECT_EQ(CsvSafeCell("=HYPERLINK(\"http://x\",\"点\")"), "'=HYPERLINK(\"http://x\",\"点\")");
  EXPECT_EQ(CsvSafeCell("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  EXPECT_EQ(CsvSafeCell("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
  EXPECT_EQ(CsvSafeCell("-2+3"), "'-2+3");
  EXPECT_EQ(CsvSafeCell("\t=1"), "'\t=1");
  EXPECT_EQ(CsvSafeCell("\r=1"), "'\r=1");
  EXPECT_EQ(CsvSafeCell("+86 138 0013 8000"), "'+86 138 0013 8000");
  EXPECT_EQ(CsvSafeCell("-"), "'-");
}

TEST(CsvSafeCell, PlainTextAndSignedNumbersStayAsTheyAre) {
  EXPECT_EQ(CsvSafeCell(""), "");
  EXPECT_EQ(CsvSafeCell("张三"), "张三");
  EXPECT_EQ(CsvSafeCell("110101199003077771"), "110101199003077771");
  EXPECT_EQ(CsvSafeCell("a=1"), "a=1");
  EXPECT_EQ(CsvSafeCell("+8613800138000"), "+8613800138000");
  EXPECT_EQ(CsvSafeCell("-12.5"), "-12.5");
  EXPECT_EQ(CsvSafeCell("-12."), "'-12.");
}

TEST(CsvWriter, WritesFormulaCellsAsTextInTheFile) {
  const auto path = std::filesystem::path(testing::TempDir()) / "zj_table_writer_test.csv";
  {
    auto writer = OpenTableWriter(path.string());
    ASSERT_TRUE(writer.has_value());
    ASSERT_TRUE((*writer)->Add({"姓名", "单位"}).has_value());
    ASSERT_TRUE((*writer)->Add({"=1+1", "@x"}).has_value());
    ASSERT_TRUE((*writer)->Close().has_value());
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(bytes.str(), "\xEF\xBB\xBF\"姓名\",\"单位\"\r\n\"'=1+1\",\"'@x\"\r\n");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace zj::app

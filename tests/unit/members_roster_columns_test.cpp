// Header rows of real roster templates: Chinese and English names in any order, synonyms,
// required marks and notes, 序号, unknown and duplicate columns, missing required ones.
#include <gtest/gtest.h>

#include "core/members/roster_columns.h"

namespace zj::members {
namespace {

TEST(RosterHeader, ChineseTemplateInAnyOrderWithSynonyms) {
  const auto parsed =
      ParseRosterHeader({"序号", "公民身份号码", " 姓名 ", "联系电话", "入会日期", "单位名称",
                         "统一社会信用代码", "民族", "是否农民工", "性别"});
  EXPECT_TRUE(parsed.problems.empty());
  EXPECT_EQ(parsed.header.Of(RosterColumn::kIdNumber), 1u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kName), 2u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kPhone), 3u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kJoinDate), 4u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kEmployer), 5u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kEmployerUscc), 6u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kEthnicity), 7u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kMigrantWorker), 8u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kGender), 9u);
  EXPECT_FALSE(parsed.header.Of(RosterColumn::kModelWorker).has_value());
  EXPECT_TRUE(parsed.header.unknown.empty());
}

TEST(RosterHeader, EnglishNamesMarksAndNotes) {
  const auto parsed = ParseRosterHeader(
      {"Name", "ID_Number", "*身份证号（必填）", "Phone", "join-date", "备注", "Mobile 2"});
  // "ID_Number" and "*身份证号（必填）" name the same column.
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_EQ(parsed.problems[0].message_key, "error.roster.duplicate_column");
  EXPECT_EQ(parsed.problems[0].column, 2u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kName), 0u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kIdNumber), 1u);
  EXPECT_EQ(parsed.header.Of(RosterColumn::kJoinDate), 4u);
  EXPECT_EQ(parsed.header.unknown, (std::vector<std::string>{"备注", "Mobile 2"}));
}

TEST(RosterHeader, MissingRequiredColumnsAreNamed) {
  const auto parsed = ParseRosterHeader({"性别", "手机号"});
  ASSERT_EQ(parsed.problems.size(), 2u);
  EXPECT_EQ(parsed.problems[0].message_key, "error.roster.missing_column");
  EXPECT_EQ(parsed.problems[0].column_name, "姓名");
  EXPECT_EQ(parsed.problems[1].column_name, "身份证号");
}

TEST(RosterHeader, CanonicalNamesForTemplates) {
  EXPECT_EQ(CanonicalName(RosterColumn::kEmployerUscc), "employer_uscc");
  EXPECT_EQ(ChineseName(RosterColumn::kJoinDate), "入会时间");
}

TEST(YesNo, AcceptsTheUsualSpellings) {
  for (const std::string_view yes : {"是", "Y", "y", "YES", "true", "1", " 是 ", "Ｙ"}) {
    EXPECT_EQ(ParseYesNo(yes), true) << yes;
  }
  for (const std::string_view no : {"否", "N", "no", "FALSE", "0"})
    EXPECT_EQ(ParseYesNo(no), false) << no;
  for (const std::string_view neither : {"", "  ", "maybe", "是的"}) {
    EXPECT_FALSE(ParseYesNo(neither).has_value()) << neither;
  }
}

}  // namespace
}  // namespace zj::members

// Finding the header under the title rows of real templates, and telling data rows from blank,
// note and total rows (core/imports/sheet_layout.h).
#include <gtest/gtest.h>

#include "core/imports/sheet_layout.h"
#include "core/members/roster_columns.h"

namespace zj::imports {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(PickHeaderRow, TakesTheRowNamingTheMostColumnsUnderATitleAndBlankRows) {
  const Rows rows = {{"XX有限公司工会会员花名册", "", "", ""},
                     {"", "", "", ""},
                     {"序号", "姓名", "身份证号", "手机号"},
                     {"填表说明：身份证号填18位", "", "", ""},
                     {"1", "张三", "11010519491231002X", "13812345678"}};
  EXPECT_EQ(PickHeaderRow(rows, members::KnownRosterColumns), 2u);
}

TEST(PickHeaderRow, TakesTheFirstOfEqualRowsAndTheFirstFilledRowWhenNoneNamesAColumn) {
  EXPECT_EQ(
      PickHeaderRow({{"姓名", "身份证号"}, {"姓名", "身份证号"}}, members::KnownRosterColumns), 0u);
  // No known column anywhere: the first row that is not blank, so the import can say which
  // required column is missing.
  EXPECT_EQ(
      PickHeaderRow({{"", " "}, {"名字", "号码"}, {"张三", "1"}}, members::KnownRosterColumns), 1u);
  EXPECT_FALSE(PickHeaderRow({{""}, {" ", "\u3000"}}, members::KnownRosterColumns).has_value());
  EXPECT_FALSE(PickHeaderRow({}, members::KnownRosterColumns).has_value());
}

TEST(PickHeaderRow, ATitleNamingAColumnLosesToTheHeaderNamingMore) {
  // A title that happens to be a column name ("单位" is a synonym of 工作单位) names one.
  const Rows rows = {{"单位"}, {"姓名", "身份证号", "工作单位"}};
  EXPECT_EQ(PickHeaderRow(rows, members::KnownRosterColumns), 1u);
}

TEST(KindOfRow, TellsBlankNoteTotalAndDataRows) {
  EXPECT_EQ(KindOfRow({}), RowKind::kBlank);
  EXPECT_EQ(KindOfRow({"", "  ", "\u3000"}), RowKind::kBlank);
  EXPECT_EQ(KindOfRow({"填表说明：1. 身份证号填18位；2. 手机号填11位", "", ""}), RowKind::kNote);
  EXPECT_EQ(KindOfRow({"", "注：带*为必填项"}), RowKind::kNote);
  EXPECT_EQ(KindOfRow({"说明: 入会时间填年月日"}), RowKind::kNote);
  EXPECT_EQ(KindOfRow({"合计", "", "120人"}), RowKind::kTotal);
  EXPECT_EQ(KindOfRow({"合 计：", "120"}), RowKind::kTotal);
  EXPECT_EQ(KindOfRow({"\u3000总计"}), RowKind::kTotal);
  EXPECT_EQ(KindOfRow({"1", "张三", "11010519491231002X"}), RowKind::kData);
}

TEST(KindOfRow, TheTemplatesExampleRowIsSkippedButANameIsNot) {
  EXPECT_EQ(KindOfRow({"示例", "张三", "11010519491231002X"}), RowKind::kExample);
  EXPECT_EQ(KindOfRow({"例：", "张三", "11010519491231002X"}), RowKind::kExample);
  EXPECT_EQ(KindOfRow({" 样例 ", "张三"}), RowKind::kExample);
  // Only the marker alone marks it: a name or a remark that begins so is a person's row.
  EXPECT_EQ(KindOfRow({"示例张三", "11010519491231002X"}), RowKind::kData);
  EXPECT_EQ(KindOfRow({"1", "示例", "11010519491231002X"}), RowKind::kData);
}

TEST(KindOfRow, ARowWithMoreThanTheNoteIsDataSoItsProblemsAreReported) {
  // A person whose row starts with a note marker is still a person (two cells filled).
  EXPECT_EQ(KindOfRow({"注明", "11010519491231002X"}), RowKind::kData);
  // A single name without its ID is a row to reject, not a note.
  EXPECT_EQ(KindOfRow({"", "张三", ""}), RowKind::kData);
}

}  // namespace
}  // namespace zj::imports

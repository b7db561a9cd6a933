// The rules of aid from a table (`zhijia aid load`, app/aid/aid_rules_table.h), on both stores:
// the sample file of docs/samples loads whole into the demo tree (rules, limits, budgets, each
// audited as the API's loads are), and a file with a bad row names the row and the column of
// every problem and loads nothing at all.
#include "app/aid/aid_rules_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "members_fixture.h"

namespace zj::test {
namespace {

class AidRulesTableTest : public MembersTest {
 protected:
  Result<app::AidRulesTableReport> Load(const app::Actor& actor, std::string_view csv) {
    auto table = app::ParseTable(csv);
    EXPECT_TRUE(table.has_value()) << Describe(table.error());
    if (!table) return Fail(std::move(table).error());
    return app::LoadAidRulesTable(*db_, clock_, app_->audit(), actor, *table);
  }

  std::int64_t Audited(const std::string& action) {
    static constexpr store::Sql kCount{"test.aid_table.audit_count",
                                       "SELECT COUNT(*) FROM audit_log WHERE action = $1"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kCount, Params(action));
    EXPECT_TRUE(rows.has_value());
    return rows ? rows->front().Int(0) : -1;
  }

  //! Rules, limits and budgets the administrator sees.
  std::array<std::size_t, 3> Counts() {
    auto rules = app_->aid_rules().Rules(admin_);
    auto limits = app_->aid_rules().Limits(admin_);
    auto budgets = app_->aid_rules().Budgets(admin_);
    EXPECT_TRUE(rules && limits && budgets);
    if (!rules || !limits || !budgets) return {};
    return {rules->size(), limits->size(), budgets->size()};
  }
};

TEST_P(AidRulesTableTest, TheSampleFileLoadsWholeAndAgainReplacesItsRows) {
  auto report = Load(admin_, app::EmbeddedAidRulesSample());
  ASSERT_OK(report);
  EXPECT_TRUE(report->problems.empty())
      << report->problems.front().row << " " << report->problems.front().column << " "
      << report->problems.front().message_key;
  EXPECT_TRUE(report->loaded);
  EXPECT_EQ(report->failed_rows, 0);
  // Ten rules for each of 2025 and 2026, four levels for each of five kinds, and five kinds
  // for each of sixteen districts and two years.
  EXPECT_EQ(report->rules, 20);
  EXPECT_EQ(report->limits, 20);
  EXPECT_EQ(report->budgets, 160);
  EXPECT_EQ(report->rows, 200);
  EXPECT_EQ(Counts(), (std::array<std::size_t, 3>{20, 20, 160}));
  EXPECT_EQ(Audited("aid.rule.load"), 20);
  EXPECT_EQ(Audited("aid.budget.load"), 160);

  // What a rule row says arrives as the API would store it (yuan to fen, the cap kept).
  auto rules = app_->aid_rules().Rules(admin_);
  ASSERT_OK(rules);
  const auto medical = std::find_if(rules->begin(), rules->end(), [](const auto& r) {
    return r.year == 2026 && r.kind == "medical" && r.level == "relative";
  });
  ASSERT_NE(medical, rules->end());
  EXPECT_EQ(medical->share_pct, 80);
  EXPECT_EQ(medical->cap_fen, std::optional<std::int64_t>(1'600'000));

  // Loading it again replaces: nothing doubles.
  report = Load(admin_, app::EmbeddedAidRulesSample());
  ASSERT_OK(report);
  EXPECT_TRUE(report->loaded);
  EXPECT_EQ(Counts(), (std::array<std::size_t, 3>{20, 20, 160}));
}

TEST_P(AidRulesTableTest, ABadAmountInRowSevenNamesItsRowAndColumnAndNothingIsLoaded) {
  // Chinese headers, in another order; rows 2–6 are good, row 7's amount is not yuan, row 9
  // names an org that does not exist and row 10 a limit above what the API takes.
  const std::string csv =
      "表,组织代码,帮扶类别,年度,困难类别,计算方式,月数,金额（元）,比例（%）,封顶（元）,"
      "计发单位,审批层级,说明\r\n"
      "rule,110000,living,2026,deep,months_of_dibao,10,,,,household,,样例\r\n"
      "帮扶标准,110000,festival,2026,deep,fixed,,800,,,,,样例\r\n"
      "limit,110000,living,,,,,\"2,000\",,,,grassroots,样例\r\n"
      "预算,110101,living,2026,,,,600000,,,,,样例\r\n"
      "budget,110102,living,2026,,,,600000.50,,,,,样例\r\n"
      "budget,110105,living,2026,,,,六十万,,,,,样例\r\n"
      "\r\n"
      "budget,999999,living,2026,,,,1000,,,,,样例\r\n"
      "limit,110000,living,,,,,200000000,,,,street,样例\r\n";
  auto report = Load(admin_, csv);
  ASSERT_OK(report);
  EXPECT_FALSE(report->loaded);
  EXPECT_EQ(report->rows, 8);  // the blank row 8 is no row
  EXPECT_EQ(report->failed_rows, 3);
  std::vector<std::string> problems;
  for (const auto& p : report->problems) {
    problems.push_back(std::to_string(p.row) + "/" + p.column + "/" + p.message_key);
  }
  EXPECT_THAT(problems, ::testing::ElementsAre("7/金额（元）/error.aid.yuan",
                                               "9/组织代码/error.org.not_found",
                                               "10/金额（元）/error.hardship.amount"));
  // Nothing half-loaded: not the good rows before row 7, nor their audit entries.
  EXPECT_EQ(report->rules + report->limits + report->budgets, 0);
  EXPECT_EQ(Counts(), (std::array<std::size_t, 3>{0, 0, 0}));
  EXPECT_EQ(Audited("aid.rule.load") + Audited("aid.limit.load") + Audited("aid.budget.load"), 0);

  // The same file fixed loads whole.
  std::string fixed = csv;
  fixed.replace(fixed.find("六十万"), std::string("六十万").size(), "600000");
  fixed.replace(fixed.find("999999"), 6, "110106");
  fixed.replace(fixed.find("200000000"), 9, "10000");
  report = Load(admin_, fixed);
  ASSERT_OK(report);
  EXPECT_TRUE(report->loaded);
  EXPECT_EQ(Counts(), (std::array<std::size_t, 3>{2, 2, 4}));
}

// A finance office's file: Chinese headers and the names the web shows, not the codes.
TEST_P(AidRulesTableTest, ChineseNamesInTheCodedColumnsLoadAsTheirCodes) {
  const std::string csv =
      "表,组织代码,年度,帮扶类别,困难类别,计算方式,月数,金额（元）,比例（%）,封顶（元）,计发单位,"
      "审批层级\n"
      "帮扶标准,110000,2026,生活救助,深度困难,低保月数,10,,,,每户,\n"
      "帮扶标准,110000,2026,助学,相对困难,定额,,3000,,,每名学生,\n"
      "帮扶标准,110000,2026,医疗救助,相对困难,费用比例,,,80,16000,每户,\n"
      "审批权限,110000,,生活救助,,,,5000,,,,街道\n"
      "预算,110000,2026,送温暖,,,,200000,,,,\n"
      "帮扶标准,110000,2026,住房补贴,深度困难,低保月数,10,,,,每户,\n";
  auto report = Load(admin_, csv);
  ASSERT_OK(report);
  // The last row's kind is no aid kind in either language: named by its Chinese header.
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0].row, 7);
  EXPECT_EQ(report->problems[0].column, "帮扶类别");
  EXPECT_EQ(report->problems[0].message_key, "error.aid.kind");
  EXPECT_FALSE(report->loaded);

  report = Load(admin_, csv.substr(0, csv.rfind("帮扶标准,110000,2026,住房补贴")));
  ASSERT_OK(report);
  EXPECT_TRUE(report->loaded);
  EXPECT_EQ(Counts(), (std::array<std::size_t, 3>{3, 1, 1}));
  auto rules = app_->aid_rules().Rules(admin_);
  ASSERT_OK(rules);
  std::vector<std::string> coded;
  for (const auto& r : *rules)
    coded.push_back(r.kind + "/" + r.level + "/" + r.rule + "/" + r.per_unit);
  EXPECT_THAT(coded, ::testing::UnorderedElementsAre("living/deep/months_of_dibao/household",
                                                     "schooling/relative/fixed/student",
                                                     "medical/relative/share_of_cost/household"));
  auto limits = app_->aid_rules().Limits(admin_);
  ASSERT_OK(limits);
  EXPECT_EQ(limits->front().org_level, "street");
  auto budgets = app_->aid_rules().Budgets(admin_);
  ASSERT_OK(budgets);
  EXPECT_EQ(budgets->front().kind, "festival");
}

TEST_P(AidRulesTableTest, RowsOfEveryKindAreCheckedAsTheApiChecksThem) {
  const std::string csv =
      "table,org_code,year,kind,level,rule,months,amount_yuan,share_pct,cap_yuan,per,org_level\n"
      "rules,110000,2026,living,deep,months_of_dibao,10,,,,,\n"
      "rule,110000,2026,housing,deep,months_of_dibao,10,,,,,\n"
      "rule,110000,2026,living,none,months_of_dibao,30,,,,,\n"
      "rule,110000,26,medical,relative,share_of_cost,,,180,0,,\n"
      "limit,110000,,living,,,,100,,,,county\n"
      "budget,,2026,living,,,,100,,,,\n";
  auto report = Load(admin_, csv);
  ASSERT_OK(report);
  EXPECT_FALSE(report->loaded);
  std::vector<std::string> problems;
  for (const auto& p : report->problems) {
    problems.push_back(std::to_string(p.row) + "/" + p.column + "/" + p.message_key);
  }
  EXPECT_THAT(problems,
              ::testing::UnorderedElementsAre(
                  "2/table/error.aid.table", "3/kind/error.aid.kind", "4/level/error.aid.level",
                  "4/months/error.aid.months", "5/year/error.standards.year",
                  "5/share_pct/error.aid.share", "5/cap_yuan/error.aid.rule_amount",
                  "6/org_level/error.aid.org_level", "7/org_code/error.field.required"));
  EXPECT_EQ(Counts(), (std::array<std::size_t, 3>{0, 0, 0}));
}

TEST_P(AidRulesTableTest, OnlyAnAdministratorLoadsAndTheKeyColumnsAreRequired) {
  auto staff = Load(staff_root_, app::EmbeddedAidRulesSample());
  ASSERT_FALSE(staff.has_value());
  EXPECT_EQ(staff.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(staff.error().message_key, "error.aid.rules_forbidden");

  auto missing = Load(admin_, "table,year,kind\nrule,2026,living\n");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message_key, "error.import.missing_column");
  EXPECT_EQ(Counts(), (std::array<std::size_t, 3>{0, 0, 0}));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(AidRulesTableTest);

}  // namespace
}  // namespace zj::test

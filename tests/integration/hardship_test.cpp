// Hardship files on both stores: standards loaded by an administrator (JSON and table, the
// table's bad rows named by row and column), a file opened from the registry or by hand and its
// level computed against the standard of its org's region and year (deep, relative, none; no
// standard → 422), the override audited, one open file per person across districts (409 that
// names the other file only inside the actor's subtree), 404 outside the subtree, masks in the
// list and the detail, reveals audited.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hardship_fixture.h"

namespace zj::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST_P(HardshipTest, ComputesDeepRelativeAndNoneAgainstTheRegionsStandard) {
  LoadStandard(region_a_, 2026, kDibao);
  // Two people, ¥1,450 each a month: exactly at the line.
  const auto deep = Open(cadre_a_, ByHand(union_a_, 101, 2, 12 * kDibao));
  EXPECT_EQ(deep.file.row.level_computed, "deep");
  EXPECT_EQ(deep.file.row.level_final, "deep");
  EXPECT_EQ(deep.file.row.per_head_monthly_fen, kDibao);
  EXPECT_EQ(deep.file.row.standard_dibao_fen, kDibao);
  EXPECT_EQ(deep.file.row.region_code, region_a_);  // the union's street has no standard
  EXPECT_EQ(deep.file.computed.explanation_key, "hardship.level.deep.why");
  // One fen a month above, and twice the line: relative.
  auto relative = ByHand(union_a_, 201, 1, 12 * (2 * kDibao));
  relative.expenses = {{"medical", 0}};
  EXPECT_EQ(Open(cadre_a_, relative).file.row.level_computed, "relative");
  // Above twice the line, with rigid expenses that do not bring it down enough: none.
  auto none = ByHand(union_a_, 301, 1, 12 * (2 * kDibao) + 12 * 100 + 12);
  none.expenses = {{"schooling", 12 * 100}};
  const auto opened = Open(cadre_a_, none);
  EXPECT_EQ(opened.file.row.level_computed, "none");
  EXPECT_EQ(opened.file.row.per_head_monthly_fen, 2 * kDibao + 1);
  ASSERT_EQ(opened.expenses.size(), 1u);
  EXPECT_EQ(opened.steps.at(0).step, "opened");
}

TEST_P(HardshipTest, NoStandardForTheRegionAndYearIsAClear422) {
  LoadStandard(region_a_, 2025, kDibao);  // another year only
  auto opened = app_->hardship().Open(cadre_a_, ByHand(union_a_, 101, 1, 0));
  ExpectError(opened, ErrorCode::kUnprocessable, "error.hardship.no_standard");
  ASSERT_FALSE(opened.has_value());
  EXPECT_THAT(Describe(opened.error()), HasSubstr("2026"));
}

TEST_P(HardshipTest, OpensFromARegistryMemberAsTheHouseholdsFirstPerson) {
  LoadStandard(region_a_, 2026, kDibao);
  const app::MemberView m = Create(staff_a_, Person(union_a_, "张晓林", 13));
  app::NewHardshipFile f;
  f.member_id = m.row.id;
  f.member_income_fen = 0;
  f.year = 2026;
  f.main_cause = "unemployment";
  const auto opened = Open(cadre_a_, f);
  EXPECT_EQ(opened.file.row.org_id, union_a_.id);
  EXPECT_EQ(opened.file.row.member_id, m.row.id);
  ASSERT_EQ(opened.household.size(), 1u);
  EXPECT_EQ(opened.household[0].relation, "self");
  EXPECT_EQ(opened.household[0].name_masked, "张**");
  EXPECT_EQ(opened.household[0].id_masked, m.id_masked);
  // The same person cannot be in a second open file, whether by member or by hand.
  ExpectError(app_->hardship().Open(cadre_a_, f), ErrorCode::kAlreadyExists,
              "error.hardship.already_open");
}

TEST_P(HardshipTest, OnePersonInOneOpenFileAcrossDistrictsNamedOnlyInsideTheSubtree) {
  LoadStandard(region_a_, 2026, kDibao);
  LoadStandard(region_b_, 2026, kDibao);
  const auto first = Open(cadre_a_, ByHand(union_a_, 101, 2, 0));
  // The child of the first household, entered by hand in district B.
  auto again = ByHand(union_b_, 555, 1, 0);
  again.household.push_back(
      {"child", "王小明", MakeIdNumber("110101", "19850612", 102), 0, std::nullopt});
  auto refused = app_->hardship().Open(staff_b_, again);
  ExpectError(refused, ErrorCode::kAlreadyExists, "error.hardship.already_open");
  ASSERT_FALSE(refused.has_value());
  ExpectFieldError(refused, "household[1].id_number", "error.hardship.already_open");
  EXPECT_TRUE(refused.error().args.empty());
  EXPECT_TRUE(refused.error().fields.at(0).args.empty());
  // Inside the subtree the other file is named.
  auto here = ByHand(union_a_, 102, 1, 0);
  auto named = app_->hardship().Open(staff_a_, here);
  ExpectFieldError(named, "household[0].id_number", "error.hardship.already_open_here");
  ASSERT_FALSE(named.has_value());
  const std::vector<std::pair<std::string, std::string>> args{
      {"hardship_file.id", std::to_string(first.file.row.id)}};
  EXPECT_EQ(named.error().args, args);
  EXPECT_EQ(named.error().fields.at(0).args.at(0).second, std::to_string(first.file.row.id));
  // Nothing of the refused file was kept: the person of B alone may open one now.
  EXPECT_TRUE(app_->hardship().Open(staff_b_, ByHand(union_b_, 555, 1, 0)).has_value());
}

TEST_P(HardshipTest, OutsideTheSubtreeAFileDoesNotExist) {
  LoadStandard(region_a_, 2026, kDibao);
  const auto file = Open(cadre_a_, ByHand(union_a_, 101, 1, 0));
  const std::int64_t id = file.file.row.id;
  ExpectError(app_->hardship().Get(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(app_->hardship().Override(staff_b_, id, "none", "复核后调整"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(app_->hardship().Reveal(staff_b_, id, file.household[0].id,
                                      app::HouseholdRevealField::kIdNumber, "核实身份"),
              ErrorCode::kNotFound, "error.not_found");
  auto page = app_->hardship().List(staff_b_, {});
  ASSERT_OK(page);
  EXPECT_TRUE(page->items.empty());
  // A union in B is outside A's subtree: opening there is 404 too.
  LoadStandard(region_b_, 2026, kDibao);
  ExpectError(app_->hardship().Open(cadre_a_, ByHand(union_b_, 701, 1, 0)), ErrorCode::kNotFound,
              "error.org.not_found");
  // Operators do not work with hardship files at all.
  ExpectError(app_->hardship().Get(operator_a_, id), ErrorCode::kPermissionDenied,
              "error.hardship.forbidden");
}

TEST_P(HardshipTest, ListAndDetailAreMaskedAndPageByCursor) {
  LoadStandard(region_a_, 2026, kDibao);
  const auto in = ByHand(union_a_, 101, 2, 0);
  Open(cadre_a_, in);
  Open(cadre_a_, ByHand(union_a_, 201, 1, 0));
  Open(cadre_a_, ByHand(union_a_, 301, 1, 0));
  app::HardshipFilter filter;
  filter.limit = 2;
  auto page = app_->hardship().List(staff_a_, filter);
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 2u);
  ASSERT_TRUE(page->next_cursor.has_value());
  filter.before_id = *page->next_cursor;
  auto rest = app_->hardship().List(staff_a_, filter);
  ASSERT_OK(rest);
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_FALSE(rest->next_cursor.has_value());
  const auto& oldest = rest->items[0];
  EXPECT_EQ(oldest.head_name_masked, "王**");
  EXPECT_EQ(oldest.head_id_masked, "110101********" + in.household[0].id_number.substr(14));
  auto detail = app_->hardship().Get(staff_a_, oldest.row.id);
  ASSERT_OK(detail);
  ASSERT_EQ(detail->household.size(), 2u);
  for (const auto& p : detail->household) {
    EXPECT_THAT(p.name_masked, Not(HasSubstr("秀英")));
    EXPECT_THAT(p.id_masked, HasSubstr("********"));
  }
}

TEST_P(HardshipTest, OverrideAndRevealAreAuditedWithTheirReasons) {
  LoadStandard(region_a_, 2026, kDibao);
  const auto in = ByHand(union_a_, 101, 1, 0);
  const auto file = Open(cadre_a_, in);
  const std::int64_t id = file.file.row.id;
  ExpectFieldError(app_->hardship().Override(cadre_a_, id, "rich", "x"), "level",
                   "error.hardship.level");
  auto changed = app_->hardship().Override(cadre_a_, id, "relative", "入户核查发现有租金收入");
  ASSERT_OK(changed);
  EXPECT_EQ(changed->file.row.level_computed, "deep");
  EXPECT_EQ(changed->file.row.level_final, "relative");
  EXPECT_EQ(changed->file.row.override_reason, "入户核查发现有租金收入");
  EXPECT_EQ(changed->steps.back().step, "overridden");

  ExpectFieldError(app_->hardship().Reveal(cadre_a_, id, file.household[0].id,
                                           app::HouseholdRevealField::kName, ""),
                   "reason", "error.personal_data.reason");
  auto number = app_->hardship().Reveal(cadre_a_, id, file.household[0].id,
                                        app::HouseholdRevealField::kIdNumber, "核实身份");
  ASSERT_OK(number);
  EXPECT_EQ(*number, in.household[0].id_number);
  auto name = app_->hardship().Reveal(cadre_a_, id, file.household[0].id,
                                      app::HouseholdRevealField::kName, "电话联系");
  ASSERT_OK(name);
  EXPECT_EQ(*name, "王秀英");

  app::AuditFilter filter;
  filter.action = "hardship.override";
  auto overrides = app_->audit().Search(staff_root_, filter);
  ASSERT_OK(overrides);
  ASSERT_EQ(overrides->entries.size(), 1u);
  EXPECT_THAT(overrides->entries[0].detail, HasSubstr("入户核查发现有租金收入"));
  filter.action = "personal_data.reveal";
  auto reveals = app_->audit().Search(staff_root_, filter);
  ASSERT_OK(reveals);
  ASSERT_EQ(reveals->entries.size(), 2u);
  EXPECT_EQ(reveals->entries[0].target_type, "hardship_file");
  for (const auto& e : reveals->entries) {
    EXPECT_THAT(e.detail, Not(HasSubstr(in.household[0].id_number)));
    EXPECT_THAT(e.detail, Not(HasSubstr("王秀英")));
  }
}

TEST_P(HardshipTest, OnlyAdministratorsLoadStandardsAndATableNamesBadRowsAndColumns) {
  app::StandardInput in{region_a_, 2026, kDibao, std::nullopt, std::nullopt, "样例"};
  ExpectError(app_->standards().Load(staff_root_, in), ErrorCode::kPermissionDenied,
              "error.standards.forbidden");
  app::Table table;
  table.encoding = "UTF-8";
  table.rows = {{"地区代码", "年度", "低保标准（元/月）", "来源"},
                {region_a_, "2026", "1,450", "样例"},
                {region_b_, "2026", "一千", "样例"},
                {"123", "1999", "1450", ""}};
  table.row_numbers = {1, 2, 3, 5};
  auto report = app_->standards().LoadTable(admin_, table);
  ASSERT_OK(report);
  EXPECT_EQ(report->created, 1);
  EXPECT_EQ(report->failed_rows, 2);
  std::vector<std::string> problems;
  for (const auto& p : report->problems) {
    problems.push_back(std::to_string(p.row) + "/" + p.column + "/" + p.message_key);
  }
  EXPECT_THAT(problems, ::testing::UnorderedElementsAre("3/低保标准（元/月）/error.standards.dibao",
                                                        "5/地区代码/error.region.unknown",
                                                        "5/年度/error.standards.year",
                                                        "5/来源/error.field.required"));
  auto all = app_->standards().List(cadre_a_);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->at(0).dibao_monthly_fen, kDibao);
  // Loading the region-year again replaces it.
  in.dibao_monthly_fen = kDibao + 5000;
  ASSERT_OK(app_->standards().Load(admin_, in));
  all = app_->standards().List(cadre_a_);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->at(0).dibao_monthly_fen, kDibao + 5000);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HardshipTest);

}  // namespace
}  // namespace zj::test

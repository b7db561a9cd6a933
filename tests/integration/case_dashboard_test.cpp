// The hardship and aid dashboard on both stores (issue 20): its figures follow every change
// that counts — a file opened, its level overridden, closed with a reason, aid approved and
// paid — for the file's org and every org above it and no other; a district sees its own and
// 404 for another's; a moved union takes its figures along; the households it shows are the
// open files the list shows (the counters against the rows they count).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aid_fixture.h"
#include "app/hardship/case_figures.h"

namespace zj::test {
namespace {

using ::testing::ElementsAre;
using ::testing::FieldsAre;
using ::testing::Pair;

class CaseDashboardTest : public AidTest {
 protected:
  app::CaseDashboardView Of(const app::Actor& actor, const OrgRef& org, int months = 12) {
    auto v = app_->case_dashboard().Of(actor, org.id, months);
    EXPECT_TRUE(v.has_value()) << Describe(v.error());
    return v ? *v : app::CaseDashboardView{};
  }
  static std::int64_t Living(const std::vector<app::AidKindFigures>& kinds,
                             std::int64_t app::AidKindFigures::*field) {
    for (const auto& k : kinds) {
      if (k.kind == "living") return k.*field;
    }
    return -1;
  }
  std::int64_t OpenFilesListed(const app::Actor& actor) {
    app::HardshipFilter open;
    open.status = "open";
    open.limit = 200;
    auto page = app_->hardship().List(actor, open);
    EXPECT_TRUE(page.has_value());
    return page ? static_cast<std::int64_t>(page->items.size()) : -1;
  }
};

TEST_P(CaseDashboardTest, TheFiguresFollowEveryChangeForTheFilesOrgAndThoseAboveIt) {
  const auto f1 = OpenFile(cadre_a_, union_a_, 101, 2);
  const auto f2 = OpenFile(cadre_a_, union_a_, 201);
  OpenFile(cadre_b_, union_b_, 301);

  auto a = Of(cadre_a_, district_a_);
  EXPECT_EQ(a.households, 2);
  EXPECT_THAT(a.by_level_cause, ElementsAre(FieldsAre("deep", "illness", 2)));
  ASSERT_EQ(a.series.size(), 12u);
  EXPECT_EQ(a.series.back().opened, 2);
  EXPECT_EQ(a.series.back().month, app::MonthInChina(clock_.NowMs()));

  ASSERT_OK(app_->hardship().Override(cadre_a_, f2.file.row.id, "relative", "入户核查后调整"));
  ASSERT_OK(app_->hardship().Close(cadre_a_, f2.file.row.id, "lifted", ""));
  const auto g = Propose(union_cadre_, f1.file.row.id, "living");
  ASSERT_OK(app_->aid().Approve(cadre_a_, g.grant.row.id));
  a = Of(cadre_a_, district_a_);
  EXPECT_EQ(a.households, 1);
  EXPECT_THAT(a.by_level_cause, ElementsAre(FieldsAre("deep", "illness", 1)));
  EXPECT_THAT(a.closed_by_reason, ElementsAre(Pair("lifted", 1)));
  EXPECT_EQ(a.series.back().closed, 1);
  EXPECT_EQ(Living(a.aid, &app::AidKindFigures::approved), 1);
  EXPECT_EQ(Living(a.aid, &app::AidKindFigures::approved_fen), kLiving);
  EXPECT_EQ(Living(a.aid, &app::AidKindFigures::paid_fen), 0);
  ASSERT_OK(app_->aid().Pay(cadre_a_, g.grant.row.id, {"2026-11-24", "bank_transfer", "B-1"}));
  a = Of(cadre_a_, district_a_);
  EXPECT_EQ(Living(a.aid, &app::AidKindFigures::paid_fen), kLiving);
  EXPECT_EQ(Living(a.series.back().aid, &app::AidKindFigures::paid_fen), kLiving);
  bool living_budget = false;
  for (const auto& b : a.budgets) {
    if (b.kind != "living") continue;
    living_budget = true;
    EXPECT_EQ(b.committed_fen, kLiving);
    EXPECT_EQ(b.paid_fen, kLiving);
  }
  EXPECT_TRUE(living_budget);

  // The union and the street below hold the same (it is all theirs); the root holds both
  // districts, each as a child; district B sees only its own.
  EXPECT_EQ(Of(cadre_a_, union_a_).households, 1);
  EXPECT_EQ(Of(street_cadre_, street_a_).households, 1);
  const auto root = Of(staff_root_, root_);
  EXPECT_EQ(root.households, 2);
  EXPECT_EQ(Living(root.aid, &app::AidKindFigures::approved_fen), kLiving);
  std::int64_t children_households = 0;
  for (const auto& c : root.children) children_households += c.households;
  EXPECT_EQ(children_households, 2);
  EXPECT_EQ(Of(cadre_b_, district_b_).households, 1);
  EXPECT_EQ(Living(Of(cadre_b_, district_b_).aid, &app::AidKindFigures::approved_fen), 0);
  // The counters against the rows: as many households as the list has open files.
  EXPECT_EQ(Of(cadre_a_, district_a_).households, OpenFilesListed(cadre_a_));
  EXPECT_EQ(root.households, OpenFilesListed(staff_root_));

  ExpectError(app_->case_dashboard().Of(cadre_b_, district_a_.id, 12), ErrorCode::kNotFound,
              "error.org.not_found");
  ExpectFieldError(app_->case_dashboard().Of(cadre_a_, district_a_.id, 25), "months",
                   "error.field.out_of_range");
}

TEST_P(CaseDashboardTest, AMovedUnionTakesItsFiguresAlong) {
  OpenFile(cadre_a_, union_a_, 401);
  EXPECT_EQ(Of(cadre_a_, district_a_).households, 1);
  EXPECT_EQ(Of(cadre_b_, district_b_).households, 0);
  ASSERT_OK(app_->orgs().Move(admin_, union_a_.id, district_b_.id));
  EXPECT_EQ(Of(staff_a_, district_a_).households, 0);
  EXPECT_EQ(Of(staff_b_, district_b_).households, 1);
  EXPECT_EQ(Of(staff_root_, root_).households, 1);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(CaseDashboardTest);

}  // namespace
}  // namespace zj::test

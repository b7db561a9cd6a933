// The hardship file's workflow on both stores: a file from its application to active — the
// union's first check, a home visit by two people, the review by the district (the union
// itself refused), publicity for the federation's working days with an objection raised and
// answered, approval only after both, the annual review due a year on — each step on the trail
// and in the audit log; steps out of order and stale moves are 409, files of another district
// 404, and the rules an administrator sets are the ones used.
#include "store/hardship_flow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/calendar/work_calendar.h"
#include "members_fixture.h"
#include "served_check.h"
#include "store/hardship.h"

namespace zj::test {
namespace {

using ::testing::ElementsAre;

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

class HardshipFlowTest : public MembersTest {
 protected:
  void SetUp() override {
    MembersTest::SetUp();
    if (HasFatalFailure()) return;
    union_cadre_ = MakeUser("union-cadre", "cadre", union_a_);
    district_cadre_ = MakeUser("district-cadre", "cadre", district_a_);
    other_district_ = MakeUser("district-b-cadre", "cadre", district_b_);
    root_admin_ = MakeUser("flow-admin", "admin", root_);  // of the federation at the root
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto a = store::FindOrgById(**lease, district_a_.id);
    ASSERT_OK(a);
    ASSERT_TRUE(*a && (*a)->region_code);
    ASSERT_OK(app_->standards().Load(
        admin_, app::StandardInput{*(*a)->region_code, 2026, 145000, {}, {}, "样例"}));
  }

  std::int64_t OpenFile(int sequence) {
    app::NewHardshipFile f;
    f.org_id = union_a_.id;
    f.year = 2026;
    f.main_cause = "illness";
    f.household.push_back(
        {"self", "王秀英", MakeIdNumber("110101", "19850612", sequence), 1000000, std::nullopt});
    auto opened = app_->hardship().Open(union_cadre_, f);
    EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
    return opened ? opened->file.row.id : 0;
  }

  Result<app::FlowView> Take(const app::Actor& actor, std::int64_t id, const std::string& step,
                             const std::string& note = "", std::vector<std::string> visitors = {},
                             const std::string& visit_on = "") {
    app::FlowStepInput in;
    in.step = step;
    in.note = note;
    in.visitors = std::move(visitors);
    in.visit_on = visit_on;
    return app_->hardship_flow().Take(actor, id, in);
  }

  std::string Today() {
    return members::FormatDate(std::chrono::year_month_day(calendar::LocalDay(clock_.NowMs())));
  }

  app::Actor union_cadre_, district_cadre_, other_district_, root_admin_;
};

TEST_P(HardshipFlowTest, FromApplicationToActiveWithAVisitPublicityAndAnObjection) {
  const std::int64_t id = OpenFile(101);
  auto flow = app_->hardship_flow().Of(union_cadre_, id);
  ASSERT_OK(flow);
  EXPECT_EQ(flow->row.stage, "applied");
  EXPECT_THAT(flow->offered, ElementsAre("first_review"));

  ASSERT_OK(Take(union_cadre_, id, "first_review", "材料齐全"));
  // The list and the file carry the stage (joined from the workflow's row).
  app::HardshipFilter all;
  auto listed = app_->hardship().List(district_cadre_, all);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items[0].row.stage, "first_reviewed");
  // The visit: two different people, on a day between opening and today.
  ExpectError(Take(union_cadre_, id, "visit", "", {"王芳"}, Today()), ErrorCode::kInvalidArgument,
              "error.invalid_input");
  ExpectError(Take(union_cadre_, id, "visit", "", {"王芳", "王芳"}, Today()),
              ErrorCode::kInvalidArgument, "error.invalid_input");
  ExpectError(Take(union_cadre_, id, "visit", "", {"王芳", "李强"}, "2099-01-01"),
              ErrorCode::kInvalidArgument, "error.invalid_input");
  auto visited = Take(union_cadre_, id, "visit", "家中有长期病人", {"王芳", "李强"}, Today());
  ASSERT_OK(visited);
  EXPECT_EQ(visited->row.stage, "visited");
  // The review is for an org above the union: the union's own cadre is refused.
  EXPECT_TRUE(visited->offered.empty()) << "the union may only close it now";
  ExpectError(Take(union_cadre_, id, "review"), ErrorCode::kPermissionDenied,
              "error.hardship.needs_upper_org");
  auto district_view = app_->hardship_flow().Of(district_cadre_, id);
  ASSERT_OK(district_view);
  EXPECT_THAT(district_view->offered, ElementsAre("review"));
  // Out of order: approval before the review and the publicity.
  ExpectError(Take(district_cadre_, id, "approve"), ErrorCode::kConflict,
              "error.hardship.step_not_allowed");
  ASSERT_OK(Take(district_cadre_, id, "review", "同意上报"));

  // Publicity: 5 working days from today (the default rule); approval waits for its end.
  auto publicised = Take(district_cadre_, id, "publicise");
  ASSERT_OK(publicised);
  ASSERT_TRUE(publicised->row.publicity_ends_on.has_value());
  const auto calendar = app_->calendar_book().Current();
  const auto today = std::chrono::sys_days(*members::ParseRosterDate(Today()));
  EXPECT_EQ(*publicised->row.publicity_ends_on,
            members::FormatDate(std::chrono::year_month_day(calendar->AddWorkingDays(today, 5))));
  EXPECT_THAT(publicised->offered, ElementsAre("approve", "object", "answer"));
  ExpectError(Take(district_cadre_, id, "approve"), ErrorCode::kConflict,
              "error.hardship.publicity_running");
  ExpectError(Take(union_cadre_, id, "answer", "无异议"), ErrorCode::kConflict,
              "error.hardship.no_objection");
  ExpectError(Take(union_cadre_, id, "object"), ErrorCode::kInvalidArgument,
              "error.invalid_input");  // an objection says what it is
  auto objected = Take(union_cadre_, id, "object", "群众反映其家庭另有商铺出租");
  ASSERT_OK(objected);
  EXPECT_EQ(objected->row.open_objections, 1);

  // After the publicity: the open objection still blocks; answered, it is approved.
  clock_.Set(clock_.NowMs() + 10 * kDayMs);
  ExpectError(Take(district_cadre_, id, "approve"), ErrorCode::kConflict,
              "error.hardship.objections_open");
  ASSERT_OK(Take(union_cadre_, id, "answer", "经核实商铺已于去年转让"));
  ExpectError(Take(union_cadre_, id, "approve"), ErrorCode::kPermissionDenied,
              "error.hardship.needs_upper_org");
  auto active = Take(district_cadre_, id, "approve", "同意建档");
  ASSERT_OK(active);
  EXPECT_EQ(active->row.stage, "active");
  const auto approved_on = *members::ParseRosterDate(Today());
  EXPECT_EQ(active->row.review_due_on, members::FormatDate(approved_on + std::chrono::months(12)));
  EXPECT_FALSE(active->review_due) << "a year away";
  EXPECT_THAT(active->offered, ElementsAre("annual_review"));

  // 11 months on, the review shows as due (30 days before); taken, it moves a year on.
  clock_.Set(clock_.NowMs() + 340 * kDayMs);
  auto due = app_->hardship_flow().Of(union_cadre_, id);
  ASSERT_OK(due);
  EXPECT_TRUE(due->review_due);
  auto reviewed = Take(union_cadre_, id, "annual_review", "收入无明显变化");
  ASSERT_OK(reviewed);
  EXPECT_EQ(reviewed->row.stage, "active");
  EXPECT_FALSE(reviewed->review_due);

  // The trail and the audit log hold every step.
  auto detail = app_->hardship().Get(district_cadre_, id);
  ASSERT_OK(detail);
  std::vector<std::string> steps;
  for (const auto& s : detail->steps) steps.push_back(s.step);
  EXPECT_THAT(steps, ElementsAre("opened", "first_review", "visit", "review", "publicise", "object",
                                 "answer", "approve", "annual_review"));
  EXPECT_NE(detail->steps[2].detail.find("王芳、李强"), std::string::npos);
  EXPECT_NE(detail->steps[5].detail.find("商铺出租"), std::string::npos);
  // Stored, the notes and the visitors are sealed: no row's detail holds them in clear.
  {
    static constexpr store::Sql kDetails{"test.hardship_steps.details",
                                         "SELECT detail, text_cipher FROM hardship_steps"
                                         " WHERE file_id = $1 ORDER BY id"};
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto rows = (**lease).Query(kDetails, Params(id));
    ASSERT_OK(rows);
    ASSERT_EQ(rows->size(), 9u);
    int sealed = 0;
    for (const auto& r : *rows) {
      EXPECT_EQ(r.Text(0).find("王芳"), std::string::npos) << r.Text(0);
      EXPECT_EQ(r.Text(0).find("商铺"), std::string::npos) << r.Text(0);
      EXPECT_EQ(r.Text(0).find("note"), std::string::npos) << r.Text(0);
      sealed += r.IsNull(1) ? 0 : 1;
    }
    EXPECT_EQ(sealed, 7) << "every step with a note or visitors, not publicise or the opening";
  }
  app::AuditFilter audit;
  audit.action = "hardship.step";
  auto entries = app_->audit().Search(root_admin_, audit);
  ASSERT_OK(entries);
  EXPECT_EQ(entries->entries.size(), 8u);
}

// 有效覆盖: the file counts as serving its member once approved, not while it is reviewed.
TEST_P(HardshipFlowTest, AnApprovedFileServesItsMember) {
  const auto member = Create(staff_a_, Person(union_a_, "王秀英", 41));
  app::NewHardshipFile f;
  f.member_id = member.row.id;
  f.year = 2026;
  f.main_cause = "illness";
  auto opened = app_->hardship().Open(union_cadre_, f);
  ASSERT_OK(opened);
  const std::int64_t id = opened->file.row.id;
  ASSERT_OK(Take(union_cadre_, id, "first_review", "材料齐全"));
  ASSERT_OK(Take(union_cadre_, id, "visit", "家中有长期病人", {"王芳", "李强"}, Today()));
  ASSERT_OK(Take(district_cadre_, id, "review", "同意上报"));
  ASSERT_OK(Take(district_cadre_, id, "publicise"));
  clock_.Set(clock_.NowMs() + 10 * kDayMs);
  EXPECT_FALSE(IsServed(*db_, member.row.id)) << "reviewed and publicised, not yet approved";
  ASSERT_OK(Take(district_cadre_, id, "approve", "同意建档"));
  EXPECT_TRUE(IsServed(*db_, member.row.id));
}

TEST_P(HardshipFlowTest, AnotherDistrictSeesNothingAndAStaleMoveIsAConflict) {
  const std::int64_t id = OpenFile(201);
  ExpectError(app_->hardship_flow().Of(other_district_, id), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(Take(other_district_, id, "first_review"), ErrorCode::kNotFound, "error.not_found");
  ASSERT_OK(Take(union_cadre_, id, "first_review"));
  // A second cadre who still saw "applied" takes the same step: refused, nothing changes.
  ExpectError(Take(district_cadre_, id, "first_review"), ErrorCode::kConflict,
              "error.hardship.step_not_allowed");
  ExpectError(Take(union_cadre_, id, "close"), ErrorCode::kInvalidArgument, "error.invalid_input");
  ExpectError(Take(union_cadre_, id, "jump"), ErrorCode::kInvalidArgument, "error.invalid_input");
  auto flow = app_->hardship_flow().Of(union_cadre_, id);
  ASSERT_OK(flow);
  EXPECT_EQ(flow->row.stage, "first_reviewed");
}

TEST_P(HardshipFlowTest, TheFederationsRulesSetByAnAdministratorAreTheOnesUsed) {
  auto defaults = app_->hardship_flow().Rules(union_cadre_);
  ASSERT_OK(defaults);
  EXPECT_EQ(defaults->publicity_working_days, 5);
  EXPECT_EQ(defaults->retention_years, 10);
  store::HardshipRulesRow rules = *defaults;
  rules.publicity_working_days = 7;
  ExpectError(app_->hardship_flow().SetRules(district_cadre_, rules), ErrorCode::kPermissionDenied,
              "error.hardship.rules_forbidden");
  store::HardshipRulesRow bad = rules;
  bad.retention_years = 5;  // PIPL and the rules: at least ten years
  bad.spot_check_pct = 101;
  auto refused = app_->hardship_flow().SetRules(admin_, bad);
  ASSERT_FALSE(refused.has_value());
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "retention_years");
  ASSERT_OK(app_->hardship_flow().SetRules(root_admin_, rules));
  auto now = app_->hardship_flow().Rules(union_cadre_);
  ASSERT_OK(now);
  EXPECT_EQ(now->publicity_working_days, 7);

  const std::int64_t id = OpenFile(301);
  ASSERT_OK(Take(union_cadre_, id, "first_review"));
  ASSERT_OK(Take(union_cadre_, id, "visit", "", {"王芳", "李强"}, Today()));
  ASSERT_OK(Take(district_cadre_, id, "review"));
  auto publicised = Take(district_cadre_, id, "publicise");
  ASSERT_OK(publicised);
  const auto today = std::chrono::sys_days(*members::ParseRosterDate(Today()));
  EXPECT_EQ(*publicised->row.publicity_ends_on,
            members::FormatDate(std::chrono::year_month_day(
                app_->calendar_book().Current()->AddWorkingDays(today, 7))));
}

TEST_P(HardshipFlowTest, TheWorkbenchCountsWhatTheListFilteredByItsLinkShows) {
  const std::int64_t first = OpenFile(401);
  const std::int64_t second = OpenFile(402);
  const auto card = [&](const app::Actor& actor, const std::string& id) -> std::int64_t {
    auto cards = app_->workbench().Of(actor);
    EXPECT_TRUE(cards.has_value());
    for (const auto& c : *cards) {
      if (c.id == id) return c.count.value_or(-1);
    }
    return -1;
  };
  const auto listed = [&](const app::Actor& actor, app::HardshipFilter filter) {
    auto page = app_->hardship().List(actor, filter);
    EXPECT_TRUE(page.has_value());
    std::vector<std::int64_t> ids;
    if (page) {
      for (const auto& f : page->items) ids.push_back(f.row.id);
    }
    return ids;
  };
  app::HardshipFilter applied;
  applied.stage = "applied";
  EXPECT_EQ(card(district_cadre_, "hardship_first_checks"), 2);
  EXPECT_THAT(listed(district_cadre_, applied), ElementsAre(second, first));
  EXPECT_EQ(card(other_district_, "hardship_first_checks"), 0);
  EXPECT_TRUE(listed(other_district_, applied).empty());
  ASSERT_OK(Take(union_cadre_, first, "first_review"));
  EXPECT_EQ(card(district_cadre_, "hardship_first_checks"), 1);
  EXPECT_THAT(listed(district_cadre_, applied), ElementsAre(second));

  // An active file whose review is 20 days off shows as due (30 days' reminder); 40 days off not.
  app::HardshipFilter due;
  due.review_due = true;
  EXPECT_EQ(card(district_cadre_, "hardship_reviews_due"), 0);
  const auto today = std::chrono::sys_days(*members::ParseRosterDate(Today()));
  const auto set_active = [&](int days_to_review, const std::string& was) {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto flow = store::FindHardshipFlow(**lease, first);
    ASSERT_OK(flow);
    ASSERT_TRUE(flow->has_value());
    store::HardshipFlowRow row = **flow;
    row.stage = "active";
    row.review_due_on =
        members::FormatDate(std::chrono::year_month_day(today + std::chrono::days(days_to_review)));
    auto updated = store::UpdateHardshipFlow(**lease, row, was);
    ASSERT_OK(updated);
    EXPECT_TRUE(*updated);
  };
  set_active(40, "first_reviewed");
  EXPECT_EQ(card(district_cadre_, "hardship_reviews_due"), 0);
  EXPECT_TRUE(listed(district_cadre_, due).empty());
  set_active(20, "active");
  EXPECT_EQ(card(district_cadre_, "hardship_reviews_due"), 1);
  EXPECT_EQ(card(union_cadre_, "hardship_reviews_due"), 1);
  EXPECT_EQ(card(other_district_, "hardship_reviews_due"), 0);
  EXPECT_THAT(listed(district_cadre_, due), ElementsAre(first));
  EXPECT_TRUE(listed(other_district_, due).empty());

  app::HardshipFilter bad;
  bad.stage = "somewhere";
  auto refused = app_->hardship().List(district_cadre_, bad);
  ASSERT_FALSE(refused.has_value());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "stage");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HardshipFlowTest);

}  // namespace
}  // namespace zj::test

// Legal aid and rights cases on both stores (issue 20 slice 4): a case opened from a 12351
// request is linked both ways; a worker's ID is in a case once; stages move forward only and a
// closed case is final; the tenth worker makes the dispute collective and alerts the district
// once (one message, one card entry until acknowledged); a claim at the amount alerts on
// opening; another district's cases are not found.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/legal/legal_case_service.h"
#include "core/orgs/org_path.h"
#include "members_fixture.h"
#include "served_check.h"
#include "store/orgs.h"
#include "store/outbox.h"

namespace zj::test {
namespace {

constexpr const char* kUscc = "91110000100000000R";

class LegalTest : public MembersTest {
 protected:
  void SetUp() override {
    MembersTest::SetUp();
    if (HasFatalFailure()) return;
    cadre_a_ = MakeUser("cadre-a", "cadre", union_a_);
  }

  app::NewLegalCase Case(const OrgRef& org, int workers = 0, std::int64_t claimed = 2'400'000) {
    app::NewLegalCase c;
    c.org_id = org.id;
    c.type = "wage_arrears";
    c.title = "拖欠三个月工资";
    c.employer_uscc = kUscc;
    c.employer_name = "某建筑劳务有限公司";
    c.claimed_fen = claimed;
    c.opened_on = "2026-11-01";
    for (int i = 0; i < workers; ++i) c.workers.push_back(Worker(100 + i));
    return c;
  }

  app::NewCaseWorker Worker(int sequence) {
    return {std::nullopt, "李建国", MakeIdNumber("110101", "19800101", sequence)};
  }

  app::LegalCaseDetail Open(const app::Actor& actor, const app::NewLegalCase& c) {
    auto opened = app_->legal_cases().Open(actor, c);
    EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
    return opened ? *opened : app::LegalCaseDetail{};
  }

  std::int64_t NewRequest(const app::Actor& actor, const std::string& category) {
    app::NewRequest r;
    r.channel = "hotline";
    r.category = category;
    r.title = "工地拖欠工资";
    r.description = "工地拖欠十余名工人三个月工资";
    r.contact_name = "李师傅";
    r.contact_phone = "13912345678";
    {
      auto lease = db_->Acquire();
      EXPECT_TRUE(lease.has_value());
      auto district = store::FindOrgById(**lease, district_a_.id);
      EXPECT_TRUE(district && *district && (*district)->region_code);
      if (district && *district) r.region_code = (*district)->region_code;
    }
    auto made = app_->requests().Submit(actor, r);
    EXPECT_TRUE(made.has_value()) << Describe(made.error());
    return made ? made->row.id : 0;
  }

  //! The collective dispute alerts in the outbox.
  int Alerts() {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = store::RecentOutbox(**lease, 500);
    EXPECT_TRUE(rows.has_value());
    int n = 0;
    for (const auto& r : *rows) n += r.subject.starts_with("集体争议预警") ? 1 : 0;
    return n;
  }

  std::int64_t CardCount(const app::Actor& actor) {
    auto cards = app_->workbench().Of(actor);
    EXPECT_TRUE(cards.has_value());
    for (const auto& c : *cards) {
      if (c.id == "legal_collective_alerts") return c.count.value_or(-1);
    }
    return -1;  // no card for this actor
  }

  app::Actor cadre_a_;
};

TEST_P(LegalTest, ACaseFromARequestIsLinkedBothWays) {
  const std::int64_t request = NewRequest(staff_a_, "rights.wage_arrears");
  auto in = Case(union_a_);
  in.request_id = request;
  const auto opened = Open(staff_a_, in);  // the district's staff, who see the request
  ASSERT_TRUE(opened.request.has_value());
  EXPECT_EQ(opened.request->id, request);
  EXPECT_EQ(opened.row.stage, "consultation");
  ASSERT_EQ(opened.stages.size(), 1u);
  EXPECT_EQ(opened.stages[0].started_on, "2026-11-01");

  auto seen = app_->requests().Get(staff_a_, request);
  ASSERT_OK(seen);
  ASSERT_EQ(seen->links.size(), 1u);
  EXPECT_EQ(seen->links[0].target_kind, "legal_case");
  EXPECT_EQ(seen->links[0].target_id, opened.row.id);

  // Only legal aid and rights requests become cases.
  auto other = Case(union_a_);
  other.request_id = NewRequest(staff_a_, "consultation");
  auto refused = app_->legal_cases().Open(staff_a_, other);
  ExpectError(refused, ErrorCode::kInvalidArgument, "error.invalid_input");
  ASSERT_FALSE(refused.has_value());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].message_key, "error.legal.request_category");
}

TEST_P(LegalTest, AWorkersIdTwiceInACaseIsRefused) {
  const auto opened = Open(cadre_a_, Case(union_a_, 1));
  ASSERT_EQ(opened.workers.size(), 1u);
  EXPECT_EQ(opened.workers[0].name_masked, "李**");
  EXPECT_THAT(opened.workers[0].id_masked, ::testing::HasSubstr("****"));
  ExpectError(app_->legal_cases().AddWorker(cadre_a_, opened.row.id, Worker(100)),
              ErrorCode::kAlreadyExists, "error.legal.worker_twice");
  // Twice in one opening, too: nothing is opened.
  auto twice = Case(union_a_);
  twice.workers = {Worker(200), Worker(200)};
  ExpectError(app_->legal_cases().Open(cadre_a_, twice), ErrorCode::kAlreadyExists,
              "error.legal.worker_twice");
  // The same worker in another case is fine.
  EXPECT_EQ(Open(cadre_a_, Case(union_a_, 1)).workers.size(), 1u);
  auto again = app_->legal_cases().AddWorker(cadre_a_, opened.row.id, Worker(101));
  ASSERT_OK(again);
  EXPECT_EQ(again->row.worker_count, 2);
}

TEST_P(LegalTest, StagesMoveForwardOnlyAndAClosedCaseIsFinal) {
  const std::int64_t id = Open(cadre_a_, Case(union_a_)).row.id;
  auto& legal = app_->legal_cases();
  ASSERT_OK(legal.Advance(cadre_a_, id, "arbitration", "2026-11-10", "仲裁委受理"));
  ExpectError(legal.Advance(cadre_a_, id, "mediation", "2026-11-12", ""), ErrorCode::kConflict,
              "error.legal.stage_order");
  ExpectError(legal.Advance(cadre_a_, id, "arbitration", "2026-11-12", ""), ErrorCode::kConflict,
              "error.legal.stage_order");
  // Not before the stage it ends, not after today.
  ExpectError(legal.Advance(cadre_a_, id, "litigation", "2026-11-09", ""),
              ErrorCode::kInvalidArgument, "error.invalid_input");
  ExpectError(legal.Advance(cadre_a_, id, "litigation", "2026-12-31", ""),
              ErrorCode::kInvalidArgument, "error.invalid_input");
  auto closed = legal.Close(cadre_a_, id, "仲裁裁决支持，已执行", 2'000'000, "2026-11-20");
  ASSERT_OK(closed);
  EXPECT_EQ(closed->row.stage, "closed");
  EXPECT_EQ(closed->row.recovered_fen, 2'000'000);
  ASSERT_EQ(closed->stages.size(), 2u);
  EXPECT_EQ(closed->stages[0].ended_on, std::optional<std::string>("2026-11-10"));
  EXPECT_EQ(closed->stages[1].ended_on, std::optional<std::string>("2026-11-20"));
  ExpectError(legal.Advance(cadre_a_, id, "enforcement", "2026-11-21", ""), ErrorCode::kConflict,
              "error.legal.closed");
  ExpectError(legal.AddWorker(cadre_a_, id, Worker(300)), ErrorCode::kConflict,
              "error.legal.closed");
}

TEST_P(LegalTest, TheTenthWorkerRaisesTheAlertOnce) {
  const auto opened = Open(cadre_a_, Case(union_a_, 9));
  EXPECT_FALSE(opened.row.collective);
  EXPECT_EQ(Alerts(), 0);
  EXPECT_EQ(CardCount(staff_a_), 0);
  auto tenth = app_->legal_cases().AddWorker(cadre_a_, opened.row.id, Worker(109));
  ASSERT_OK(tenth);
  EXPECT_TRUE(tenth->row.collective);
  EXPECT_TRUE(tenth->row.alerted_at.has_value());
  EXPECT_EQ(Alerts(), 1);
  EXPECT_EQ(CardCount(staff_a_), 1);
  EXPECT_EQ(CardCount(staff_b_), 0);  // another district's card does not count it
  // An eleventh worker and a higher claim raise nothing more.
  ASSERT_OK(app_->legal_cases().AddWorker(cadre_a_, opened.row.id, Worker(110)));
  app::LegalCaseChange more;
  more.claimed_fen = 60'000'000;
  ASSERT_OK(app_->legal_cases().Update(cadre_a_, opened.row.id, more));
  EXPECT_EQ(Alerts(), 1);
  // The grassroots cadre cannot acknowledge it; the district's staff can.
  app::LegalCaseChange ack;
  ack.acknowledge_alert = true;
  ExpectError(app_->legal_cases().Update(cadre_a_, opened.row.id, ack),
              ErrorCode::kPermissionDenied, "error.legal.ack_forbidden");
  ASSERT_OK(app_->legal_cases().Update(staff_a_, opened.row.id, ack));
  EXPECT_EQ(CardCount(staff_a_), 0);
}

TEST_P(LegalTest, AClaimAtTheAmountAlertsOnOpeningAFenLessDoesNot) {
  EXPECT_FALSE(Open(cadre_a_, Case(union_a_, 0, 49'999'999)).row.collective);
  EXPECT_EQ(Alerts(), 0);
  const auto at = Open(cadre_a_, Case(union_a_, 0, 50'000'000));
  EXPECT_TRUE(at.row.collective);
  EXPECT_EQ(Alerts(), 1);
  // A federation's own threshold applies.
  const std::int64_t federation = OrgPath::FromStored(union_a_.path).Ids().front();
  ASSERT_OK(app_->lawyers().SetRules(admin_, federation, {5, 100'000'000}));
  EXPECT_TRUE(Open(cadre_a_, Case(union_a_, 5, 0)).row.collective);
  EXPECT_FALSE(Open(cadre_a_, Case(union_a_, 4, 60'000'000)).row.collective);
}

TEST_P(LegalTest, AnotherDistrictsCasesAreNotFound) {
  const std::int64_t id = Open(cadre_a_, Case(union_a_, 1)).row.id;
  auto& legal = app_->legal_cases();
  ExpectError(legal.Get(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(legal.AddWorker(staff_b_, id, Worker(500)), ErrorCode::kNotFound, "error.not_found");
  ExpectError(legal.Advance(staff_b_, id, "mediation", "2026-11-20", ""), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(legal.Close(staff_b_, id, "撤案", std::nullopt, ""), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(legal.Open(staff_b_, Case(union_a_)), ErrorCode::kNotFound, "error.org.not_found");
  auto theirs = legal.List(staff_b_, {});
  ASSERT_OK(theirs);
  EXPECT_TRUE(theirs->items.empty());
  auto ours = legal.List(staff_a_, {});
  ASSERT_OK(ours);
  ASSERT_EQ(ours->items.size(), 1u);
  EXPECT_EQ(ours->items[0].id, id);
}

TEST_P(LegalTest, ALawyerOfTheDistrictServesItsUnionsCases) {
  app::LawyerInput in;
  in.org_id = district_a_.id;
  in.kind = "aid_centre";
  in.name = "区法律援助中心";
  in.phone = "010-65120000";
  auto centre = app_->lawyers().Create(staff_a_, in);
  ASSERT_OK(centre);
  EXPECT_EQ(centre->phone_masked, std::optional<std::string>("********0000"));
  // The union's cadre sees the district's centre and assigns it to the union's case.
  auto listed = app_->lawyers().List(cadre_a_, 0, 50);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->items.size(), 1u);
  const std::int64_t id = Open(cadre_a_, Case(union_a_)).row.id;
  app::LegalCaseChange assign;
  assign.set_lawyer = true;
  assign.lawyer_id = centre->row.id;
  auto assigned = app_->legal_cases().Update(cadre_a_, id, assign);
  ASSERT_OK(assigned);
  EXPECT_EQ(assigned->row.lawyer_name, std::optional<std::string>("区法律援助中心"));
  // But cannot change it (it is the district's), and B's staff never see it.
  ExpectError(app_->lawyers().Update(cadre_a_, centre->row.id, {}), ErrorCode::kNotFound,
              "error.not_found");
  auto theirs = app_->lawyers().List(staff_b_, 0, 50);
  ASSERT_OK(theirs);
  EXPECT_TRUE(theirs->items.empty());
}

ZJ_INSTANTIATE_ON_BOTH_STORES(LegalTest);

// 有效覆盖: closing a case marks its workers who are members of the registry served; a worker
// entered by name and ID number has no member to mark.
TEST_P(LegalTest, ClosingACaseMarksItsRegistryWorkersServed) {
  const auto member = Create(staff_a_, Person(union_a_, "李建国", 7));
  auto c = Case(union_a_, 1);
  c.workers.push_back({member.row.id, "", ""});
  const std::int64_t id = Open(cadre_a_, c).row.id;
  EXPECT_FALSE(IsServed(*db_, member.row.id));
  ASSERT_OK(app_->legal_cases().Close(cadre_a_, id, "调解成功，工资已付清", 2'400'000, ""));
  EXPECT_TRUE(IsServed(*db_, member.row.id));
}

}  // namespace
}  // namespace zj::test

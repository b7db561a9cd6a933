// Mutual-aid plans on both stores (issue 22): a district's plan (1 June – 31 May) with a fire
// benefit (10 % of the loss up to ¥20,000) and injury items; the union's members enrolled in
// bulk (idempotent); a retirement and a transfer out give the removals of the union's list, a
// new member its additions; applying it ends the removed members' cover the day after the
// change; an accident on the day of retirement is covered, the day after refused; a second
// claim of the same incident is 409 naming the first; approval, refusal and payment at the
// plan's level (audited, the member marked served); another district finds none of it.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/beijing_day.h"
#include "app/mutual_aid/mutual_aid_service.h"
#include "members_fixture.h"
#include "store/served_marks.h"

namespace zj::test {
namespace {

namespace ma = mutual_aid;

constexpr std::int64_t kDayMs = 86'400'000;

class MutualAidTest : public MembersTest {
 protected:
  void SetUp() override {
    MembersTest::SetUp();
    if (HasFatalFailure()) return;
    union_cadre_ = MakeUser("ma-union-cadre", "cadre", union_a_);
    district_cadre_ = MakeUser("ma-district-cadre", "cadre", district_a_);
  }

  app::MutualAidService Ma() { return {*db_, clock_, random_, app_->audit()}; }

  static app::NewMaPlan Plan(std::int64_t org_id) {
    app::NewMaPlan p;
    p.org_id = org_id;
    p.code = "medical_2026";
    p.title = "职工互助保障";
    p.kind = "property";
    p.period_month = 6;
    p.period_day = 1;
    p.per_head_fen = 1000;
    p.payers = {{"municipal", 5000}, {"district", 5000}};
    ma::BenefitRule fire{"fire", ma::BenefitKind::kShareOfLoss, 1000, 2'000'000, {}};
    ma::BenefitRule injury{"injury",
                           ma::BenefitKind::kItemised,
                           0,
                           500'000,
                           {{"fracture", 300'000}, {"burn", 200'000}, {"sprain", 50'000}}};
    p.benefits = {fire, injury};
    return p;
  }

  std::string Today() { return app::BeijingDay(clock_.NowMs()); }
  void Days(int n) { clock_.Advance(n * kDayMs); }

  std::int64_t AuditCount(const std::string& action, std::int64_t id) {
    static constexpr store::Sql kCount{
        "test.ma.audit_count",
        "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND target_id = $2"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kCount, Params(action, std::to_string(id)));
    EXPECT_TRUE(rows.has_value());
    return rows ? rows->front().Int(0) : -1;
  }

  std::optional<store::MaEnrolmentRow> EnrolmentOf(std::int64_t period, std::int64_t member) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = store::EnrolmentsOfMember(**lease, member, std::nullopt);
    EXPECT_TRUE(rows.has_value());
    for (const auto& e : *rows) {
      if (e.enrolment.period_id == period) return e.enrolment;
    }
    return std::nullopt;
  }

  app::NewMaClaim Fire(std::int64_t plan, std::int64_t member, const std::string& day,
                       std::int64_t loss) {
    app::NewMaClaim c;
    c.plan_id = plan;
    c.member_id = member;
    c.benefit_code = "fire";
    c.incident_date = day;
    c.loss_fen = loss;
    return c;
  }

  app::Actor union_cadre_, district_cadre_;
};

TEST_P(MutualAidTest, APlanIsCheckedAndMadeByTheDistrictsStaff) {
  auto bad = Plan(district_a_.id);
  bad.payers = {{"municipal", 5000}, {"district", 4000}};
  bad.benefits[0].share_bp = 0;
  auto refused = Ma().CreatePlan(staff_a_, bad);
  ExpectFieldError(refused, "payers", "error.mutual_aid.payer_shares");
  ExpectFieldError(refused, "benefits.0.share_bp", "error.mutual_aid.benefit_share_bp");
  ExpectError(Ma().CreatePlan(district_cadre_, Plan(district_a_.id)), ErrorCode::kPermissionDenied,
              "error.mutual_aid.forbidden");
  ExpectFieldError(Ma().CreatePlan(staff_a_, Plan(union_a_.id)), "org_id",
                   "error.mutual_aid.plan_org");
  ExpectError(Ma().CreatePlan(staff_b_, Plan(district_a_.id)), ErrorCode::kNotFound,
              "error.org.not_found");

  auto plan = Ma().CreatePlan(staff_a_, Plan(district_a_.id));
  ASSERT_OK(plan);
  ExpectFieldError(Ma().CreatePlan(staff_a_, Plan(district_a_.id)), "code",
                   "error.mutual_aid.plan_code_taken");
  // The union's cadre sees the district's plan from below; the other district does not.
  auto seen = Ma().ListPlans(union_cadre_);
  ASSERT_OK(seen);
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ(seen->front().id, plan->row.id);
  auto got = Ma().GetPlan(union_cadre_, plan->row.id);
  ASSERT_OK(got);
  ASSERT_EQ(got->benefits.size(), 2u);
  EXPECT_EQ(got->payers.size(), 2u);
  auto other = Ma().ListPlans(staff_b_);
  ASSERT_OK(other);
  EXPECT_TRUE(other->empty());
  ExpectError(Ma().GetPlan(staff_b_, plan->row.id), ErrorCode::kNotFound, "error.not_found");
}

TEST_P(MutualAidTest, EnrolmentListsAndClaimsFollowTheRegistry) {
  ASSERT_EQ(Today(), "2026-11-25");
  auto plan = Ma().CreatePlan(staff_a_, Plan(district_a_.id));
  ASSERT_OK(plan);
  const std::int64_t plan_id = plan->row.id;
  auto period = Ma().OpenPeriod(staff_a_, plan_id, "");
  ASSERT_OK(period);
  EXPECT_EQ(period->starts_on, "2026-06-01");
  EXPECT_EQ(period->ends_on, "2027-05-31");
  auto again = Ma().OpenPeriod(staff_a_, plan_id, "2027-03-10");
  ASSERT_OK(again);
  EXPECT_EQ(again->id, period->id);
  const std::int64_t pid = period->id;

  const std::int64_t m1 = Create(staff_a_, Person(union_a_, "李一", 21)).row.id;
  const std::int64_t m2 = Create(staff_a_, Person(union_a_, "李二", 22)).row.id;
  const std::int64_t m3 = Create(staff_a_, Person(union_a_, "李三", 23)).row.id;
  Create(staff_b_, Person(union_b_, "李外", 24));

  auto enrolled = Ma().Enrol(union_cadre_, pid, union_a_.id);
  ASSERT_OK(enrolled);
  EXPECT_EQ(enrolled->enrolled, 3);
  EXPECT_EQ(enrolled->period.headcount, 3);
  auto twice = Ma().Enrol(union_cadre_, pid, union_a_.id);
  ASSERT_OK(twice);
  EXPECT_EQ(twice->enrolled, 0);  // idempotent
  EXPECT_EQ(twice->in_org, 3);
  ASSERT_TRUE(EnrolmentOf(pid, m1));
  EXPECT_EQ(EnrolmentOf(pid, m1)->covered_from, "2026-11-25");  // the day confirmed
  ExpectError(Ma().Enrol(union_cadre_, pid, union_b_.id), ErrorCode::kNotFound,
              "error.org.not_found");

  // m1 retires on the 27th; m2 moves to another district on the 28th; m4 joins on the 28th.
  Days(2);
  app::MemberPatch retire;
  retire.status = "retired";
  retire.status_changed_on = "2026-11-27";
  ASSERT_OK(app_->members().Update(staff_a_, m1, retire));
  Days(1);
  auto t = app_->transfers().RequestFromSender(staff_a_, m2, union_b_.id, "工作调动");
  ASSERT_OK(t);
  ASSERT_OK(app_->transfers().Approve(staff_b_, t->row.id, "欢迎"));
  const std::int64_t m4 = Create(staff_a_, Person(union_a_, "李四", 25)).row.id;

  auto list = Ma().MakeList(union_cadre_, pid, union_a_.id);
  ASSERT_OK(list);
  EXPECT_EQ(list->row.from_on, "2026-06-01");
  EXPECT_EQ(list->row.to_on, "2026-11-28");
  ASSERT_EQ(list->additions.size(), 1u);
  EXPECT_EQ(list->additions[0].member_id, m4);
  EXPECT_EQ(list->additions[0].reason, "joined");
  ASSERT_EQ(list->removals.size(), 2u);
  auto removal = [&](std::int64_t m) {
    return *std::find_if(list->removals.begin(), list->removals.end(),
                         [&](const app::MaListLine& l) { return l.member_id == m; });
  };
  EXPECT_EQ(removal(m1).reason, "retired");
  EXPECT_EQ(removal(m1).since, "2026-11-27");
  EXPECT_EQ(removal(m2).reason, "moved_out");
  EXPECT_EQ(removal(m2).since, "2026-11-28");

  ExpectError(Ma().ApplyList(staff_a_, list->row.id), ErrorCode::kConflict,
              "error.mutual_aid.list_state");  // not sent yet
  ASSERT_OK(Ma().SendList(union_cadre_, list->row.id));
  ExpectError(Ma().ApplyList(union_cadre_, list->row.id), ErrorCode::kPermissionDenied,
              "error.mutual_aid.forbidden");
  auto applied = Ma().ApplyList(staff_a_, list->row.id);
  ASSERT_OK(applied);
  EXPECT_EQ(applied->row.status, "applied");
  ASSERT_TRUE(EnrolmentOf(pid, m1) && EnrolmentOf(pid, m1)->removed_on);
  EXPECT_EQ(*EnrolmentOf(pid, m1)->removed_on, "2026-11-28");  // the day after retiring
  EXPECT_EQ(*EnrolmentOf(pid, m2)->removed_on, "2026-11-29");
  ASSERT_TRUE(EnrolmentOf(pid, m4));
  EXPECT_EQ(EnrolmentOf(pid, m4)->covered_from, "2026-11-28");
  EXPECT_FALSE(EnrolmentOf(pid, m3)->removed_on);
  auto periods = Ma().Periods(staff_a_, plan_id);
  ASSERT_OK(periods);
  EXPECT_EQ(periods->front().headcount, 2);  // m3 and m4
  // The next list starts the day after this one: nothing new.
  auto next = Ma().MakeList(union_cadre_, pid, union_a_.id);
  ASSERT_OK(next);
  EXPECT_EQ(next->row.from_on, "2026-11-29");
  EXPECT_TRUE(next->additions.empty() && next->removals.empty());

  // Claims: the fire on the day m1 retired is covered (10 % of ¥250,000, capped at ¥20,000).
  Days(3);
  auto fire = Ma().FileClaim(union_cadre_, Fire(plan_id, m1, "2026-11-27", 25'000'000));
  ASSERT_OK(fire);
  EXPECT_EQ(fire->row.amount_fen, 2'000'000);
  EXPECT_TRUE(fire->row.capped);
  EXPECT_EQ(fire->row.status, "filed");
  EXPECT_EQ(fire->row.period_id, pid);
  auto small = Ma().FileClaim(union_cadre_, Fire(plan_id, m3, "2026-11-30", 300'000));
  ASSERT_OK(small);
  EXPECT_EQ(small->row.amount_fen, 30'000);
  EXPECT_FALSE(small->row.capped);
  // The day after retiring: no longer covered.
  auto late = Ma().FileClaim(union_cadre_, Fire(plan_id, m1, "2026-11-28", 300'000));
  ExpectError(late, ErrorCode::kUnprocessable, "error.mutual_aid.not_covered");
  ExpectFieldError(late, "incident_date", "error.mutual_aid.not_enrolled");
  // The same incident again: 409 naming the first claim.
  auto dup = Ma().FileClaim(staff_a_, Fire(plan_id, m1, "2026-11-27", 10'000'000));
  ExpectError(dup, ErrorCode::kConflict, "error.mutual_aid.claimed_twice");
  ASSERT_FALSE(dup.has_value());
  const auto& args = dup.error().args;
  ASSERT_EQ(args.size(), 1u);
  EXPECT_EQ(args[0].first, "first_claim.id");
  EXPECT_EQ(args[0].second, std::to_string(fire->row.id));
  // Injury items: a fracture named twice counts once.
  auto injury = Fire(plan_id, m3, "2026-11-30", 0);
  injury.benefit_code = "injury";
  injury.items = {"fracture", "fracture", "burn"};
  auto hurt = Ma().FileClaim(union_cadre_, injury);
  ASSERT_OK(hurt);
  EXPECT_EQ(hurt->row.amount_fen, 500'000);
  injury.items = {"broken_heart"};
  injury.incident_date = "2026-11-29";
  ExpectFieldError(Ma().FileClaim(union_cadre_, injury), "items.0",
                   "error.mutual_aid.item_unknown");

  // Decisions at the plan's level.
  ExpectError(Ma().Approve(union_cadre_, fire->row.id), ErrorCode::kPermissionDenied,
              "error.mutual_aid.forbidden");
  ExpectError(Ma().Pay(staff_a_, fire->row.id, "BANK-1", ""), ErrorCode::kConflict,
              "error.mutual_aid.claim_state");
  ASSERT_OK(Ma().Approve(staff_a_, fire->row.id));
  auto paid = Ma().Pay(staff_a_, fire->row.id, "BANK-20261201-1", "2026-12-01");
  ASSERT_OK(paid);
  EXPECT_EQ(paid->row.status, "paid");
  EXPECT_EQ(paid->row.payment_ref, "BANK-20261201-1");
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto mark = store::FindServedMark(**lease, m1);
    ASSERT_OK(mark);
    EXPECT_TRUE(mark->has_value());  // the payment served the member
  }
  ExpectFieldError(Ma().Refuse(staff_a_, small->row.id, "x"), "reason", "error.field.out_of_range");
  auto refused = Ma().Refuse(staff_a_, small->row.id, "损失已由保险赔付");
  ASSERT_OK(refused);
  EXPECT_EQ(refused->row.refused_reason, "损失已由保险赔付");
  EXPECT_EQ(AuditCount("mutual_aid.claim.approve", fire->row.id), 1);
  EXPECT_EQ(AuditCount("mutual_aid.claim.pay", fire->row.id), 1);
  EXPECT_EQ(AuditCount("mutual_aid.claim.refuse", small->row.id), 1);
  // A refused claim frees its incident: it may be claimed again.
  ASSERT_OK(Ma().FileClaim(union_cadre_, Fire(plan_id, m3, "2026-11-30", 200'000)));
  auto queue = Ma().Claims(staff_a_, "filed", 0, 50);
  ASSERT_OK(queue);
  EXPECT_EQ(queue->items.size(), 2u);  // the injury and the refiled fire

  // Another district: none of it exists.
  const auto nf = [](const auto& r) { ExpectError(r, ErrorCode::kNotFound, "error.not_found"); };
  nf(Ma().GetPlan(staff_b_, plan_id));
  nf(Ma().Periods(staff_b_, plan_id));
  nf(Ma().OpenPeriod(staff_b_, plan_id, ""));
  nf(Ma().Enrol(staff_b_, pid, union_b_.id));
  nf(Ma().MakeList(staff_b_, pid, union_b_.id));
  nf(Ma().Lists(staff_b_, pid));
  nf(Ma().SendList(staff_b_, next->row.id));
  nf(Ma().ApplyList(staff_b_, list->row.id));
  nf(Ma().Approve(staff_b_, hurt->row.id));
  nf(Ma().Refuse(staff_b_, hurt->row.id, "不在本区"));
  nf(Ma().Pay(staff_b_, fire->row.id, "X-1", ""));
  nf(Ma().FileClaim(staff_b_, Fire(plan_id, m2, "2026-11-27", 100)));
  auto theirs = Ma().Claims(staff_b_, "", 0, 50);
  ASSERT_OK(theirs);
  EXPECT_TRUE(theirs->items.empty());
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MutualAidTest);

}  // namespace
}  // namespace zj::test

// Mutual-aid claims, slice 3, on both stores (issue 22): a claim's photos are the worker's own
// claim's and its subtree's (another worker and another district find no claim; a file that is
// no photo or document is refused; after the decision nothing more is added); Compute stores
// nothing; a 12351 request that mentions a fire offers its member's claim, prefilled, and the
// claim filed from it is linked to it (the worker's request shows it); the workbench's cards
// count exactly their queues.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/attachments/attachments.h"
#include "app/beijing_day.h"
#include "app/mutual_aid/mutual_aid_service.h"
#include "store/case_links.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

namespace ma = mutual_aid;

constexpr std::int64_t kDayMs = 86'400'000;
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + "photo";

class MutualAidClaimsTest : public WorkerRequestsTest {
 protected:
  void SetUp() override {
    WorkerRequestsTest::SetUp();
    if (HasFatalFailure()) return;
    union_cadre_ = MakeUser("mac-union-cadre", "cadre", union_a_);
    auto plan = Ma().CreatePlan(staff_a_, Plan());
    ASSERT_OK(plan);
    plan_id_ = plan->row.id;
    auto period = Ma().OpenPeriod(staff_a_, plan_id_, "");
    ASSERT_OK(period);
    period_id_ = period->id;
  }

  app::MutualAidService Ma() { return {*db_, clock_, random_, app_->audit()}; }
  app::Attachments Files() { return {*db_, clock_, app_->audit(), app_->vault()}; }

  app::NewMaPlan Plan() const {
    app::NewMaPlan p;
    p.org_id = district_a_.id;
    p.code = "property_2026";
    p.title = "职工财产互助保障";
    p.kind = "property";
    p.payers = {{"district", 10000}};
    p.benefits = {{"fire", ma::BenefitKind::kShareOfLoss, 1000, 2'000'000, {}}};
    return p;
  }

  //! A worker bound to a new member of union A, enrolled in this period.
  app::Actor EnrolledWorker(const std::string& phone, const std::string& name, int sequence) {
    app::Actor w = BoundWorker(phone, name, sequence);
    auto enrolled = Ma().Enrol(staff_a_, period_id_, union_a_.id);
    EXPECT_TRUE(enrolled.has_value()) << Describe(enrolled.error());
    return w;
  }

  app::NewMaClaim Fire(std::int64_t loss) {
    app::NewMaClaim c;
    c.plan_id = plan_id_;
    c.benefit_code = "fire";
    c.incident_date = app::BeijingDay(clock_.NowMs());
    c.loss_fen = loss;
    return c;
  }

  std::optional<std::int64_t> Card(const app::Actor& actor, const std::string& id) {
    auto cards = app_->workbench().Of(actor);
    EXPECT_TRUE(cards.has_value());
    if (!cards) return std::nullopt;
    for (const auto& c : *cards) {
      if (c.id == id) return c.count;
    }
    return std::nullopt;
  }

  app::Actor union_cadre_;
  std::int64_t plan_id_ = 0;
  std::int64_t period_id_ = 0;
};

TEST_P(MutualAidClaimsTest, PhotosAreTheWorkersOwnClaimsAndStayInTheSubtree) {
  const app::Actor worker = EnrolledWorker("13800138101", "赵火", 101);
  // Compute shows the amount and stores nothing.
  auto computed = Ma().ComputeMyClaim(worker, Fire(1'000'000));
  ASSERT_OK(computed);
  EXPECT_EQ(computed->row.amount_fen, 100'000);
  auto none = Ma().MyClaims(worker);
  ASSERT_OK(none);
  EXPECT_TRUE(none->empty());
  auto claim = Ma().FileMyClaim(worker, Fire(1'000'000));
  ASSERT_OK(claim);
  const app::AttachmentOwner owner{app::kMaClaimOwner, claim->row.id, ""};

  auto photo = Files().Add(worker, owner, "火灾现场.jpg", kJpeg);
  ASSERT_OK(photo);
  EXPECT_EQ(photo->media_type, "image/jpeg");
  ExpectFieldError(Files().Add(worker, owner, "说明.txt", "just text"), "file",
                   "error.attachment.type");
  // The street's cadre adds the fire brigade's report; both see both files.
  ASSERT_OK(Files().Add(cadre_a_, owner, "消防证明.pdf", "%PDF-1.4 report"));
  auto mine = Files().List(worker, owner);
  ASSERT_OK(mine);
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ(mine->front().file_name, "火灾现场.jpg");
  auto theirs = Files().List(staff_a_, owner);
  ASSERT_OK(theirs);
  EXPECT_EQ(theirs->size(), 2u);
  ASSERT_OK(Files().Open(staff_a_, photo->id, "核对理赔材料"));

  // Another worker and another district find no claim.
  const app::Actor other = BoundWorker("13800138102", "钱邻", 102);
  const auto nf = [](const auto& r) { ExpectError(r, ErrorCode::kNotFound, "error.not_found"); };
  nf(Files().List(other, owner));
  nf(Files().Add(other, owner, "p.jpg", kJpeg));
  nf(Files().List(staff_b_, owner));
  nf(Files().Add(staff_b_, owner, "p.jpg", kJpeg));
  nf(Files().Open(staff_b_, photo->id, "核对理赔材料"));

  // Decided: the evidence is closed.
  ASSERT_OK(Ma().Approve(staff_a_, claim->row.id));
  ExpectError(Files().Add(worker, owner, "p2.jpg", kJpeg), ErrorCode::kConflict,
              "error.mutual_aid.claim_state");
}

TEST_P(MutualAidClaimsTest, ARequestAboutAFireOffersItsMembersClaimAndIsLinkedToIt) {
  const app::Actor worker = EnrolledWorker("13800138103", "孙水", 103);
  auto fire = Request("家里厨房失火", "13800138103");
  fire.description = "昨晚厨房失火，家具烧毁，想问问互助保障能不能赔";
  const auto asked = SubmitRequest(worker, fire);
  ASSERT_EQ(asked.row.member_id, worker.member_id);
  const auto wages = SubmitRequest(worker, Request("工资拖欠", "13800138103"));

  auto prompt = Ma().PromptOf(cadre_a_, asked.row.id);
  ASSERT_OK(prompt);
  ASSERT_TRUE(prompt->has_value());
  const auto& p = **prompt;
  EXPECT_EQ(p.member_id, *worker.member_id);
  EXPECT_EQ(p.incident_date, app::BeijingDay(clock_.NowMs()));
  EXPECT_EQ(p.words, std::vector<std::string>{"失火"});
  ASSERT_EQ(p.plans.size(), 1u);
  EXPECT_EQ(p.plans[0].row.id, plan_id_);
  ASSERT_EQ(p.plans[0].benefits.size(), 1u);
  // No word, no prompt; another district finds no request.
  auto quiet = Ma().PromptOf(cadre_a_, wages.row.id);
  ASSERT_OK(quiet);
  EXPECT_FALSE(quiet->has_value());
  ExpectError(Ma().PromptOf(staff_b_, asked.row.id), ErrorCode::kNotFound, "error.not_found");

  // The cadre files the prefilled claim; the request names it.
  auto in = Fire(500'000);
  in.member_id = p.member_id;
  in.incident_date = p.incident_date;
  in.request_id = asked.row.id;
  auto anonymous = SubmitRequest(std::nullopt, fire);
  auto wrong = in;
  wrong.request_id = anonymous.row.id;  // not the member's request
  ExpectFieldError(Ma().FileClaim(cadre_a_, wrong), "request_id",
                   "error.mutual_aid.request_member");
  auto claim = Ma().FileClaim(cadre_a_, in);
  ASSERT_OK(claim);
  EXPECT_EQ(claim->row.request_id, asked.row.id);
  auto view = app_->requests().Get(cadre_a_, asked.row.id);
  ASSERT_OK(view);
  ASSERT_EQ(view->links.size(), 1u);
  EXPECT_EQ(view->links[0].target_kind, "mutual_aid_claim");
  EXPECT_EQ(view->links[0].target_id, claim->row.id);
  // The worker's own request shows the claim on its timeline, with its status.
  auto mine = app_->requests().MineOne(worker, asked.row.id);
  ASSERT_OK(mine);
  ASSERT_EQ(mine->became.size(), 1u);
  EXPECT_EQ(mine->became[0].kind, "mutual_aid_claim");
  EXPECT_EQ(mine->became[0].stage, "filed");
  // The other district's staff may not link to a request it does not see.
  in.request_id = asked.row.id;
  ExpectError(Ma().FileClaim(staff_b_, in), ErrorCode::kNotFound, "error.not_found");
}

TEST_P(MutualAidClaimsTest, WorkbenchCardsCountTheirQueues) {
  const app::Actor worker = EnrolledWorker("13800138104", "周伤", 104);
  EXPECT_EQ(Card(staff_a_, "ma_claims_to_decide"), 0);
  ASSERT_OK(Ma().FileMyClaim(worker, Fire(300'000)));
  auto queue = Ma().ClaimsToDecide(staff_a_, 0, 50);
  ASSERT_OK(queue);
  ASSERT_EQ(queue->items.size(), 1u);
  EXPECT_EQ(Card(staff_a_, "ma_claims_to_decide"), 1);
  EXPECT_EQ(Card(admin_, "ma_claims_to_decide"), 1);
  EXPECT_EQ(Card(staff_b_, "ma_claims_to_decide"), 0);
  EXPECT_EQ(Card(cadre_a_, "ma_claims_to_decide"), std::nullopt);  // cadres do not decide
  ASSERT_OK(Ma().Approve(staff_a_, queue->items[0].row.id));
  EXPECT_EQ(Card(staff_a_, "ma_claims_to_decide"), 0);

  // The union's list is due from 30 days before ChangesDueOn (2027-05-16) until it is sent.
  ASSERT_EQ(app::BeijingDay(clock_.NowMs()), "2026-11-25");
  auto early = Ma().ListsDue(union_cadre_);
  ASSERT_OK(early);
  EXPECT_TRUE(early->empty());
  EXPECT_EQ(Card(union_cadre_, "ma_lists_due"), 0);
  clock_.Advance(157 * kDayMs);  // 2027-05-01
  auto due = Ma().ListsDue(union_cadre_);
  ASSERT_OK(due);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->front().due_on, "2027-05-16");
  EXPECT_EQ(due->front().period.id, period_id_);
  EXPECT_EQ(Card(union_cadre_, "ma_lists_due"), 1);
  auto list = Ma().MakeList(union_cadre_, period_id_, union_a_.id);
  ASSERT_OK(list);
  EXPECT_EQ(Card(union_cadre_, "ma_lists_due"), 1);  // a draft is not sent
  ASSERT_OK(Ma().SendList(union_cadre_, list->row.id));
  EXPECT_EQ(Card(union_cadre_, "ma_lists_due"), 0);
  auto other = Ma().ListsDue(MakeUser("mac-cadre-b", "cadre", union_b_));
  ASSERT_OK(other);
  EXPECT_TRUE(other->empty());  // another district's union owes this plan nothing
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MutualAidClaimsTest);

}  // namespace
}  // namespace zj::test

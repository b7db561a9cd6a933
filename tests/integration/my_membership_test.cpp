// My membership on both stores (issue 19): the worker's history and their union's contacts; a
// transfer the worker asks for, pending in the receiving union's queue like one the sending
// union asked, approved or rejected by the unions with an inbox entry for the worker; withdraw
// while pending; one pending transfer per member; another worker's transfer is 404; the union
// search is bounded, lists only active grassroots unions and is throttled.
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";

class MyMembershipTest : public WorkerTest {
 protected:
  void SetUp() override {
    WorkerTest::SetUp();
    if (HasFatalFailure()) return;
    member_ = MemberWithPhone("张晓林", 11, kPhone);
    worker_ = SignIn(kPhone);
    auto bound = app_->bindings().Bind(worker_.actor, "张晓林",
                                       MakeIdNumber("110101", "19900307", 11), "192.0.2.10");
    ASSERT_OK(bound);
    ASSERT_EQ(bound->state, "bound");
  }

  std::vector<std::string> InboxKinds(const app::Actor& worker) {
    auto page = app_->inbox().Page(worker, 0, 20);
    EXPECT_TRUE(page.has_value());
    std::vector<std::string> kinds;
    if (page) {
      for (const auto& e : page->items) kinds.push_back(e.kind);
    }
    return kinds;
  }

  app::MemberView member_;
  app::WorkerSessionGrant worker_;
};

TEST_P(MyMembershipTest, ShowsTheHistoryAndTheUnionsContacts) {
  auto mine = app_->my_membership().Get(worker_.actor);
  ASSERT_OK(mine);
  EXPECT_EQ(mine->member_name, "张晓林");
  EXPECT_EQ(mine->status, "active");
  EXPECT_EQ(mine->union_org.name, "甲公司工会");
  ASSERT_TRUE(mine->parent.has_value());
  EXPECT_EQ(mine->parent->id, street_a_.id);
  ASSERT_EQ(mine->history.size(), 1u);
  EXPECT_EQ(mine->history[0].kind, "joined");
  EXPECT_TRUE(mine->transfers.empty());

  // Staff edits and reveals are bookkeeping, not the worker's history.
  ASSERT_OK(app_->members().Reveal(staff_a_, member_.row.id, app::RevealField::kIdNumber,
                                   "核对身份信息"));
  mine = app_->my_membership().Get(worker_.actor);
  ASSERT_OK(mine);
  EXPECT_EQ(mine->history.size(), 1u);
}

TEST_P(MyMembershipTest, TheWorkersTransferIsApprovedByTheUnionsAndMovesTheMember) {
  auto asked = app_->transfers().AskByWorker(worker_.actor, union_b_.id, "换工作了", "乙公司");
  ASSERT_OK(asked);
  EXPECT_EQ(asked->row.state, "pending");
  EXPECT_EQ(asked->row.requested_side, "from");
  EXPECT_EQ(asked->row.requested_by_worker, worker_.actor.worker_id);
  EXPECT_EQ(asked->row.new_employer, std::optional<std::string>("乙公司"));

  // In the receiving union's queue exactly as a transfer the sending union asked for.
  auto decidable = app_->transfers().List(staff_b_, {"decidable", "", 0, 50});
  ASSERT_OK(decidable);
  ASSERT_EQ(decidable->items.size(), 1u);
  EXPECT_TRUE(decidable->items[0].can_decide);
  auto outgoing = app_->transfers().List(staff_a_, {"outgoing", "pending", 0, 50});
  ASSERT_OK(outgoing);
  ASSERT_EQ(outgoing->items.size(), 1u);
  EXPECT_FALSE(outgoing->items[0].can_decide);

  auto mine = app_->my_membership().Get(worker_.actor);
  ASSERT_OK(mine);
  ASSERT_EQ(mine->transfers.size(), 1u);
  EXPECT_EQ(mine->transfers[0].state, "pending");
  EXPECT_TRUE(mine->transfers[0].asked_by_me);
  EXPECT_TRUE(mine->transfers[0].can_withdraw);
  EXPECT_EQ(mine->transfers[0].to_union, "乙公司工会");

  ASSERT_OK(app_->transfers().Approve(staff_b_, asked->row.id, "欢迎"));
  auto moved = app_->members().Get(staff_b_, member_.row.id);
  ASSERT_OK(moved);
  EXPECT_EQ(moved->member.row.union_org_id, union_b_.id);

  mine = app_->my_membership().Get(worker_.actor);
  ASSERT_OK(mine);
  EXPECT_EQ(mine->union_org.name, "乙公司工会");
  ASSERT_TRUE(mine->parent.has_value());
  EXPECT_EQ(mine->parent->id, district_b_.id);
  ASSERT_EQ(mine->history.size(), 2u);
  EXPECT_EQ(mine->history[1].kind, "transferred");
  EXPECT_EQ(mine->history[1].params[0],
            (std::pair<std::string, std::string>{"from", "甲公司工会"}));
  EXPECT_EQ(mine->history[1].params[1], (std::pair<std::string, std::string>{"to", "乙公司工会"}));
  EXPECT_FALSE(mine->transfers[0].can_withdraw);
  EXPECT_EQ(InboxKinds(worker_.actor), std::vector<std::string>{"transfer.approved"});
}

TEST_P(MyMembershipTest, ARejectedTransferReachesTheInboxAndLeavesTheMember) {
  auto asked = app_->transfers().AskByWorker(worker_.actor, union_b_.id, "换工作了", "");
  ASSERT_OK(asked);
  ASSERT_OK(app_->transfers().Reject(staff_b_, asked->row.id, "新单位未确认"));
  EXPECT_EQ(InboxKinds(worker_.actor), std::vector<std::string>{"transfer.rejected"});
  auto mine = app_->my_membership().Get(worker_.actor);
  ASSERT_OK(mine);
  EXPECT_EQ(mine->union_org.name, "甲公司工会");
  EXPECT_EQ(mine->transfers[0].state, "rejected");
}

TEST_P(MyMembershipTest, TheWorkerWithdrawsWhilePendingAndOnlyTheirOwn) {
  auto asked = app_->transfers().AskByWorker(worker_.actor, union_b_.id, "换工作了", "");
  ASSERT_OK(asked);
  // A second pending transfer for the member is refused on the form's field.
  auto twice = app_->transfers().AskByWorker(worker_.actor, union_b_.id, "再次申请", "");
  ExpectError(twice, ErrorCode::kAlreadyExists, "error.transfers.pending");
  ASSERT_FALSE(twice.has_value());
  ASSERT_EQ(twice.error().fields.size(), 1u);
  EXPECT_EQ(twice.error().fields[0].field, "to_union_id");

  // Another worker (bound to another member) cannot see or withdraw it.
  MemberWithPhone("王芳", 22, "13800001111");
  const auto other = SignIn("13800001111");
  ASSERT_OK(app_->bindings().Bind(other.actor, "王芳", MakeIdNumber("110101", "19900307", 22),
                                  "192.0.2.12"));
  ExpectError(app_->transfers().WithdrawByWorker(other.actor, asked->row.id), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(app_->transfers().WithdrawByWorker(worker_.actor, 424242), ErrorCode::kNotFound,
              "error.not_found");
  auto others = app_->my_membership().Get(other.actor);
  ASSERT_OK(others);
  EXPECT_TRUE(others->transfers.empty());

  auto withdrawn = app_->transfers().WithdrawByWorker(worker_.actor, asked->row.id);
  ASSERT_OK(withdrawn);
  EXPECT_EQ(withdrawn->row.state, "cancelled");
  ExpectError(app_->transfers().WithdrawByWorker(worker_.actor, asked->row.id),
              ErrorCode::kConflict, "error.transfers.not_pending");
  // Withdrawn, the member may ask again.
  ASSERT_OK(app_->transfers().AskByWorker(worker_.actor, union_b_.id, "换工作了", ""));
}

TEST_P(MyMembershipTest, OnlyABoundWorkerAsksAndOnlyForAnActiveGrassrootsUnion) {
  const auto unbound = SignIn("13700002222");
  ExpectError(app_->my_membership().Get(unbound.actor), ErrorCode::kFailedPrecondition,
              "error.card.not_bound");
  ExpectError(app_->transfers().AskByWorker(unbound.actor, union_b_.id, "换工作了", ""),
              ErrorCode::kFailedPrecondition, "error.card.not_bound");
  ExpectError(app_->my_membership().Get(staff_a_), ErrorCode::kPermissionDenied,
              "error.auth.forbidden");
  ExpectFieldError(app_->transfers().AskByWorker(worker_.actor, district_b_.id, "换工作了", ""),
                   "to_union_id", "error.members.union_inactive");
  ExpectFieldError(app_->transfers().AskByWorker(worker_.actor, union_a_.id, "换工作了", ""),
                   "to_union_id", "error.transfers.same_union");
  ExpectFieldError(app_->transfers().AskByWorker(worker_.actor, union_b_.id, " ", ""), "reason",
                   "error.personal_data.reason");
  ExpectFieldError(
      app_->transfers().AskByWorker(worker_.actor, union_b_.id, "换工作了", std::string(300, 'x')),
      "new_employer", "error.field.too_long");
}

TEST_P(MyMembershipTest, TheUnionSearchIsBoundedAndThrottled) {
  for (int i = 0; i < 25; ++i) {
    MakeUnion("GU-S" + std::to_string(i), "搜索测试工会" + std::to_string(i), street_a_.id);
  }
  auto found = app_->my_membership().SearchUnions(worker_.actor, "搜索测试");
  ASSERT_OK(found);
  EXPECT_EQ(found->size(), 20u);
  for (const auto& u : *found) EXPECT_EQ(u.district, district_a_.name) << u.name;
  // Only grassroots unions: a street federation's name matches nothing.
  auto b = app_->my_membership().SearchUnions(worker_.actor, "乙公司");
  ASSERT_OK(b);
  ASSERT_EQ(b->size(), 1u);
  EXPECT_EQ(b->at(0).id, union_b_.id);
  EXPECT_EQ(b->at(0).district, district_b_.name);
  ExpectFieldError(app_->my_membership().SearchUnions(worker_.actor, " 工 "), "q",
                   "error.field.too_short");
  // A literal '%' matches itself, not everything.
  auto percent = app_->my_membership().SearchUnions(worker_.actor, "%%");
  ASSERT_OK(percent);
  EXPECT_TRUE(percent->empty());
  for (int i = 0; i < 27; ++i) {  // 30 a minute per account, 3 made above
    ASSERT_OK(app_->my_membership().SearchUnions(worker_.actor, "工会"));
  }
  ExpectError(app_->my_membership().SearchUnions(worker_.actor, "工会"),
              ErrorCode::kResourceExhausted, "error.too_many_requests");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MyMembershipTest);

}  // namespace
}  // namespace zj::test

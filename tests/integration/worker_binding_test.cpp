// Binding a worker's account to the registry, on both stores: name, ID number and phone match →
// bound at once; another phone → a pending binding that only cadres of the member's subtree see
// and decide (404 elsewhere, audited); "no such member" and "another name" are one answer;
// attempts are throttled; a worker who is no member still has an account.
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";

class WorkerBindingTest : public WorkerTest {
 protected:
  void SetUp() override {
    WorkerTest::SetUp();
    if (HasFatalFailure()) return;
    cadre_a_ = MakeUser("cadre-a", "cadre", street_a_);
    operator_a_ = MakeUser("operator-a", "operator", district_a_);
  }

  app::Actor cadre_a_, operator_a_;
};

TEST_P(WorkerBindingTest, NameIdAndPhoneMatchingBindAtOnce) {
  const auto member = MemberWithPhone("张晓林", 11, kPhone);
  const auto worker = SignIn(kPhone);
  auto before = app_->bindings().Me(worker.actor);
  ASSERT_OK(before);
  EXPECT_EQ(before->phone_masked, "139****5678");
  EXPECT_FALSE(before->member.has_value()) << "a worker who is no member yet has an account";

  auto bound = app_->bindings().Bind(worker.actor, " 张晓林 ",
                                     MakeIdNumber("110101", "19900307", 11), "192.0.2.10");
  ASSERT_OK(bound);
  EXPECT_EQ(bound->state, "bound");
  ASSERT_TRUE(bound->member.has_value());
  EXPECT_EQ(bound->member->id, member.row.id);
  EXPECT_EQ(bound->member->union_name, "甲公司工会");

  // The session now names the member (its cached actor was forgotten).
  auto session = app_->sign_in().Authenticate(worker.token);
  ASSERT_OK(session);
  EXPECT_EQ(session->actor.member_id, member.row.id);
  auto me = app_->bindings().Me(session->actor);
  ASSERT_OK(me);
  ASSERT_TRUE(me->member.has_value());
  EXPECT_EQ(me->member->card_number, member.row.card_number);
  ExpectError(app_->bindings().Bind(session->actor, "张晓林",
                                    MakeIdNumber("110101", "19900307", 11), "192.0.2.10"),
              ErrorCode::kConflict, "error.binding.already_bound");
}

TEST_P(WorkerBindingTest, NoSuchMemberAndAnotherNameGetOneAnswer) {
  MemberWithPhone("张晓林", 11, kPhone);
  const auto worker = SignIn(kPhone);
  auto wrong_name = app_->bindings().Bind(worker.actor, "张晓东",
                                          MakeIdNumber("110101", "19900307", 11), "192.0.2.10");
  auto nobody = app_->bindings().Bind(worker.actor, "张晓林",
                                      MakeIdNumber("110101", "19900307", 13), "192.0.2.10");
  ExpectError(wrong_name, ErrorCode::kInvalidArgument, "error.binding.no_match");
  ExpectError(nobody, ErrorCode::kInvalidArgument, "error.binding.no_match");
  ASSERT_EQ(wrong_name.error().fields.size(), nobody.error().fields.size());
  EXPECT_EQ(wrong_name.error().fields[0].field, nobody.error().fields[0].field);
  EXPECT_EQ(wrong_name.error().detail, nobody.error().detail);
  // A malformed number is only a typing error, told as such.
  ExpectFieldError(
      app_->bindings().Bind(worker.actor, "张晓林", "11010119900307101A", "192.0.2.10"),
      "id_number", "error.id_number.characters");
}

TEST_P(WorkerBindingTest, BindingAttemptsAreThrottled) {
  const auto worker = SignIn(kPhone);
  for (int i = 0; i < 5; ++i) {
    ExpectError(app_->bindings().Bind(worker.actor, "某人", MakeIdNumber("110101", "19800101", i),
                                      "192.0.2.10"),
                ErrorCode::kInvalidArgument, "error.binding.no_match");
  }
  ExpectError(app_->bindings().Bind(worker.actor, "某人", MakeIdNumber("110101", "19800101", 9),
                                    "198.51.100.3"),
              ErrorCode::kResourceExhausted, "error.too_many_requests");
}

TEST_P(WorkerBindingTest, AnotherPhoneWaitsForACadreOfTheSubtreeWhoApproves) {
  const auto member = MemberWithPhone("王芳", 22, "13800001111");
  const auto worker = SignIn(kPhone);
  auto asked = app_->bindings().Bind(worker.actor, "王芳", MakeIdNumber("110101", "19900307", 22),
                                     "192.0.2.10");
  ASSERT_OK(asked);
  EXPECT_EQ(asked->state, "pending");
  ASSERT_TRUE(asked->pending.has_value());
  EXPECT_EQ(asked->pending->reason, "phone_differs");
  EXPECT_FALSE(asked->member.has_value()) << "nothing of the member before the union agrees";
  auto me = app_->bindings().Me(worker.actor);
  ASSERT_OK(me);
  ASSERT_TRUE(me->pending.has_value());
  EXPECT_EQ(me->pending->union_name, "甲公司工会");

  // The cadre of the member's street sees it, masked; staff of another district do not.
  auto listed = app_->bindings().List(cadre_a_, {});
  ASSERT_OK(listed);
  ASSERT_EQ(listed->items.size(), 1u);
  const auto& item = listed->items[0];
  EXPECT_EQ(item.row.member_id, member.row.id);
  EXPECT_EQ(item.worker_phone_masked, "139****5678");
  EXPECT_EQ(item.member_phone_masked, "138****1111");
  EXPECT_EQ(item.member_id_masked,
            "110101********" + MakeIdNumber("110101", "19900307", 22).substr(14));
  auto elsewhere = app_->bindings().List(staff_b_, {});
  ASSERT_OK(elsewhere);
  EXPECT_TRUE(elsewhere->items.empty());
  ExpectError(app_->bindings().Approve(staff_b_, item.row.id, ""), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(app_->bindings().List(operator_a_, {}), ErrorCode::kPermissionDenied,
              "error.members.forbidden");

  auto approved = app_->bindings().Approve(cadre_a_, item.row.id, "电话核实");
  ASSERT_OK(approved);
  EXPECT_EQ(approved->row.state, "approved");
  EXPECT_EQ(approved->row.decided_by_name, "cadre-a (display)");
  ExpectError(app_->bindings().Reject(cadre_a_, item.row.id, ""), ErrorCode::kConflict,
              "error.binding.decided");
  auto session = app_->sign_in().Authenticate(worker.token);
  ASSERT_OK(session);
  EXPECT_EQ(session->actor.member_id, member.row.id);

  app::AuditFilter approvals;
  approvals.action = "worker_binding.approve";
  auto audit = app_->audit().Search(MakeUser("staff-a-2", "staff", district_a_), approvals);
  ASSERT_OK(audit);
  ASSERT_EQ(audit->entries.size(), 1u);
  EXPECT_EQ(audit->entries[0].actor_username, "cadre-a");
  EXPECT_EQ(audit->entries[0].target_id, std::to_string(item.row.id));
}

TEST_P(WorkerBindingTest, ARejectedBindingLeavesTheAccountUnbound) {
  MemberWithPhone("刘强", 33, std::nullopt);  // no phone on file: the union must decide
  const auto worker = SignIn(kPhone);
  auto asked = app_->bindings().Bind(worker.actor, "刘强", MakeIdNumber("110101", "19900307", 33),
                                     "192.0.2.10");
  ASSERT_OK(asked);
  ASSERT_EQ(asked->state, "pending");
  auto rejected = app_->bindings().Reject(staff_a_, asked->pending->id, "不是本人");
  ASSERT_OK(rejected);
  EXPECT_EQ(rejected->row.state, "rejected");
  EXPECT_EQ(rejected->row.decision_note, "不是本人");
  auto me = app_->bindings().Me(worker.actor);
  ASSERT_OK(me);
  EXPECT_FALSE(me->member.has_value());
  EXPECT_FALSE(me->pending.has_value());
  app::BindingFilter rejected_ones;
  rejected_ones.state = "rejected";
  auto decided = app_->bindings().List(staff_a_, rejected_ones);
  ASSERT_OK(decided);
  ASSERT_EQ(decided->items.size(), 1u);
  // The next page's cursor is an id beyond 32 bits: PostgreSQL types a parameter by its first use,
  // so the cursor must meet the BIGINT id before the literal 0 ("value out of range" otherwise).
  rejected_ones.before_id = decided->items[0].row.id + 1;
  auto again = app_->bindings().List(staff_a_, rejected_ones);
  ASSERT_OK(again);
  EXPECT_EQ(again->items.size(), 1u);
  rejected_ones.before_id = decided->items[0].row.id;
  auto past = app_->bindings().List(staff_a_, rejected_ones);
  ASSERT_OK(past);
  EXPECT_TRUE(past->items.empty());
}

TEST_P(WorkerBindingTest, AMemberHeldByAnotherAccountMovesOnlyWhenApproved) {
  const auto member = MemberWithPhone("陈静", 44, kPhone);
  const auto first = SignIn(kPhone);
  ASSERT_OK(app_->bindings().Bind(first.actor, "陈静", MakeIdNumber("110101", "19900307", 44),
                                  "192.0.2.10"));
  // The member's phone changes in the registry; the new phone's account claims the member.
  app::MemberPatch patch;
  patch.phone = "13700002222";
  ASSERT_OK(app_->members().Update(staff_a_, member.row.id, patch));
  const auto second = SignIn("13700002222");
  auto asked = app_->bindings().Bind(second.actor, "陈静", MakeIdNumber("110101", "19900307", 44),
                                     "192.0.2.10");
  ASSERT_OK(asked);
  ASSERT_EQ(asked->state, "pending");
  EXPECT_EQ(asked->pending->reason, "bound_elsewhere");
  ASSERT_OK(app_->bindings().Approve(staff_a_, asked->pending->id, ""));
  auto now_second = app_->bindings().Me(second.actor);
  auto now_first = app_->bindings().Me(first.actor);
  ASSERT_OK(now_second);
  ASSERT_OK(now_first);
  ASSERT_TRUE(now_second->member.has_value());
  EXPECT_EQ(now_second->member->id, member.row.id);
  EXPECT_FALSE(now_first->member.has_value()) << "one account per member";
}

TEST_P(WorkerBindingTest, OnlyWorkersBindAndOnlyStaffDecide) {
  ExpectError(app_->bindings().Bind(staff_a_, "x", MakeIdNumber("110101", "19900307", 1), ""),
              ErrorCode::kPermissionDenied, "error.auth.forbidden");
  ExpectError(app_->bindings().Me(staff_a_), ErrorCode::kPermissionDenied, "error.auth.forbidden");
  const auto worker = SignIn(kPhone);
  ExpectError(app_->bindings().List(worker.actor, {}), ErrorCode::kPermissionDenied,
              "error.members.forbidden");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(WorkerBindingTest);

}  // namespace
}  // namespace zj::test

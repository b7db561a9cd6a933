// Member transfers on both stores: asked by the sending or the receiving union, decided by the
// other side (or after the deadline by staff above both, with the clock moved, never slept),
// rejected and cancelled; an approved transfer moves the member and its coverage count.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "members_fixture.h"

namespace zj::test {
namespace {

constexpr std::int64_t kDayMs = 24 * 3600 * 1000;

class MemberTransfersTest : public MembersTest {
 protected:
  void SetUp() override {
    MembersTest::SetUp();
    if (HasFatalFailure()) return;
    app::NewMember in = Person(union_a_, "张晓林", 13);
    in.employer_name = "甲公司";
    id_number_ = in.id_number;
    member_ = Create(staff_a_, in);
  }

  std::string id_number_;
  app::MemberView member_;
};

TEST_P(MemberTransfersTest, TheSendingSideAsksAndTheReceivingSideApproves) {
  auto t = app_->transfers().RequestFromSender(staff_a_, member_.row.id, union_b_.id, "工作调动");
  ASSERT_OK(t);
  EXPECT_EQ(t->row.state, "pending");
  EXPECT_EQ(t->row.requested_side, "from");
  EXPECT_TRUE(t->can_cancel);
  EXPECT_FALSE(t->can_decide);
  EXPECT_GT(t->row.due_at, clock_.NowMs() + 10 * kDayMs);  // ten working days and weekends

  // A second pending request for the same member is refused.
  ExpectError(
      app_->transfers().RequestFromSender(staff_a_, member_.row.id, union_b_.id, "再次申请"),
      ErrorCode::kAlreadyExists, "error.transfers.pending");
  // The sender cannot approve its own request.
  ExpectError(app_->transfers().Approve(staff_a_, t->row.id, ""), ErrorCode::kPermissionDenied,
              "error.transfers.not_decider");

  app::TransferFilter incoming;
  auto box = app_->transfers().List(staff_b_, incoming);
  ASSERT_OK(box);
  ASSERT_EQ(box->items.size(), 1u);
  EXPECT_TRUE(box->items[0].can_decide);
  app::TransferFilter decidable;
  decidable.box = "decidable";
  auto mine = app_->transfers().List(staff_b_, decidable);
  ASSERT_OK(mine);
  EXPECT_EQ(mine->items.size(), 1u);
  auto not_mine = app_->transfers().List(staff_a_, decidable);
  ASSERT_OK(not_mine);
  EXPECT_TRUE(not_mine->items.empty());

  auto approved = app_->transfers().Approve(staff_b_, t->row.id, "欢迎");
  ASSERT_OK(approved);
  EXPECT_EQ(approved->row.state, "approved");
  EXPECT_EQ(approved->row.decided_by_name, "staff-b (display)");

  auto moved = app_->members().Get(staff_b_, member_.row.id);
  ASSERT_OK(moved);
  EXPECT_EQ(moved->member.row.union_org_id, union_b_.id);
  EXPECT_EQ(moved->member.row.employer_display, std::nullopt);
  std::vector<std::string> events;
  for (const auto& e : moved->events) events.push_back(e.event);
  EXPECT_THAT(events, ::testing::ElementsAre("created", "transfer_requested", "transferred"));
  ASSERT_EQ(moved->transfers.size(), 1u);
  ExpectError(app_->members().Get(staff_a_, member_.row.id), ErrorCode::kNotFound,
              "error.not_found");

  EXPECT_EQ(MembersRollup(union_a_.id), 0);
  EXPECT_EQ(MembersRollup(district_a_.id), 0);
  EXPECT_EQ(MembersRollup(union_b_.id), 1);
  EXPECT_EQ(MembersRollup(district_b_.id), 1);
  EXPECT_EQ(MembersRollup(root_.id), 1);
  auto report = app_->coverage().Verify();
  ASSERT_OK(report);
  EXPECT_TRUE(report->differences.empty());

  ExpectError(app_->transfers().Approve(staff_b_, t->row.id, ""), ErrorCode::kConflict,
              "error.transfers.not_pending");
}

TEST_P(MemberTransfersTest, TheReceivingSideAsksByIdNumberAndTheSenderRejectsOrTheAskerCancels) {
  auto t = app_->transfers().RequestByReceiver(staff_b_, id_number_, union_b_.id, "新入职");
  ASSERT_OK(t);
  EXPECT_EQ(t->row.requested_side, "to");
  EXPECT_EQ(t->row.from_union_name, "甲公司工会");
  EXPECT_EQ(t->member_id_masked, "**************" + id_number_.substr(14));
  EXPECT_TRUE(t->can_cancel);

  // The receiving side cannot read the member itself before the transfer.
  ExpectError(app_->members().Get(staff_b_, member_.row.id), ErrorCode::kNotFound,
              "error.not_found");

  // A rejection needs a note.
  auto no_note = app_->transfers().Reject(staff_a_, t->row.id, "");
  ASSERT_FALSE(no_note.has_value());
  EXPECT_EQ(no_note.error().code, ErrorCode::kInvalidArgument);
  auto rejected = app_->transfers().Reject(staff_a_, t->row.id, "会员未离职");
  ASSERT_OK(rejected);
  EXPECT_EQ(rejected->row.state, "rejected");
  EXPECT_EQ(rejected->row.decision_note, "会员未离职");
  EXPECT_EQ(MembersRollup(union_a_.id), 1);

  auto again = app_->transfers().RequestByReceiver(staff_b_, id_number_, union_b_.id, "再次申请");
  ASSERT_OK(again);
  ExpectError(app_->transfers().Cancel(staff_a_, again->row.id), ErrorCode::kPermissionDenied,
              "error.transfers.not_requester");
  auto cancelled = app_->transfers().Cancel(staff_b_, again->row.id);
  ASSERT_OK(cancelled);
  EXPECT_EQ(cancelled->row.state, "cancelled");

  // Nobody active with this ID: not found on the field.
  ExpectError(app_->transfers().RequestByReceiver(staff_b_, MakeIdNumber("110101", "19851212", 21),
                                                  union_b_.id, "新入职"),
              ErrorCode::kNotFound, "error.transfers.no_active_member");
  // The receiving union must be the asker's.
  ExpectError(app_->transfers().RequestByReceiver(staff_b_, id_number_, union_a_.id, "新入职"),
              ErrorCode::kNotFound, "error.org.not_found");
}

TEST_P(MemberTransfersTest, StaffAboveBothDecideOnlyOnceTheRequestIsOverdue) {
  auto t = app_->transfers().RequestByReceiver(staff_b_, id_number_, union_b_.id, "新入职");
  ASSERT_OK(t);
  ExpectError(app_->transfers().Approve(staff_root_, t->row.id, ""), ErrorCode::kPermissionDenied,
              "error.transfers.not_decider");
  auto early = app_->transfers().Get(staff_root_, t->row.id);
  ASSERT_OK(early);
  EXPECT_FALSE(early->can_decide);

  clock_.Advance(t->row.due_at - clock_.NowMs() + 1);
  auto late = app_->transfers().Get(staff_root_, t->row.id);
  ASSERT_OK(late);
  EXPECT_TRUE(late->can_decide);
  auto approved = app_->transfers().Approve(staff_root_, t->row.id, "逾期未处理，由上级审批");
  ASSERT_OK(approved);
  EXPECT_EQ(approved->row.state, "approved");
  EXPECT_EQ(MembersRollup(union_b_.id), 1);
  EXPECT_EQ(MembersRollup(union_a_.id), 0);
  auto report = app_->coverage().Verify();
  ASSERT_OK(report);
  EXPECT_TRUE(report->differences.empty());
}

TEST_P(MemberTransfersTest, TheSenderMayNameTheReceivingUnionByItsCode) {
  auto unknown =
      app_->transfers().RequestFromSenderByCode(staff_a_, member_.row.id, "NO-SUCH", "工作调动");
  ASSERT_FALSE(unknown.has_value());
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0].field, "to_union_code");
  EXPECT_EQ(unknown.error().fields[0].message_key, "error.members.union_code");
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto district = store::FindOrgById(**lease, district_b_.id);
  ASSERT_OK(district);
  auto not_union = app_->transfers().RequestFromSenderByCode(staff_a_, member_.row.id,
                                                             (*district)->code, "工作调动");
  ASSERT_FALSE(not_union.has_value());
  EXPECT_EQ(not_union.error().fields[0].message_key, "error.members.union_code");

  auto t =
      app_->transfers().RequestFromSenderByCode(staff_a_, member_.row.id, " GU-B ", "工作调动");
  ASSERT_OK(t);
  EXPECT_EQ(t->row.to_union_id, union_b_.id);
  EXPECT_EQ(t->row.to_union_name, "乙公司工会");
  EXPECT_EQ(t->row.requested_side, "from");
}

TEST_P(MemberTransfersTest, AnImportCandidateBecomesARequestOfTheReceivingSide) {
  auto t = app_->transfers().RequestByMember(staff_b_, member_.row.id, union_b_.id, "花名册导入",
                                             std::int64_t{42});
  ASSERT_OK(t);
  EXPECT_EQ(t->row.requested_side, "to");
  EXPECT_EQ(t->row.import_id, 42);
  // Nobody outside both sides sees the transfer.
  const OrgRef other = MakeUnion("GU-C", "丙公司工会", district_b_.id);
  const app::Actor cadre_c = MakeUser("cadre-c", "cadre", other);
  ExpectError(app_->transfers().Get(cadre_c, t->row.id), ErrorCode::kNotFound, "error.not_found");
}

// Every box pages by its cursor on both stores. PostgreSQL types a parameter by its first use:
// a cursor compared with the literal 0 first was typed INTEGER and page 2 (an id beyond 32
// bits) failed.
TEST_P(MemberTransfersTest, EveryBoxPagesThroughAllItsTransfers) {
  std::set<std::int64_t> asked;
  auto first = app_->transfers().RequestFromSender(staff_a_, member_.row.id, union_b_.id, "调动");
  ASSERT_OK(first);
  asked.insert(first->row.id);
  for (int i = 0; i < 2; ++i) {
    app::NewMember in = Person(union_a_, i == 0 ? "李明" : "王芳", 20 + i);
    const app::MemberView m = Create(staff_a_, in);
    auto t = app_->transfers().RequestFromSender(staff_a_, m.row.id, union_b_.id, "调动");
    ASSERT_OK(t);
    asked.insert(t->row.id);
  }
  struct Case {
    const app::Actor* actor;
    std::string box;
    std::string state;
  };
  for (const Case& c : {Case{&staff_b_, "incoming", ""}, Case{&staff_b_, "incoming", "pending"},
                        Case{&staff_a_, "outgoing", ""}, Case{&staff_a_, "outgoing", "pending"},
                        Case{&staff_b_, "decidable", ""}}) {
    SCOPED_TRACE(c.box + " " + c.state);
    app::TransferFilter filter;
    filter.box = c.box;
    filter.state = c.state;
    filter.limit = 1;
    std::set<std::int64_t> seen;
    for (int page = 0; page < 10; ++page) {
      auto got = app_->transfers().List(*c.actor, filter);
      ASSERT_OK(got);
      for (const auto& item : got->items) seen.insert(item.row.id);
      if (!got->next_cursor) break;
      filter.after_id = *got->next_cursor;
    }
    EXPECT_EQ(seen, asked);
  }
}

}  // namespace

ZJ_INSTANTIATE_ON_BOTH_STORES(MemberTransfersTest);

}  // namespace zj::test

// A worker's corrections of their own member record, on both stores (issue 19): proposed with
// a note, one pending per field, validated by the rules of a staff edit (never the ID number);
// decided only by cadres of the member's subtree (404 elsewhere, 409 once decided); applied
// through the member use case so name searches find the new name; the worker sees each state
// and gets an inbox entry; proposing audited as the worker's, deciding as the cadre's.
#include <map>

#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";

class MemberCorrectionsTest : public WorkerTest {
 protected:
  void SetUp() override {
    WorkerTest::SetUp();
    if (HasFatalFailure()) return;
    cadre_a_ = MakeUser("cadre-a", "cadre", street_a_);
    worker_ = BoundWorker(kPhone, "张晓林", 11);
  }

  std::vector<app::CorrectionView> Propose(const std::vector<app::CorrectionChange>& changes) {
    auto proposed = app_->corrections().Propose(worker_, changes, "身份证上的名字是这个");
    EXPECT_TRUE(proposed.has_value()) << Describe(proposed.error());
    return proposed ? *proposed : std::vector<app::CorrectionView>{};
  }

  std::vector<std::string> NamesFound(const std::string& q) {
    app::MemberFilter filter;
    filter.q = q;
    auto page = app_->members().List(staff_a_, filter);
    EXPECT_TRUE(page.has_value());
    std::vector<std::string> out;
    if (page) {
      for (const auto& v : page->items) out.push_back(v.row.name);
    }
    return out;
  }

  std::int64_t Audits(const std::string& action, const std::string& actor) {
    static constexpr store::Sql kCount{
        "test.member_corrections.audit",
        "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND actor_username = $2"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    if (!lease) return -1;
    auto rows = (**lease).Query(kCount, Params(action, actor));
    EXPECT_TRUE(rows.has_value());
    return rows ? rows->at(0).Int(0) : -1;
  }

  app::Actor cadre_a_, worker_;
};

TEST_P(MemberCorrectionsTest, AnApprovedNameIsAppliedAndNameSearchFindsIt) {
  const auto proposed = Propose({{"name", " 张小林 "}, {"phone", "13700001111"}});
  ASSERT_EQ(proposed.size(), 2u);
  EXPECT_EQ(proposed[0].row.state, "pending");
  EXPECT_EQ(proposed[0].new_shown, "张小林");
  EXPECT_EQ(proposed[0].old_shown, "张晓林");
  EXPECT_EQ(proposed[1].new_shown, "137****1111") << "a phone is shown masked";
  EXPECT_EQ(proposed[1].old_shown, "139****5678");
  EXPECT_EQ(Audits("worker.member_correction.propose", worker_.username), 1);

  auto pending = app_->corrections().List(cadre_a_, {});
  ASSERT_OK(pending);
  ASSERT_EQ(pending->items.size(), 2u);
  EXPECT_EQ(pending->items[0].row.member_name, "张晓林");

  const auto name = proposed[0].row.id;
  auto applied = app_->corrections().Approve(cadre_a_, name);
  ASSERT_OK(applied);
  EXPECT_EQ(applied->row.state, "applied");
  EXPECT_EQ(NamesFound("张小"), std::vector<std::string>{"张小林"});
  EXPECT_EQ(NamesFound("zxl"), std::vector<std::string>{"张小林"}) << "the initials rewritten";
  EXPECT_EQ(NamesFound("zhangxiaolin"), std::vector<std::string>{"张小林"});
  EXPECT_TRUE(NamesFound("张晓").empty()) << "the old name is gone";
  EXPECT_EQ(Audits("member_correction.apply", "cadre-a"), 1);
  EXPECT_EQ(Audits("member.update", "cadre-a"), 1) << "the member use case audited the edit";

  ExpectError(app_->corrections().Approve(cadre_a_, name), ErrorCode::kConflict,
              "error.corrections.decided");
  ExpectError(app_->corrections().Reject(cadre_a_, name, "已处理过"), ErrorCode::kConflict,
              "error.corrections.decided");
  auto left = app_->corrections().List(cadre_a_, {});
  ASSERT_OK(left);
  ASSERT_EQ(left->items.size(), 1u);
  EXPECT_EQ(left->items[0].row.field, "phone");
}

TEST_P(MemberCorrectionsTest, ARejectedCorrectionChangesNothingAndTellsTheWorkerWhy) {
  const auto proposed = Propose({{"ethnicity", "回族"}});
  ASSERT_EQ(proposed.size(), 1u);
  ExpectFieldError(app_->corrections().Reject(cadre_a_, proposed[0].row.id, " "), "reason",
                   "error.personal_data.reason");
  auto rejected =
      app_->corrections().Reject(cadre_a_, proposed[0].row.id, "请携带户口本到工会办理");
  ASSERT_OK(rejected);
  EXPECT_EQ(rejected->row.state, "rejected");
  auto member = app_->members().Get(staff_a_, *worker_.member_id);
  ASSERT_OK(member);
  EXPECT_EQ(member->member.row.ethnicity, std::nullopt);

  auto mine = app_->corrections().Mine(worker_);
  ASSERT_OK(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].row.state, "rejected");
  EXPECT_EQ((*mine)[0].row.decision_reason, "请携带户口本到工会办理");
  auto inbox = app_->inbox().Page(worker_, 0, 10);
  ASSERT_OK(inbox);
  ASSERT_EQ(inbox->items.size(), 1u);
  EXPECT_EQ(inbox->items[0].kind, "correction.rejected");
  EXPECT_NE(inbox->items[0].params.find("请携带户口本到工会办理"), std::string::npos);
  EXPECT_EQ(Audits("member_correction.reject", "cadre-a"), 1);
}

TEST_P(MemberCorrectionsTest, TheWorkerSeesEachStateAndIsToldOfAnApproval) {
  const auto proposed = Propose({{"employer", "丙科技有限公司"}, {"gender", "女"}});
  ASSERT_EQ(proposed.size(), 2u);
  ASSERT_OK(app_->corrections().Approve(cadre_a_, proposed[0].row.id));
  auto mine = app_->corrections().Mine(worker_);
  ASSERT_OK(mine);
  ASSERT_EQ(mine->size(), 2u);
  std::map<std::string, std::string> states;
  for (const auto& c : *mine) states[c.row.field] = c.row.state;
  EXPECT_EQ(states["employer"], "applied");
  EXPECT_EQ(states["gender"], "pending");
  auto data = app_->my_data().Of(worker_, "view");
  ASSERT_OK(data);
  ASSERT_EQ(data->corrections.size(), 2u) << "My data shows the corrections too";
  for (const auto& c : data->corrections) {
    if (c.row.field == "employer") {
      EXPECT_EQ(c.new_shown, "丙科技有限公司");
    }
  }
  auto member = app_->members().Get(staff_a_, *worker_.member_id);
  ASSERT_OK(member);
  EXPECT_EQ(member->member.row.employer_name, "丙科技有限公司");
  auto inbox = app_->inbox().Page(worker_, 0, 10);
  ASSERT_OK(inbox);
  ASSERT_EQ(inbox->items.size(), 1u);
  EXPECT_EQ(inbox->items[0].kind, "correction.applied");
  // A gender the ID number contradicts (its 17th digit is odd: male) is the member rule's 422.
  ExpectFieldError(app_->corrections().Approve(cadre_a_, proposed[1].row.id), "gender",
                   "error.members.gender_mismatch");
}

TEST_P(MemberCorrectionsTest, OutsideTheSubtreeACorrectionDoesNotExist) {
  const auto proposed = Propose({{"name", "张小林"}});
  ASSERT_EQ(proposed.size(), 1u);
  const auto id = proposed[0].row.id;
  auto listed = app_->corrections().List(staff_b_, {});
  ASSERT_OK(listed);
  EXPECT_TRUE(listed->items.empty());
  ExpectError(app_->corrections().Approve(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(app_->corrections().Reject(staff_b_, id, "不是本单位"), ErrorCode::kNotFound,
              "error.not_found");
  const auto cadre_b = MakeUser("cadre-b", "cadre", district_b_);
  ExpectError(app_->corrections().Approve(cadre_b, id), ErrorCode::kNotFound, "error.not_found");
  auto member = app_->members().Get(staff_a_, *worker_.member_id);
  ASSERT_OK(member);
  EXPECT_EQ(member->member.row.name, "张晓林");
  ExpectError(app_->corrections().List(worker_, {}), ErrorCode::kPermissionDenied,
              "error.members.forbidden");
  ExpectError(app_->corrections().Propose(cadre_a_, {{"name", "张小林"}}, "改名"),
              ErrorCode::kPermissionDenied, "error.forbidden");
}

TEST_P(MemberCorrectionsTest, APendingCorrectionFollowsItsMemberToTheNewUnion) {
  const auto proposed = Propose({{"name", "张小林"}});
  ASSERT_EQ(proposed.size(), 1u);
  auto t = app_->transfers().RequestFromSender(staff_a_, *worker_.member_id, union_b_.id, "调动");
  ASSERT_OK(t);
  ASSERT_OK(app_->transfers().Approve(staff_b_, t->row.id, "欢迎"));
  auto old_side = app_->corrections().List(cadre_a_, {});
  ASSERT_OK(old_side);
  EXPECT_TRUE(old_side->items.empty());
  ExpectError(app_->corrections().Approve(cadre_a_, proposed[0].row.id), ErrorCode::kNotFound,
              "error.not_found");
  auto applied = app_->corrections().Approve(staff_b_, proposed[0].row.id);
  ASSERT_OK(applied);
  EXPECT_EQ(applied->row.state, "applied");
}

TEST_P(MemberCorrectionsTest, OneCorrectionPerFieldWaitsAtATime) {
  Propose({{"name", "张小林"}});
  auto again = app_->corrections().Propose(worker_, {{"phone", "13700001111"}, {"name", "张晓琳"}},
                                           "再改一次");
  ExpectError(again, ErrorCode::kConflict, "error.corrections.pending");
  ExpectFieldError(again, "name", "error.corrections.pending");
  auto mine = app_->corrections().Mine(worker_);
  ASSERT_OK(mine);
  EXPECT_EQ(mine->size(), 1u) << "nothing of the refused proposal is stored";
  auto counts = app_->workbench().Of(cadre_a_);
  ASSERT_OK(counts);
  bool seen = false;
  for (const auto& c : *counts) {
    if (c.id == "accounts_corrections_to_decide") {
      seen = true;
      EXPECT_EQ(c.count, 1);
    }
  }
  EXPECT_TRUE(seen);
}

TEST_P(MemberCorrectionsTest, ValuesPassTheRulesOfAStaffEditAndTheIdNumberIsNotCorrectable) {
  auto bad = app_->corrections().Propose(worker_,
                                         {{"name", std::string(61, 'a')},
                                          {"gender", "未知"},
                                          {"phone", "12345"},
                                          {"ethnicity", "火星族"},
                                          {"id_number", "110101199003070011"}},
                                         "改");
  ExpectError(bad, ErrorCode::kInvalidArgument, "error.invalid_input");
  ExpectFieldError(bad, "name", "error.field.too_long");
  ExpectFieldError(bad, "gender", "error.gender.invalid");
  ExpectFieldError(bad, "phone", "error.phone.invalid");
  ExpectFieldError(bad, "ethnicity", "error.ethnicity.invalid");
  ExpectFieldError(bad, "id_number", "error.corrections.id_number");
  ExpectFieldError(bad, "note", "error.personal_data.reason");
  ExpectFieldError(app_->corrections().Propose(worker_, {{"name", "张晓林"}}, "同名"), "name",
                   "error.corrections.unchanged");
  ExpectFieldError(app_->corrections().Propose(worker_, {}, "没有"), "changes",
                   "error.field.required");
  ExpectFieldError(
      app_->corrections().Propose(worker_, {{"name", "张小林"}, {"name", "张大林"}}, "两次"),
      "name", "error.corrections.twice");
  auto mine = app_->corrections().Mine(worker_);
  ASSERT_OK(mine);
  EXPECT_TRUE(mine->empty());
}

TEST_P(MemberCorrectionsTest, AWorkerWithoutAMemberRecordCannotPropose) {
  const auto unbound = SignIn("13600009999");
  ExpectError(app_->corrections().Propose(unbound.actor, {{"name", "李四"}}, "改名字"),
              ErrorCode::kFailedPrecondition, "error.corrections.not_bound");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MemberCorrectionsTest);

}  // namespace
}  // namespace zj::test

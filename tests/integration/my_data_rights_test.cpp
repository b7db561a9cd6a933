// The worker's data rights on both stores: the clear phone and ID numbers only for a fresh
// one-time code (refused as sign-in refuses a code, throttled as sign-in's codes are), audited
// as the worker's own; consent for optional uses granted and withdrawn with their history, and
// ConsentGiven for an account and for a member; the privacy notice version recorded; and My
// data's copy holding all of it and nothing of another worker.
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";
constexpr const char* kOtherPhone = "13787654321";
constexpr std::int64_t kMinute = 60'000;

class MyDataRightsTest : public WorkerTest {
 protected:
  //! Audit entries of `action` whose actor is the worker and whose detail holds `detail`.
  std::int64_t WorkerAudits(const app::Actor& worker, const std::string& action,
                            const std::string& detail) {
    static constexpr store::Sql kCount{
        "test.my_data_rights.audit",
        "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND actor_username = $2"
        " AND target_id = $3 AND detail LIKE $4"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    if (!lease) return -1;
    auto rows = (**lease).Query(
        kCount,
        Params(action, worker.username, std::to_string(*worker.worker_id), "%" + detail + "%"));
    EXPECT_TRUE(rows.has_value());
    return rows ? rows->at(0).Int(0) : -1;
  }

  //! Asks for a reveal code and delivers it; the code sent.
  std::string RevealCode(const app::Actor& worker) {
    auto sent = app_->my_data().RequestRevealCode(worker);
    EXPECT_TRUE(sent.has_value()) << Describe(sent.error());
    return Deliver(kPhone);
  }

  static std::vector<bool> States(const app::Consents& c) {
    std::vector<bool> out;
    for (const auto& u : c.uses) out.push_back(u.granted);
    return out;
  }
};

TEST_P(MyDataRightsTest, TheClearNumbersNeedAFreshCodeAndAreAuditedAsTheWorkers) {
  app::Actor mine = BoundWorker(kPhone, "张晓林", 11);
  mine.remote_addr = "192.0.2.10";
  // The sign-in code is used up: it reveals nothing.
  ExpectError(app_->my_data().Reveal(mine, sms_.sent.back().code), ErrorCode::kUnauthenticated,
              "error.sign_in.code_invalid");
  clock_.Advance(kMinute);
  const std::string code = RevealCode(mine);
  ASSERT_EQ(code.size(), 6u);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  ExpectError(app_->my_data().Reveal(mine, wrong), ErrorCode::kUnauthenticated,
              "error.sign_in.code_invalid");
  ExpectFieldError(app_->my_data().Reveal(mine, "12ab"), "code", "error.sign_in.code_format");
  EXPECT_EQ(WorkerAudits(mine, "worker.my_data", "reveal"), 0);

  auto revealed = app_->my_data().Reveal(mine, code);
  ASSERT_OK(revealed);
  EXPECT_EQ(revealed->phone, kPhone);
  EXPECT_EQ(revealed->member_phone, std::optional<std::string>(kPhone));
  EXPECT_EQ(revealed->id_number, MakeIdNumber("110101", "19900307", 11));
  EXPECT_EQ(WorkerAudits(mine, "worker.my_data", "reveal"), 1);
  // Once: the code is used.
  ExpectError(app_->my_data().Reveal(mine, code), ErrorCode::kUnauthenticated,
              "error.sign_in.code_invalid");
  EXPECT_EQ(WorkerAudits(mine, "worker.my_data", "reveal"), 1);
}

TEST_P(MyDataRightsTest, AnExpiredRevealCodeIsRefusedAndCodesAreThrottledAsForSignIn) {
  app::Actor mine = BoundWorker(kPhone, "张晓林", 11);
  mine.remote_addr = "192.0.2.10";
  // One code a minute to a phone, whatever it is for: the sign-in code was just sent.
  ExpectError(app_->my_data().RequestRevealCode(mine), ErrorCode::kResourceExhausted,
              "error.too_many_requests");
  clock_.Advance(kMinute);
  const std::string code = RevealCode(mine);
  clock_.Advance(5 * kMinute + 1);
  ExpectError(app_->my_data().Reveal(mine, code), ErrorCode::kUnauthenticated,
              "error.sign_in.code_invalid");
  ExpectError(app_->my_data().RequestRevealCode(staff_a_), ErrorCode::kPermissionDenied,
              "error.forbidden");
}

TEST_P(MyDataRightsTest, AnUnboundWorkerSeesOnlyTheAccountsPhone) {
  const auto grant = SignIn(kPhone);
  clock_.Advance(kMinute);
  const std::string code = RevealCode(grant.actor);
  auto revealed = app_->my_data().Reveal(grant.actor, code);
  ASSERT_OK(revealed);
  EXPECT_EQ(revealed->phone, kPhone);
  EXPECT_FALSE(revealed->id_number.has_value());
  EXPECT_FALSE(revealed->member_phone.has_value());
}

TEST_P(MyDataRightsTest, ConsentIsOptInAndEveryGrantAndWithdrawalIsKept) {
  const app::Actor mine = BoundWorker(kPhone, "张晓林", 11);
  auto none = app_->consents().Of(mine);
  ASSERT_OK(none);
  EXPECT_EQ(States(*none), (std::vector<bool>{false, false, false})) << "nothing before a grant";
  EXPECT_FALSE(none->uses[0].changed_at.has_value());

  ASSERT_OK(app_->consents().Set(mine, "surveys", true));
  clock_.Advance(kMinute);
  ASSERT_OK(app_->consents().Set(mine, "surveys", false));
  clock_.Advance(kMinute);
  ASSERT_OK(app_->consents().Set(mine, "surveys", true));
  ASSERT_OK(app_->consents().Set(mine, "surveys", true));        // holds already: no new row
  ASSERT_OK(app_->consents().Set(mine, "activity_sms", false));  // never granted: no row
  auto now = app_->consents().Set(mine, "honours_name", true);
  ASSERT_OK(now);
  EXPECT_EQ(States(*now), (std::vector<bool>{false, true, true}));
  ASSERT_EQ(now->history.size(), 4u);
  EXPECT_EQ(now->history[0].purpose, "honours_name");
  std::vector<bool> surveys;
  std::vector<std::int64_t> at;
  for (const auto& h : now->history) {
    if (h.purpose == "surveys") {
      surveys.push_back(h.granted);
      at.push_back(h.created_at);
    }
  }
  EXPECT_EQ(surveys, (std::vector<bool>{true, false, true})) << "newest first";
  EXPECT_EQ(
      at, (std::vector<std::int64_t>{kTestNowMs + 2 * kMinute, kTestNowMs + kMinute, kTestNowMs}));
  EXPECT_EQ(WorkerAudits(mine, "worker.consent", "surveys"), 3);
  ExpectFieldError(app_->consents().Set(mine, "marketing", true), "use", "error.field.one_of");
  ExpectError(app_->consents().Set(staff_a_, "surveys", true), ErrorCode::kPermissionDenied,
              "error.forbidden");
}

TEST_P(MyDataRightsTest, ConsentGivenAnswersForAnAccountAndForAMember) {
  const app::Actor mine = BoundWorker(kPhone, "张晓林", 11);
  const app::Actor other = BoundWorker(kOtherPhone, "李秀英", 12);
  const auto unbound_member = MemberWithPhone("王建国", 13, std::nullopt);
  ASSERT_OK(app_->consents().Set(mine, "activity_sms", true));
  ASSERT_OK(app_->consents().Set(other, "surveys", true));

  auto given = [&](const app::ConsentHolder& who, std::string_view use) {
    auto r = app_->consents().Given(who, use);
    EXPECT_TRUE(r.has_value()) << Describe(r.error());
    return r.value_or(false);
  };
  EXPECT_TRUE(given(app::ConsentHolder::Worker(*mine.worker_id), "activity_sms"));
  EXPECT_FALSE(given(app::ConsentHolder::Worker(*mine.worker_id), "surveys"));
  EXPECT_TRUE(given(app::ConsentHolder::Member(*mine.member_id), "activity_sms"));
  EXPECT_FALSE(given(app::ConsentHolder::Member(*other.member_id), "activity_sms"));
  EXPECT_TRUE(given(app::ConsentHolder::Member(*other.member_id), "surveys"));
  EXPECT_FALSE(given(app::ConsentHolder::Member(unbound_member.row.id), "surveys"))
      << "a member without an account has given no consent";
  ASSERT_OK(app_->consents().Set(mine, "activity_sms", false));
  EXPECT_FALSE(given(app::ConsentHolder::Member(*mine.member_id), "activity_sms"));
  ExpectFieldError(app_->consents().Given(app::ConsentHolder::Worker(*mine.worker_id), "ads"),
                   "use", "error.field.one_of");
}

TEST_P(MyDataRightsTest, TheNoticeVersionAcceptedIsRecordedAndNeverGoesBack) {
  const app::Actor mine = BoundWorker(kPhone, "张晓林", 11);
  auto before = app_->consents().Of(mine);
  ASSERT_OK(before);
  EXPECT_FALSE(before->notice.version.has_value());
  ExpectFieldError(app_->consents().AcceptNotice(mine, 0), "version", "error.field.out_of_range");
  clock_.Advance(kMinute);
  auto first = app_->consents().AcceptNotice(mine, 2);
  ASSERT_OK(first);
  EXPECT_EQ(first->version, std::optional<int>(2));
  EXPECT_EQ(first->accepted_at, std::optional<std::int64_t>(kTestNowMs + kMinute));
  ExpectFieldError(app_->consents().AcceptNotice(mine, 1), "version", "error.field.out_of_range");
  clock_.Advance(kMinute);
  ASSERT_OK(app_->consents().AcceptNotice(mine, 3));
  auto after = app_->consents().Of(mine);
  ASSERT_OK(after);
  EXPECT_EQ(after->notice.version, std::optional<int>(3));
  EXPECT_EQ(after->notice.accepted_at, std::optional<std::int64_t>(kTestNowMs + 2 * kMinute));
  EXPECT_EQ(WorkerAudits(mine, "worker.notice", "\"3\""), 1);
}

TEST_P(MyDataRightsTest, TheCopyHoldsTheConsentsAndNoticeAndNothingOfAnotherWorker) {
  const app::Actor mine = BoundWorker(kPhone, "张晓林", 11);
  const app::Actor other = BoundWorker(kOtherPhone, "李秀英", 12);
  ASSERT_OK(app_->consents().AcceptNotice(mine, 1));
  ASSERT_OK(app_->consents().Set(mine, "surveys", true));
  ASSERT_OK(app_->consents().AcceptNotice(other, 5));
  ASSERT_OK(app_->consents().Set(other, "honours_name", true));
  ASSERT_OK(app_->consents().Set(other, "activity_sms", true));

  auto data = app_->my_data().Of(mine, "json");
  ASSERT_OK(data);
  EXPECT_EQ(data->consents.notice.version, std::optional<int>(1));
  EXPECT_EQ(States(data->consents), (std::vector<bool>{false, true, false}));
  ASSERT_EQ(data->consents.history.size(), 1u);
  EXPECT_EQ(data->consents.history[0].worker_id, *mine.worker_id);
  EXPECT_EQ(data->consents.history[0].purpose, "surveys");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MyDataRightsTest);

}  // namespace
}  // namespace zj::test

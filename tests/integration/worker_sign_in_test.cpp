// Signing workers in by phone and one-time code, on both stores: a code signs in once, for five
// minutes, within five tries, and only the newest one; sends are throttled per phone (1 a
// minute, 10 a day) and per address; a phone that was never sent a code gets the same refusal
// as a wrong code; codes and phones are stored hashed or sealed; sessions end on sign-out,
// everywhere, and when idle.
#include "store/outbox.h"
#include "store/worker_accounts.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";
constexpr std::int64_t kMinute = 60'000;

class WorkerSignInTest : public WorkerTest {};

TEST_P(WorkerSignInTest, ACodeSentBySmsSignsInAndOpensTheAccountOnce) {
  const std::string code = CodeFor(kPhone);
  ASSERT_EQ(code.size(), 6u);
  ASSERT_EQ(sms_.sent.size(), 1u);
  EXPECT_EQ(sms_.sent[0].minutes, 5);
  auto first = app_->sign_in().SignIn(" １３９１２３４５６７８ ", code, "192.0.2.10");
  ASSERT_OK(first);
  EXPECT_TRUE(first->new_account);
  EXPECT_EQ(first->actor.role, "worker");
  EXPECT_EQ(first->actor.user_id, 0);
  EXPECT_TRUE(first->actor.org_path.empty());
  ASSERT_TRUE(first->actor.worker_id.has_value());
  EXPECT_FALSE(first->actor.member_id.has_value());

  ExpectError(app_->sign_in().SignIn(kPhone, code, "192.0.2.10"), ErrorCode::kUnauthenticated,
              "error.sign_in.code_invalid");  // used once already

  clock_.Advance(kMinute);
  auto second = app_->sign_in().SignIn(kPhone, CodeFor(kPhone), "192.0.2.10");
  ASSERT_OK(second);
  EXPECT_FALSE(second->new_account);
  EXPECT_EQ(second->actor.worker_id, first->actor.worker_id) << "one account per phone";
}

TEST_P(WorkerSignInTest, ACodeExpiresAfterFiveMinutes) {
  const std::string code = CodeFor(kPhone);
  clock_.Advance(5 * kMinute);
  ExpectError(app_->sign_in().SignIn(kPhone, code, "192.0.2.10"), ErrorCode::kUnauthenticated,
              "error.sign_in.code_invalid");
}

TEST_P(WorkerSignInTest, FiveWrongTriesKillTheCode) {
  const std::string code = CodeFor(kPhone);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  for (int i = 0; i < 5; ++i) {
    ExpectError(app_->sign_in().SignIn(kPhone, wrong, "192.0.2.10"), ErrorCode::kUnauthenticated,
                "error.sign_in.code_invalid");
  }
  ExpectError(app_->sign_in().SignIn(kPhone, code, "192.0.2.10"), ErrorCode::kUnauthenticated,
              "error.sign_in.code_invalid");
  const app::Actor root_admin = MakeUser("root-admin-2", "admin", root_);
  app::AuditFilter sign_ins;
  sign_ins.action = "worker.sign_in";
  auto locked = app_->audit().Search(root_admin, sign_ins);
  ASSERT_OK(locked);
  ASSERT_EQ(locked->entries.size(), 1u);
  EXPECT_EQ(locked->entries[0].outcome, "failed");
  EXPECT_NE(locked->entries[0].detail.find("tries_exhausted"), std::string::npos);
}

TEST_P(WorkerSignInTest, OnlyTheNewestCodeCounts) {
  const std::string older = CodeFor(kPhone);
  clock_.Advance(kMinute);
  const std::string newer = CodeFor(kPhone);
  if (older != newer) {
    ExpectError(app_->sign_in().SignIn(kPhone, older, "192.0.2.10"), ErrorCode::kUnauthenticated,
                "error.sign_in.code_invalid");
  }
  ASSERT_OK(app_->sign_in().SignIn(kPhone, newer, "192.0.2.10"));
}

TEST_P(WorkerSignInTest, APhoneGetsOneCodeAMinuteAndTenADay) {
  ASSERT_OK(app_->sign_in().RequestCode(kPhone, "192.0.2.10"));
  clock_.Advance(20'000);
  auto again = app_->sign_in().RequestCode(kPhone, "198.51.100.1");  // any address
  ExpectError(again, ErrorCode::kResourceExhausted, "error.too_many_requests");
  bool told = false;
  for (const auto& [name, value] : again.error().args)
    told |= name == "retry_after" && value == "40";
  EXPECT_TRUE(told) << Describe(again.error());
  for (int i = 1; i < 10; ++i) {
    clock_.Advance(kMinute);
    ASSERT_TRUE(app_->sign_in().RequestCode(kPhone, "192.0.2.10").has_value()) << i;
  }
  clock_.Advance(kMinute);
  ExpectError(app_->sign_in().RequestCode(kPhone, "192.0.2.10"), ErrorCode::kResourceExhausted,
              "error.too_many_requests");
  EXPECT_EQ(app_->sign_in().RequestCode("13912345679", "192.0.2.10").has_value(), true)
      << "another phone is not held up";
}

TEST_P(WorkerSignInTest, AnAddressGetsThirtyCodesAnHour) {
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(app_->sign_in()
                    .RequestCode("1390000" + std::to_string(1000 + i), "203.0.113.7")
                    .has_value())
        << i;
  }
  ExpectError(app_->sign_in().RequestCode("13900002000", "203.0.113.7"),
              ErrorCode::kResourceExhausted, "error.too_many_requests");
  ASSERT_OK(app_->sign_in().RequestCode("13900002000", "203.0.113.8"));
  clock_.Advance(60 * kMinute);
  ASSERT_OK(app_->sign_in().RequestCode("13900002001", "203.0.113.7"));
}

TEST_P(WorkerSignInTest, AnUnknownPhoneIsAnsweredAsAWrongCode) {
  // Asking for a code: the same answer for a phone with an account and one without.
  const std::string known = "13911112222";
  SignIn(known);
  clock_.Advance(kMinute);
  auto to_known = app_->sign_in().RequestCode(known, "192.0.2.11");
  auto to_unknown = app_->sign_in().RequestCode("13933334444", "192.0.2.11");
  ASSERT_OK(to_known);
  ASSERT_OK(to_unknown);
  EXPECT_EQ(to_known->resend_after_ms, to_unknown->resend_after_ms);
  EXPECT_EQ(to_known->expires_in_ms, to_unknown->expires_in_ms);
  // Signing in: never sent a code, and a wrong code, are one refusal.
  auto never = app_->sign_in().SignIn("13955556666", "123456", "192.0.2.12");
  auto wrong =
      app_->sign_in().SignIn(known, Deliver(known) == "123456" ? "654321" : "123456", "192.0.2.12");
  ASSERT_FALSE(never.has_value());
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(never.error().code, wrong.error().code);
  EXPECT_EQ(never.error().message_key, wrong.error().message_key);
  EXPECT_EQ(never.error().fields.size(), wrong.error().fields.size());
  EXPECT_EQ(never.error().args.size(), wrong.error().args.size());
}

TEST_P(WorkerSignInTest, MalformedInputIsAFieldError) {
  ExpectFieldError(app_->sign_in().RequestCode("2391234567", "192.0.2.10"), "phone",
                   "error.phone.invalid");
  ExpectFieldError(app_->sign_in().RequestCode(std::string(100000, '1'), "192.0.2.10"), "phone",
                   "error.phone.invalid");
  ExpectFieldError(app_->sign_in().SignIn(kPhone, "12345", "192.0.2.10"), "code",
                   "error.sign_in.code_format");
  EXPECT_TRUE(sms_.sent.empty());
}

TEST_P(WorkerSignInTest, WrongCodesAreThrottledPerPhone) {
  CodeFor(kPhone);
  for (int i = 0; i < 10; ++i) {
    clock_.Advance(kMinute);
    (void)app_->sign_in().SignIn(kPhone, "999999", "192.0.2.10");
    if (i % 5 == 4) CodeFor(kPhone);  // a fresh code after every five misses
  }
  auto throttled = app_->sign_in().SignIn(kPhone, "999999", "198.51.100.20");
  ExpectError(throttled, ErrorCode::kResourceExhausted, "error.too_many_requests");
}

TEST_P(WorkerSignInTest, NeitherPhoneNorCodeIsStoredInClear) {
  const std::string code = CodeFor(kPhone);
  auto grant = app_->sign_in().SignIn(kPhone, code, "192.0.2.10");
  ASSERT_OK(grant);
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto account = store::FindWorkerAccount(**lease, *grant->actor.worker_id);
  ASSERT_OK(account);
  ASSERT_TRUE(account->has_value());
  const std::string cipher((*account)->phone_cipher.begin(), (*account)->phone_cipher.end());
  EXPECT_EQ(cipher.find(kPhone), std::string::npos);
  EXPECT_EQ((*account)->phone_index.find(kPhone), std::string::npos);
  EXPECT_EQ((*account)->phone_last4, "5678");
  auto codes = store::SignInCodesSince(**lease, (*account)->phone_index, 0);
  ASSERT_OK(codes);
  ASSERT_EQ(codes->size(), 1u);
  EXPECT_EQ(codes->at(0).code_hash.find(code), std::string::npos);
  EXPECT_EQ(codes->at(0).code_hash.size(), 64u);
  auto queued = store::RecentOutbox(**lease, 10);
  ASSERT_OK(queued);
  ASSERT_EQ(queued->size(), 1u);
  EXPECT_EQ(queued->at(0).channel, "sms");
  for (const std::string& text : {queued->at(0).recipient, queued->at(0).body}) {
    EXPECT_EQ(text.find(kPhone), std::string::npos);
    EXPECT_EQ(text.find(code), std::string::npos);
  }
}

TEST_P(WorkerSignInTest, SessionsEndOnSignOutEverywhereAndWhenIdle) {
  const auto a = SignIn(kPhone);
  clock_.Advance(kMinute);
  const auto b = SignIn(kPhone);
  ASSERT_OK(app_->sign_in().Authenticate(a.token));
  ASSERT_OK(app_->sign_in().Logout(a.actor, a.token));
  ExpectError(app_->sign_in().Authenticate(a.token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  ASSERT_OK(app_->sign_in().Authenticate(b.token));
  clock_.Advance(kMinute);
  const auto c = SignIn(kPhone);
  ASSERT_OK(app_->sign_in().LogoutEverywhere(c.actor));
  ExpectError(app_->sign_in().Authenticate(b.token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  ExpectError(app_->sign_in().Authenticate(c.token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  clock_.Advance(kMinute);
  const auto d = SignIn(kPhone);
  clock_.Advance(29 * kMinute);
  ASSERT_OK(app_->sign_in().Authenticate(d.token));
  clock_.Advance(30 * kMinute);
  ExpectError(app_->sign_in().Authenticate(d.token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
}

TEST_P(WorkerSignInTest, AStaffSessionTokenIsNoWorkerSession) {
  auto staff = app_->accounts().Login("admin", "Scoped-Pass-2026", "192.0.2.10");
  ASSERT_OK(staff);
  ExpectError(app_->sign_in().Authenticate(staff->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  const auto worker = SignIn(kPhone);
  ExpectError(app_->accounts().Authenticate(worker.token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
}

TEST_P(WorkerSignInTest, OldCodesAreForgottenAfterADay) {
  CodeFor(kPhone);
  clock_.Advance(24 * 60 * kMinute + 1);
  auto forgotten = app_->sign_in().ForgetOldCodes();
  ASSERT_OK(forgotten);
  EXPECT_EQ(*forgotten, 1);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(WorkerSignInTest);

}  // namespace
}  // namespace zj::test

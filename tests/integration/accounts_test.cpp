// Signing in and sessions on both stores: a session survives until its idle or absolute limit,
// a disabled account can neither sign in nor keep using its session, and logout ends it.
#include "store/accounts.h"

#include "app_fixture.h"

namespace zj::test {
namespace {

class AccountsTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo("Right-Pass-2026");
  }

  void Disable(const std::string& username) {
    static constexpr store::Sql kDisable{
        "test.users.disable", "UPDATE users SET status = 'disabled' WHERE username = $1"};
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK((**lease).Execute(kDisable, Params(username)));
  }
};

TEST_P(AccountsTest, LoginWithTheRightPasswordGrantsASessionThatAuthenticates) {
  auto grant = app_->accounts().Login("admin", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  EXPECT_EQ(grant->actor.role, "admin");
  EXPECT_EQ(grant->actor.org_name, "北京市总工会");
  EXPECT_NE(grant->token, grant->csrf_token);

  auto session = app_->accounts().Authenticate(grant->token);
  ASSERT_OK(session);
  EXPECT_EQ(session->actor.username, "admin");
  EXPECT_EQ(session->csrf_token, grant->csrf_token);
}

TEST_P(AccountsTest, TheStoreKeepsOnlyAHashOfTheSessionToken) {
  auto grant = app_->accounts().Login("admin", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto by_token = store::FindSession(**lease, grant->token);
  ASSERT_OK(by_token);
  EXPECT_FALSE(by_token->has_value());
  auto by_hash = store::FindSession(**lease, app::HashSessionToken(grant->token));
  ASSERT_OK(by_hash);
  EXPECT_TRUE(by_hash->has_value());
}

TEST_P(AccountsTest, WrongPasswordAndUnknownUserFailAlike) {
  ExpectError(app_->accounts().Login("admin", "wrong", "127.0.0.1"), ErrorCode::kUnauthenticated,
              "error.auth.invalid_credentials");
  ExpectError(app_->accounts().Login("nobody", "Right-Pass-2026", "127.0.0.1"),
              ErrorCode::kUnauthenticated, "error.auth.invalid_credentials");
}

TEST_P(AccountsTest, SessionExpiresAfterTheIdleLimit) {
  auto grant = app_->accounts().Login("admin", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  const app::SessionPolicy policy;
  clock_.Advance(policy.idle_ms - 1000);
  ASSERT_OK(app_->accounts().Authenticate(grant->token));  // use keeps it alive
  clock_.Advance(policy.idle_ms - 1000);
  ASSERT_OK(app_->accounts().Authenticate(grant->token));
  clock_.Advance(policy.idle_ms);
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
}

TEST_P(AccountsTest, SessionExpiresAtTheAbsoluteLimitEvenWhenUsed) {
  auto grant = app_->accounts().Login("admin", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  const app::SessionPolicy policy;
  std::int64_t elapsed = 0;
  while (elapsed + policy.idle_ms / 2 < policy.absolute_ms) {
    clock_.Advance(policy.idle_ms / 2);
    elapsed += policy.idle_ms / 2;
    ASSERT_OK(app_->accounts().Authenticate(grant->token));  // never idle for long
  }
  clock_.Advance(policy.absolute_ms - elapsed);
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
}

TEST_P(AccountsTest, DisabledAccountCannotSignInNorUseItsSession) {
  auto grant = app_->accounts().Login("admin", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  Disable("admin");
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  ExpectError(app_->accounts().Login("admin", "Right-Pass-2026", "127.0.0.1"),
              ErrorCode::kUnauthenticated, "error.auth.invalid_credentials");
}

TEST_P(AccountsTest, LogoutEndsTheSession) {
  auto grant = app_->accounts().Login("admin", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  ASSERT_OK(app_->accounts().Logout(grant->token));
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
}

TEST_P(AccountsTest, DuplicateUsernameIsAlreadyExists) {
  ExpectError(
      app_->accounts().CreateUser({"admin", "Another", "Some-Pass-2026", "staff", std::nullopt}),
      ErrorCode::kAlreadyExists, "error.db.unique");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(AccountsTest);

}  // namespace
}  // namespace zj::test

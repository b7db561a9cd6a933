// Signing in and sessions on both stores: a session survives until its idle or absolute limit,
// a disabled account can neither sign in nor keep using its session, and logout ends it; with
// the session cache in front of the store, changes made here end a session at once and changes
// made elsewhere within the cache time.
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
  ASSERT_OK(app_->accounts().Authenticate(grant->token));  // now in the session cache too
  ASSERT_OK(app_->accounts().Logout(grant->token));
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
}

TEST_P(AccountsTest, DuplicateUsernameIsAlreadyExists) {
  ExpectError(
      app_->accounts().CreateUser({"admin", "Another", "Some-Pass-2026", "staff", std::nullopt}),
      ErrorCode::kAlreadyExists, "error.db.unique");
}

// The session cache (app/accounts/session_cache.h): what another process does to an account is
// seen within the cache time; what this process does, at once.
TEST_P(AccountsTest, AnotherProcesssDisableIsSeenWithinTheCacheTime) {
  auto grant = app_->accounts().Login("admin", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  ASSERT_OK(app_->accounts().Authenticate(grant->token));
  Disable("admin");  // straight in the store, as `zhijia users disable` in another process
  ASSERT_OK(app_->accounts().Authenticate(grant->token));  // still the cached session
  clock_.Advance(app::SessionPolicy{}.cache_ms);
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
}

TEST_P(AccountsTest, AccountChangesThroughTheDirectoryReachACachedSessionAtOnce) {
  auto grant = app_->accounts().Login("staff.dongcheng", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  ASSERT_OK(app_->accounts().Authenticate(grant->token));
  auto user = app_->users().GetByUsername(app::SystemActor(), "staff.dongcheng");
  ASSERT_OK(user);
  app::UserPatch role;
  role.role = "cadre";
  ASSERT_OK(app_->users().Update(app::SystemActor(), user->id, role));
  auto session = app_->accounts().Authenticate(grant->token);
  ASSERT_OK(session);
  EXPECT_EQ(session->actor.role, "cadre");
  app::UserPatch disable;
  disable.status = "disabled";
  ASSERT_OK(app_->users().Update(app::SystemActor(), user->id, disable));
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
}

TEST_P(AccountsTest, APasswordResetEndsACachedSessionAtOnce) {
  auto grant = app_->accounts().Login("staff.dongcheng", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  ASSERT_OK(app_->accounts().Authenticate(grant->token));
  auto user = app_->users().GetByUsername(app::SystemActor(), "staff.dongcheng");
  ASSERT_OK(user);
  ASSERT_OK(app_->users().ResetPassword(app::SystemActor(), user->id, "Fresh-Pass-2026!"));
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
}

TEST_P(AccountsTest, ACachedSessionFollowsItsOrgWhenTheOrgMoves) {
  auto grant = app_->accounts().Login("cadre.donghuamen", "Right-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  auto before = app_->accounts().Authenticate(grant->token);
  ASSERT_OK(before);
  auto street = app_->users().OrgIdByCode(app::SystemActor(), "110101001");
  auto xicheng = app_->users().OrgIdByCode(app::SystemActor(), "110102");
  ASSERT_OK(street);
  ASSERT_OK(xicheng);
  app::OrgPatch clear;  // 东华门's region lies in 东城's; it cannot come along to 西城
  clear.region_code = "";
  ASSERT_OK(app_->orgs().Update(app::SystemActor(), *street, clear));
  ASSERT_OK(app_->orgs().Move(app::SystemActor(), *street, *xicheng));
  auto after = app_->accounts().Authenticate(grant->token);
  ASSERT_OK(after);
  EXPECT_NE(after->actor.org_path, before->actor.org_path);
  EXPECT_NE(after->actor.org_path.find("/" + std::to_string(*xicheng) + "/"), std::string::npos)
      << after->actor.org_path;
}

ZJ_INSTANTIATE_ON_BOTH_STORES(AccountsTest);

}  // namespace
}  // namespace zj::test

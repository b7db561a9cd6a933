// Account management as use cases on both stores: who sees and manages whom (admin everything,
// district staff their own subtree, nobody else), the password policy on every way a password is
// set, sessions that end on disabling, password change and sign-out everywhere, and throttled
// sign-in.
#include <algorithm>

#include "app_fixture.h"
#include "store/accounts.h"

namespace zj::test {
namespace {

constexpr const char* kPass = "Users-Pass-2026";

class UsersTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
  }

  app::Actor ActorOf(const std::string& username) {
    auto grant = app_->accounts().Login(username, kPass, "127.0.0.1");
    EXPECT_TRUE(grant.has_value()) << username;
    return grant ? grant->actor : app::Actor{};
  }

  std::int64_t OrgId(const std::string& code) {
    auto id = app_->users().OrgIdByCode(app::SystemActor(), code);
    EXPECT_TRUE(id.has_value()) << code;
    return id.value_or(0);
  }

  //! A cadre in the street 西长安街 (110102001) of 西城, created by the admin.
  app::UserView CreateXichengCadre(const std::string& username = "cadre.xicheng") {
    auto created = app_->users().Create(
        app::SystemActor(),
        {username, "西城干部", "Xicheng-Pass-2026", "cadre", OrgId("110102001")});
    EXPECT_TRUE(created.has_value()) << (created ? "" : Describe(created.error()));
    return created.value_or(app::UserView{});
  }

  app::UserPage List(const app::Actor& actor, const app::UserFilter& filter = {}) {
    auto page = app_->users().List(actor, filter);
    EXPECT_TRUE(page.has_value()) << (page ? "" : Describe(page.error()));
    return page.value_or(app::UserPage{});
  }

  //! The user names of a page, sorted (ids, and so the page order, come from the random source).
  static std::vector<std::string> Names(const app::UserPage& page) {
    std::vector<std::string> names;
    names.reserve(page.items.size());
    for (const auto& u : page.items) names.push_back(u.username);
    std::sort(names.begin(), names.end());
    return names;
  }
};

TEST_P(UsersTest, DemoCreatesOneConsoleAccountPerStaffRoleBoundToItsOrg) {
  const auto all = List(app::SystemActor());
  // The demo worker has a portal account (by phone), not a console account.
  EXPECT_EQ(Names(all), (std::vector<std::string>{"admin", "cadre.donghuamen", "judge.dongcheng",
                                                  "operator", "staff.dongcheng", "staff.xicheng"}));
  const auto staff = ActorOf("staff.dongcheng");
  EXPECT_EQ(staff.role, "staff");
  EXPECT_EQ(staff.org_name, "北京市东城区总工会");
  EXPECT_EQ(ActorOf("cadre.donghuamen").org_name, "东华门街道总工会");
}

TEST_P(UsersTest, TheConsoleRoleWorkerIsRetired) {
  ExpectFieldError(app_->users().Create(app::SystemActor(), {"w.one", "职工", "Fresh-Pass-2026",
                                                             "worker", std::nullopt}),
                   "role", "error.role.worker_retired");
  auto cadre = app_->users().Create(
      app::SystemActor(), {"c.one", "干部", "Fresh-Pass-2026", "cadre", OrgId("110101001")});
  ASSERT_OK(cadre);
  app::UserPatch to_worker;
  to_worker.role = "worker";
  ExpectFieldError(app_->users().Update(app::SystemActor(), cadre->id, to_worker), "role",
                   "error.role.worker_retired");
  // An account made a worker before this release sends its user to the portal.
  ASSERT_OK(app_->accounts().CreateUser({"w.old", "老职工账号", "Fresh-Pass-2026", "worker", {}}));
  ExpectError(app_->accounts().Login("w.old", "Fresh-Pass-2026", "127.0.0.1"),
              ErrorCode::kPermissionDenied, "error.auth.use_portal");
  ExpectError(app_->accounts().Login("w.old", "Wrong-Pass-2026", "127.0.0.1"),
              ErrorCode::kUnauthenticated, "error.auth.invalid_credentials");
}

TEST_P(UsersTest, StaffSeeOnlyTheAccountsOfTheirOwnSubtree) {
  const auto cadre = CreateXichengCadre();
  const auto dongcheng = ActorOf("staff.dongcheng");
  EXPECT_EQ(Names(List(dongcheng)),
            (std::vector<std::string>{"cadre.donghuamen", "judge.dongcheng", "staff.dongcheng"}));
  app::UserFilter by_name;
  by_name.q = "cadre.x";
  EXPECT_TRUE(List(dongcheng, by_name).items.empty());
  EXPECT_EQ(Names(List(ActorOf("staff.xicheng"), by_name)),
            std::vector<std::string>{"cadre.xicheng"});
  ExpectError(app_->users().Get(dongcheng, cadre.id), ErrorCode::kNotFound, "error.not_found");
  ASSERT_OK(app_->users().Get(ActorOf("staff.xicheng"), cadre.id));
}

TEST_P(UsersTest, StaffCannotChangeOrResetAnAccountInAnotherDistrict) {
  const auto cadre = CreateXichengCadre();
  const auto dongcheng = ActorOf("staff.dongcheng");
  app::UserPatch patch;
  patch.display_name = "hijacked";
  ExpectError(app_->users().Update(dongcheng, cadre.id, patch), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(app_->users().ResetPassword(dongcheng, cadre.id, "Hijack-Pass-2026"),
              ErrorCode::kNotFound, "error.not_found");
  ASSERT_OK(app_->accounts().Login("cadre.xicheng", "Xicheng-Pass-2026", "127.0.0.1"));
  EXPECT_EQ(app_->users().Get(app::SystemActor(), cadre.id)->display_name, "西城干部");
}

TEST_P(UsersTest, StaffCannotCreateAnAdminNorAnAccountInAnotherDistrict) {
  const auto staff = ActorOf("staff.dongcheng");
  ExpectError(
      app_->users().Create(staff, {"new.admin", "x", "Fresh-Pass-2026", "admin", OrgId("110101")}),
      ErrorCode::kPermissionDenied, "error.auth.forbidden");
  auto elsewhere = app_->users().Create(
      staff, {"new.cadre", "x", "Fresh-Pass-2026", "cadre", OrgId("110102001")});
  ExpectError(elsewhere, ErrorCode::kNotFound, "error.not_found");
  ASSERT_EQ(elsewhere.error().fields.size(), 1u);
  EXPECT_EQ(elsewhere.error().fields[0].field, "org_id");
  auto own = app_->users().Create(
      staff, {"new.cadre", "新干部", "Fresh-Pass-2026", "cadre", OrgId("110101001")});
  ASSERT_OK(own);
  EXPECT_EQ(own->org_name, "东华门街道总工会");
}

TEST_P(UsersTest, CadresAndOperatorsManageNobody) {
  for (const char* name : {"cadre.donghuamen", "operator"}) {
    const auto actor = ActorOf(name);
    ExpectError(app_->users().List(actor, {}), ErrorCode::kPermissionDenied,
                "error.auth.forbidden");
    ExpectError(
        app_->users().Create(actor, {"x.y.z", "x", "Fresh-Pass-2026", "cadre", actor.org_id}),
        ErrorCode::kPermissionDenied, "error.auth.forbidden");
  }
}

TEST_P(UsersTest, CreatingChecksEveryFieldAndThePasswordPolicy) {
  auto bad = app_->users().Create(app::SystemActor(), {"X", "", "password", "chief", std::nullopt});
  ExpectError(bad, ErrorCode::kInvalidArgument, "error.invalid_input");
  std::vector<std::string> fields;
  for (const auto& f : bad.error().fields) fields.push_back(f.field + ":" + f.message_key);
  EXPECT_EQ(fields, (std::vector<std::string>{
                        "username:error.username.invalid", "display_name:error.field.required",
                        "role:error.role.invalid", "password:error.password.too_short"}));
  ExpectError(app_->users().Create(app::SystemActor(),
                                   {"no.org", "x", "Fresh-Pass-2026", "staff", std::nullopt}),
              ErrorCode::kInvalidArgument, "error.invalid_input");
  ExpectError(app_->users().Create(app::SystemActor(), {"staff.dongcheng", "x", "Fresh-Pass-2026",
                                                        "staff", OrgId("110101")}),
              ErrorCode::kAlreadyExists, "error.username.taken");
}

TEST_P(UsersTest, SqlAndHtmlInNamesAreStoredVerbatim) {
  const std::string name = "Robert'); DROP TABLE users;-- <script>alert(1)</script>";
  auto created = app_->users().Create(
      app::SystemActor(), {"bobby.tables", name, "Fresh-Pass-2026", "cadre", OrgId("110101001")});
  ASSERT_OK(created);
  EXPECT_EQ(app_->users().Get(app::SystemActor(), created->id)->display_name, name);
  app::UserFilter filter;
  filter.q = "Robert'); DROP";
  EXPECT_EQ(Names(List(app::SystemActor(), filter)), std::vector<std::string>{"bobby.tables"});
  filter.q = "%";  // a LIKE wildcard in the query is literal text
  EXPECT_TRUE(List(app::SystemActor(), filter).items.empty());
}

TEST_P(UsersTest, ListPagesByCursorInIdOrder) {
  app::UserFilter filter;
  filter.limit = 4;
  auto first = List(app::SystemActor(), filter);
  ASSERT_EQ(first.items.size(), 4u);
  ASSERT_TRUE(first.next_cursor.has_value());
  filter.after_id = *first.next_cursor;
  auto second = List(app::SystemActor(), filter);
  EXPECT_EQ(second.items.size(), 2u);  // the demo's six console accounts
  EXPECT_FALSE(second.next_cursor.has_value());
  EXPECT_LT(first.items.back().id, second.items.front().id);
}

TEST_P(UsersTest, DisablingEndsTheSessionsAndSignInIsRefused) {
  const auto cadre = CreateXichengCadre();
  auto grant = app_->accounts().Login("cadre.xicheng", "Xicheng-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  app::UserPatch patch;
  patch.status = "disabled";
  auto updated = app_->users().Update(ActorOf("staff.xicheng"), cadre.id, patch);
  ASSERT_OK(updated);
  EXPECT_EQ(updated->status, "disabled");
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  ExpectError(app_->accounts().Login("cadre.xicheng", "Xicheng-Pass-2026", "127.0.0.1"),
              ErrorCode::kUnauthenticated, "error.auth.invalid_credentials");
}

TEST_P(UsersTest, NobodyCanDisableOrDemoteThemselves) {
  for (const char* name : {"admin", "staff.dongcheng"}) {
    const auto self = ActorOf(name);
    app::UserPatch disable;
    disable.status = "disabled";
    ExpectError(app_->users().Update(self, self.user_id, disable), ErrorCode::kPermissionDenied,
                "error.users.self_demotion");
    app::UserPatch demote;
    demote.role = "cadre";
    ExpectError(app_->users().Update(self, self.user_id, demote), ErrorCode::kPermissionDenied,
                "error.users.self_demotion");
    app::UserPatch rename;
    rename.display_name = "新名字";
    ASSERT_OK(app_->users().Update(self, self.user_id, rename));
  }
}

TEST_P(UsersTest, StaffCannotPromoteToAdminNorTouchAnAdmin) {
  const auto cadre = app_->users().GetByUsername(app::SystemActor(), "cadre.donghuamen");
  ASSERT_OK(cadre);
  app::UserPatch promote;
  promote.role = "admin";
  ExpectError(app_->users().Update(ActorOf("staff.dongcheng"), cadre->id, promote),
              ErrorCode::kPermissionDenied, "error.auth.forbidden");
  app::UserPatch to_staff;
  to_staff.role = "staff";
  ASSERT_OK(app_->users().Update(ActorOf("staff.dongcheng"), cadre->id, to_staff));
}

TEST_P(UsersTest, ResetPasswordChecksThePolicyAndEndsTheUsersSessions) {
  const auto cadre = CreateXichengCadre();
  auto grant = app_->accounts().Login("cadre.xicheng", "Xicheng-Pass-2026", "127.0.0.1");
  ASSERT_OK(grant);
  const auto staff = ActorOf("staff.xicheng");
  ExpectError(app_->users().ResetPassword(staff, cadre.id, "cadre.xicheng"),
              ErrorCode::kInvalidArgument, "error.invalid_input");
  ASSERT_OK(app_->users().ResetPassword(staff, cadre.id, "Brand-New-Pass-7"));
  ExpectError(app_->accounts().Authenticate(grant->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  ASSERT_OK(app_->accounts().Login("cadre.xicheng", "Brand-New-Pass-7", "127.0.0.1"));
}

TEST_P(UsersTest, OrgSearchStaysInsideTheSubtree) {
  auto orgs = app_->users().SearchOrgs(ActorOf("staff.dongcheng"), "西", 200);
  ASSERT_OK(orgs);
  for (const auto& o : *orgs) EXPECT_TRUE(o.code.starts_with("110101")) << o.code << o.name;
  auto by_code = app_->users().SearchOrgs(ActorOf("staff.dongcheng"), "110102", 20);
  ASSERT_OK(by_code);
  EXPECT_TRUE(by_code->empty());
  auto own = app_->users().SearchOrgs(ActorOf("staff.dongcheng"), "东华门", 20);
  ASSERT_OK(own);
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ((*own)[0].code, "110101001");
}

TEST_P(UsersTest, OrgSearchListsHigherOrgsFirstThenTheBetterMatch) {
  // 朝阳门街道 (东城) sorted by path came before 北京市朝阳区 (issue 18).
  auto orgs = app_->users().SearchOrgs(ActorOf("admin"), "朝阳", 20);
  ASSERT_OK(orgs);
  ASSERT_GE(orgs->size(), 2u);
  EXPECT_EQ((*orgs)[0].kind, "district") << (*orgs)[0].name;
  for (std::size_t i = 1; i < orgs->size(); ++i) EXPECT_NE((*orgs)[i].kind, "district");
  auto exact = app_->users().SearchOrgs(ActorOf("admin"), "东华门街道总工会", 20);
  ASSERT_OK(exact);
  ASSERT_FALSE(exact->empty());
  EXPECT_EQ((*exact)[0].code, "110101001");
}

TEST_P(UsersTest, ChangingOwnPasswordKeepsThisSessionAndEndsTheOthers) {
  auto here = app_->accounts().Login("staff.dongcheng", kPass, "127.0.0.1");
  auto there = app_->accounts().Login("staff.dongcheng", kPass, "127.0.0.2");
  ASSERT_OK(here);
  ASSERT_OK(there);
  auto wrong = app_->accounts().ChangeOwnPassword(here->actor, here->token, "not-it",
                                                  "Brand-New-Pass-7", "127.0.0.1");
  ExpectError(wrong, ErrorCode::kInvalidArgument, "error.invalid_input");
  EXPECT_EQ(wrong.error().fields.at(0).field, "current_password");
  ExpectError(app_->accounts().ChangeOwnPassword(here->actor, here->token, kPass, "password123",
                                                 "127.0.0.1"),
              ErrorCode::kInvalidArgument, "error.invalid_input");
  ASSERT_OK(app_->accounts().ChangeOwnPassword(here->actor, here->token, kPass, "Brand-New-Pass-7",
                                               "127.0.0.1"));
  ASSERT_OK(app_->accounts().Authenticate(here->token));
  ExpectError(app_->accounts().Authenticate(there->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  ASSERT_OK(app_->accounts().Login("staff.dongcheng", "Brand-New-Pass-7", "127.0.0.1"));
}

TEST_P(UsersTest, LogoutEverywhereEndsEverySessionOfTheUserOnly) {
  auto a = app_->accounts().Login("staff.dongcheng", kPass, "127.0.0.1");
  auto b = app_->accounts().Login("staff.dongcheng", kPass, "127.0.0.2");
  auto other = app_->accounts().Login("staff.xicheng", kPass, "127.0.0.1");
  ASSERT_OK(a);
  ASSERT_OK(b);
  ASSERT_OK(other);
  ASSERT_OK(app_->accounts().LogoutEverywhere(a->actor));
  ExpectError(app_->accounts().Authenticate(a->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  ExpectError(app_->accounts().Authenticate(b->token), ErrorCode::kUnauthenticated,
              "error.auth.unauthenticated");
  ASSERT_OK(app_->accounts().Authenticate(other->token));
}

TEST_P(UsersTest, SignInIsThrottledBeforeThePasswordIsCheckedAndASuccessResetsIt) {
  for (int i = 0; i < 5; ++i) {
    ExpectError(app_->accounts().Login("operator", "wrong-guess", "203.0.113.5"),
                ErrorCode::kUnauthenticated, "error.auth.invalid_credentials");
  }
  auto refused = app_->accounts().Login("operator", kPass, "203.0.113.5");
  ExpectError(refused, ErrorCode::kResourceExhausted, "error.too_many_requests");
  EXPECT_EQ(refused.error().args.at(0), (std::pair<std::string, std::string>{"seconds", "900"}));
  clock_.Advance(15LL * 60 * 1000);
  ASSERT_OK(app_->accounts().Login("operator", kPass, "203.0.113.5"));
  // The success cleared the name's failures: four more wrong guesses do not lock it.
  for (int i = 0; i < 4; ++i) {
    (void)app_->accounts().Login("operator", "wrong-guess", "203.0.113.5");
  }
  ASSERT_OK(app_->accounts().Login("operator", kPass, "203.0.113.5"));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(UsersTest);

}  // namespace
}  // namespace zj::test

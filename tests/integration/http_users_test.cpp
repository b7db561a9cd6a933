// The account endpoints over the router, on both stores: staff of one district get 404 for
// anything in another and never see it listed; 403 for roles they may not grant; CSRF on every
// new unsafe endpoint; a tampered cookie is 401; throttled sign-in is 429 with Retry-After;
// changing one's password and signing out everywhere end the right sessions.
#include <nlohmann/json.hpp>

#include "app_fixture.h"
#include "http/router.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

constexpr const char* kPass = "Http-Users-2026";

struct SignedIn {
  std::string cookie;
  std::string csrf;
};

class HttpUsersTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    router_ = std::make_unique<http::Router>(*app_, http::ServerOptions{});
    auto created = app_->users().Create(
        app::SystemActor(), {"cadre.xicheng", "西城干部", "Xicheng-Pass-2026", "cadre",
                             *app_->users().OrgIdByCode(app::SystemActor(), "110102001")});
    ASSERT_OK(created);
    xicheng_cadre_ = std::to_string(created->id);
  }

  Response Send(bh::verb method, const std::string& target, std::string body = {},
                const std::vector<std::pair<std::string, std::string>>& headers = {},
                const std::string& peer = "192.0.2.7") {
    Request req{method, target, 11};
    for (auto& [k, v] : headers) req.set(k, v);
    if (!body.empty()) {
      req.set(bh::field::content_type, "application/json");
      req.body() = std::move(body);
    }
    req.prepare_payload();
    return router_->Handle(req, http::Peer{peer}).response;
  }

  //! Sends as the signed-in user, with the cookie and (unless `csrf` is false) the CSRF token.
  Response As(const SignedIn& who, bh::verb method, std::string target, std::string body = {},
              bool csrf = true) {
    std::vector<std::pair<std::string, std::string>> headers{{"Cookie", who.cookie}};
    if (csrf) headers.emplace_back("X-CSRF-Token", who.csrf);
    return Send(method, std::move(target), std::move(body), headers);
  }

  SignedIn SignIn(const std::string& username, const std::string& password = kPass) {
    auto res = Send(bh::verb::post, "/api/v1/session",
                    nlohmann::json{{"username", username}, {"password", password}}.dump());
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    const std::string set_cookie(res[bh::field::set_cookie]);
    return {set_cookie.substr(0, set_cookie.find(';')),
            nlohmann::json::parse(res.body()).value("csrf_token", "")};
  }

  static nlohmann::json Json(const Response& res) { return nlohmann::json::parse(res.body()); }

  static std::vector<std::string> Usernames(const nlohmann::json& page) {
    std::vector<std::string> names;
    for (const auto& u : page["items"]) names.push_back(u["username"]);
    return names;
  }

  std::unique_ptr<http::Router> router_;
  std::string xicheng_cadre_;
};

void ExpectProblem(const Response& res, bh::status status, const std::string& code) {
  EXPECT_EQ(res.result(), status) << res.body();
  EXPECT_EQ(res[bh::field::content_type], "application/problem+json");
  EXPECT_EQ(nlohmann::json::parse(res.body()).value("code", ""), code) << res.body();
}

TEST_P(HttpUsersTest, StaffGet404ForEverythingInAnotherDistrict) {
  const auto staff = SignIn("staff.dongcheng");
  const std::string user = "/api/v1/users/" + xicheng_cadre_;
  ExpectProblem(As(staff, bh::verb::get, user), bh::status::not_found, "error.not_found");
  ExpectProblem(As(staff, bh::verb::patch, user, R"({"display_name":"x"})"), bh::status::not_found,
                "error.not_found");
  ExpectProblem(As(staff, bh::verb::post, user + "/password", R"({"password":"Hijack-Pass-2026"})"),
                bh::status::not_found, "error.not_found");
  // The same requests from 西城's own staff succeed.
  const auto own = SignIn("staff.xicheng");
  EXPECT_EQ(As(own, bh::verb::get, user).result(), bh::status::ok);
}

TEST_P(HttpUsersTest, StaffNeverSeeAnotherDistrictInListsOrSearches) {
  const auto staff = SignIn("staff.dongcheng");
  for (const std::string target :
       {"/api/v1/users", "/api/v1/users?q=cadre", "/api/v1/users?q=cadre.xi",
        "/api/v1/users?q=%E8%A5%BF%E5%9F%8E", "/api/v1/users?role=cadre&limit=200"}) {
    auto res = As(staff, bh::verb::get, target);
    ASSERT_EQ(res.result(), bh::status::ok) << target << res.body();
    for (const auto& name : Usernames(Json(res))) {
      EXPECT_TRUE(name == "staff.dongcheng" || name == "cadre.donghuamen" ||
                  name == "judge.dongcheng")
          << target << name;
    }
  }
  for (const std::string target :
       {"/api/v1/orgs?q=%E8%A5%BF%E5%9F%8E", "/api/v1/orgs?q=110102", "/api/v1/orgs?limit=200"}) {
    auto res = As(staff, bh::verb::get, target);
    ASSERT_EQ(res.result(), bh::status::ok) << target << res.body();
    const auto orgs = Json(res);
    EXPECT_FALSE(target.find("limit") != std::string::npos && orgs["items"].empty());
    for (const auto& org : orgs["items"]) {
      EXPECT_TRUE(org["code"].get<std::string>().starts_with("110101")) << target << org;
    }
  }
}

TEST_P(HttpUsersTest, ListAnswersIdsAsStringsWithoutPasswordHashes) {
  const auto admin = SignIn("admin");
  auto res = As(admin, bh::verb::get, "/api/v1/users?limit=4");
  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  auto page = Json(res);
  ASSERT_EQ(page["items"].size(), 4u);
  ASSERT_TRUE(page["next_cursor"].is_string());
  for (const auto& u : page["items"]) {
    EXPECT_TRUE(u["id"].is_string());
    EXPECT_FALSE(u.contains("password_hash"));
  }
  EXPECT_EQ(res.body().find("argon2"), std::string::npos);
  auto next = Json(As(admin, bh::verb::get,
                      "/api/v1/users?limit=4&cursor=" + page["next_cursor"].get<std::string>()));
  EXPECT_EQ(next["items"].size(), 3u);  // the demo's console accounts, workers not among them
  EXPECT_TRUE(next["next_cursor"].is_null());
}

TEST_P(HttpUsersTest, StaffCannotCreateAnAdminNorAUserInAnotherDistrict) {
  const auto staff = SignIn("staff.dongcheng");
  const std::string dongcheng =
      std::to_string(*app_->users().OrgIdByCode(app::SystemActor(), "110101"));
  const std::string xicheng =
      std::to_string(*app_->users().OrgIdByCode(app::SystemActor(), "110102"));
  auto body = [](const std::string& role, const std::string& org) {
    return nlohmann::json{{"username", "new.one"},
                          {"display_name", "新人"},
                          {"role", role},
                          {"org_id", org},
                          {"password", "Fresh-Pass-2026"}}
        .dump();
  };
  ExpectProblem(As(staff, bh::verb::post, "/api/v1/users", body("admin", dongcheng)),
                bh::status::forbidden, "error.auth.forbidden");
  auto elsewhere = As(staff, bh::verb::post, "/api/v1/users", body("cadre", xicheng));
  ExpectProblem(elsewhere, bh::status::not_found, "error.not_found");
  EXPECT_EQ(Json(elsewhere)["errors"][0]["field"], "org_id");
  auto created = As(staff, bh::verb::post, "/api/v1/users", body("cadre", dongcheng));
  ASSERT_EQ(created.result(), bh::status::created) << created.body();
  EXPECT_EQ(Json(created)["org"]["code"], "110101");
}

TEST_P(HttpUsersTest, MalformedAndOverlongFieldsAre400WithFieldErrors) {
  const auto admin = SignIn("admin");
  auto res = As(admin, bh::verb::post, "/api/v1/users",
                nlohmann::json{{"username", std::string(33, 'a')},
                               {"display_name", std::string(65, 'x')},
                               {"role", "admin"},
                               {"org_id", "not-a-number"},
                               {"password", "short"}}
                    .dump());
  ExpectProblem(res, bh::status::bad_request, "error.invalid_input");
  std::vector<std::string> fields;
  auto problem = Json(res);
  for (const auto& e : problem["errors"]) fields.push_back(e["field"]);
  EXPECT_EQ(fields, std::vector<std::string>{"org_id"}) << res.body();  // mapping errors first
  res = As(admin, bh::verb::post, "/api/v1/users",
           nlohmann::json{{"username", std::string(33, 'a')},
                          {"display_name", std::string(65, 'x')},
                          {"role", "admin"},
                          {"password", "short"}}
               .dump());
  fields.clear();
  problem = Json(res);
  for (const auto& e : problem["errors"]) fields.push_back(e["field"]);
  EXPECT_EQ(fields, (std::vector<std::string>{"username", "display_name", "org_id", "password"}));
  ExpectProblem(As(admin, bh::verb::get, "/api/v1/users?limit=0"), bh::status::bad_request,
                "error.invalid_input");
  ExpectProblem(As(admin, bh::verb::get, "/api/v1/users?cursor=abc"), bh::status::bad_request,
                "error.invalid_input");
  ExpectProblem(As(admin, bh::verb::get, "/api/v1/users/abc"), bh::status::not_found,
                "error.not_found");
}

TEST_P(HttpUsersTest, SqlAndHtmlInNamesComeBackAsPlainJsonStrings) {
  const auto admin = SignIn("admin");
  const std::string name = "<img src=x onerror=alert(1)>'; DROP TABLE users;--";
  const std::string org = std::to_string(*app_->users().OrgIdByCode(app::SystemActor(), "110101"));
  auto res = As(admin, bh::verb::post, "/api/v1/users",
                nlohmann::json{{"username", "mallory"},
                               {"display_name", name},
                               {"role", "staff"},
                               {"org_id", org},
                               {"password", "Fresh-Pass-2026"}}
                    .dump());
  ASSERT_EQ(res.result(), bh::status::created) << res.body();
  auto got = Json(As(admin, bh::verb::get, "/api/v1/users/" + Json(res)["id"].get<std::string>()));
  EXPECT_EQ(got["display_name"], name);
  EXPECT_EQ(res[bh::field::content_type], "application/json");
}

TEST_P(HttpUsersTest, EveryNewUnsafeEndpointNeedsTheCsrfToken) {
  const auto admin = SignIn("admin");
  const std::string user = "/api/v1/users/" + xicheng_cadre_;
  const std::vector<std::tuple<bh::verb, std::string, std::string>> calls{
      {bh::verb::post, "/api/v1/users",
       R"({"username":"csrf.x","display_name":"x","role":"cadre","password":"Fresh-Pass-2026"})"},
      {bh::verb::patch, user, R"({"status":"disabled"})"},
      {bh::verb::post, user + "/password", R"({"password":"Fresh-Pass-2026"})"},
      {bh::verb::put, "/api/v1/session/password",
       nlohmann::json{{"current_password", kPass}, {"new_password", "Fresh-Pass-2026"}}.dump()},
      {bh::verb::delete_, "/api/v1/sessions", ""},
  };
  for (const auto& [method, target, body] : calls) {
    ExpectProblem(As(admin, method, target, body, /*csrf=*/false), bh::status::forbidden,
                  "error.auth.csrf");
    ExpectProblem(
        Send(method, target, body, {{"Cookie", admin.cookie}, {"X-CSRF-Token", "forged"}}),
        bh::status::forbidden, "error.auth.csrf");
  }
  // Nothing happened: the cadre is active, the admin still signed in with the old password.
  auto cadre = Json(As(admin, bh::verb::get, user));
  EXPECT_EQ(cadre["status"], "active");
  ASSERT_OK(app_->accounts().Login("cadre.xicheng", "Xicheng-Pass-2026", "127.0.0.1"));
  EXPECT_EQ(As(admin, bh::verb::get, "/api/v1/session").result(), bh::status::ok);
}

TEST_P(HttpUsersTest, ATamperedSessionCookieIs401) {
  const auto admin = SignIn("admin");
  std::string tampered = admin.cookie;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  for (const std::string target : {"/api/v1/users", "/api/v1/orgs", "/api/v1/users/1"}) {
    ExpectProblem(Send(bh::verb::get, target, {}, {{"Cookie", tampered}}), bh::status::unauthorized,
                  "error.auth.unauthenticated");
  }
  ExpectProblem(Send(bh::verb::get, "/api/v1/users"), bh::status::unauthorized,
                "error.auth.unauthenticated");
}

TEST_P(HttpUsersTest, ThrottledSignInIs429WithRetryAfterAndASuccessResetsIt) {
  const std::string wrong = R"({"username":"operator","password":"wrong-guess-1"})";
  for (int i = 0; i < 5; ++i) {
    ExpectProblem(Send(bh::verb::post, "/api/v1/session", wrong), bh::status::unauthorized,
                  "error.auth.invalid_credentials");
  }
  const std::string right = nlohmann::json{{"username", "operator"}, {"password", kPass}}.dump();
  auto refused = Send(bh::verb::post, "/api/v1/session", right, {{"Accept-Language", "en"}});
  ExpectProblem(refused, bh::status::too_many_requests, "error.too_many_requests");
  EXPECT_EQ(refused[bh::field::retry_after], "900");
  EXPECT_EQ(Json(refused)["detail"], "Too many requests; try again in 900 s");
  clock_.Advance(10LL * 60 * 1000);
  EXPECT_EQ(Send(bh::verb::post, "/api/v1/session", right)[bh::field::retry_after], "300");
  clock_.Advance(5LL * 60 * 1000);
  ASSERT_EQ(Send(bh::verb::post, "/api/v1/session", right).result(), bh::status::ok);
  for (int i = 0; i < 4; ++i) (void)Send(bh::verb::post, "/api/v1/session", wrong);
  EXPECT_EQ(Send(bh::verb::post, "/api/v1/session", right).result(), bh::status::ok);
}

TEST_P(HttpUsersTest, DisabledAccountsCannotSignInAndTheirSessionsEnd) {
  const auto cadre = SignIn("cadre.xicheng", "Xicheng-Pass-2026");
  const auto staff = SignIn("staff.xicheng");
  auto res =
      As(staff, bh::verb::patch, "/api/v1/users/" + xicheng_cadre_, R"({"status":"disabled"})");
  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  EXPECT_EQ(Json(res)["status"], "disabled");
  ExpectProblem(As(cadre, bh::verb::get, "/api/v1/session"), bh::status::unauthorized,
                "error.auth.unauthenticated");
  ExpectProblem(Send(bh::verb::post, "/api/v1/session",
                     R"({"username":"cadre.xicheng","password":"Xicheng-Pass-2026"})"),
                bh::status::unauthorized, "error.auth.invalid_credentials");
  ExpectProblem(
      As(staff, bh::verb::patch,
         "/api/v1/users/" +
             std::to_string(app_->users().GetByUsername(app::SystemActor(), "staff.xicheng")->id),
         R"({"status":"disabled"})"),
      bh::status::forbidden, "error.users.self_demotion");
}

TEST_P(HttpUsersTest, ChangingThePasswordEndsTheOtherSessionsAndKeepsThisOne) {
  const auto here = SignIn("staff.dongcheng");
  const auto there = SignIn("staff.dongcheng");
  auto weak =
      As(here, bh::verb::put, "/api/v1/session/password",
         nlohmann::json{{"current_password", kPass}, {"new_password", "staff.dongcheng"}}.dump());
  ExpectProblem(weak, bh::status::bad_request, "error.invalid_input");
  EXPECT_EQ(Json(weak)["errors"][0]["code"], "error.password.same_as_username");
  auto res =
      As(here, bh::verb::put, "/api/v1/session/password",
         nlohmann::json{{"current_password", kPass}, {"new_password", "Brand-New-Pass-7"}}.dump());
  ASSERT_EQ(res.result(), bh::status::no_content) << res.body();
  EXPECT_EQ(As(here, bh::verb::get, "/api/v1/session").result(), bh::status::ok);
  ExpectProblem(As(there, bh::verb::get, "/api/v1/session"), bh::status::unauthorized,
                "error.auth.unauthenticated");
  SignIn("staff.dongcheng", "Brand-New-Pass-7");
}

TEST_P(HttpUsersTest, LogoutEverywhereEndsAllSessionsOfTheUser) {
  const auto a = SignIn("staff.dongcheng");
  const auto b = SignIn("staff.dongcheng");
  const auto other = SignIn("staff.xicheng");
  auto res = As(a, bh::verb::delete_, "/api/v1/sessions");
  ASSERT_EQ(res.result(), bh::status::no_content) << res.body();
  EXPECT_NE(std::string(res[bh::field::set_cookie]).find("Max-Age=0"), std::string::npos);
  for (const auto* who : {&a, &b}) {
    ExpectProblem(As(*who, bh::verb::get, "/api/v1/session"), bh::status::unauthorized,
                  "error.auth.unauthenticated");
  }
  EXPECT_EQ(As(other, bh::verb::get, "/api/v1/session").result(), bh::status::ok);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpUsersTest);

}  // namespace
}  // namespace zj::test

// Workers' accounts over the router, on both stores: sign-in by code sets the HttpOnly portal
// cookie; worker routes take only that cookie (and its CSRF token on unsafe methods), staff
// routes only the console's; binding, the card, the cadre's pending list and decisions, and the
// check-in verification as JSON; My requests (the worker's own, 404 for another's id); a
// console login of the retired worker role says to use the portal.
#include <nlohmann/json.hpp>

#include "http/router.h"
#include "store/orgs.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

constexpr const char* kPhone = "13912345678";
constexpr const char* kStaffPass = "Http-Workers-2026";

struct Cookie {
  std::string cookie;
  std::string csrf;
};

class HttpWorkerTest : public WorkerTest {
 protected:
  void SetUp() override {
    WorkerTest::SetUp();
    if (HasFatalFailure()) return;
    router_ = std::make_unique<http::Router>(*app_, http::ServerOptions{});
    for (const auto& [name, org] : {std::pair{"cadre.a", street_a_}, {"staff.b", district_b_}}) {
      ASSERT_OK(app_->accounts().CreateUser(
          {name, name, kStaffPass, name[0] == 'c' ? "cadre" : "staff", org.id}));
    }
  }

  Response Send(bh::verb method, const std::string& target, std::string body = {},
                const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    Request req{method, target, 11};
    for (auto& [k, v] : headers) req.set(k, v);
    if (!body.empty()) {
      req.set(bh::field::content_type, "application/json");
      req.body() = std::move(body);
    }
    req.prepare_payload();
    return router_->Handle(req, http::Peer{"192.0.2.30"}).response;
  }

  Response As(const Cookie& who, bh::verb method, const std::string& target,
              std::string body = {}) {
    return Send(method, target, std::move(body),
                {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}});
  }

  static nlohmann::json Json(const Response& res) { return nlohmann::json::parse(res.body()); }

  static Cookie CookieOf(const Response& res) {
    const std::string set_cookie(res[bh::field::set_cookie]);
    return {set_cookie.substr(0, set_cookie.find(';')), Json(res).value("csrf_token", "")};
  }

  Cookie WorkerSignIn(const std::string& phone) {
    auto sent = Send(bh::verb::post, "/api/v1/portal/sign-in/code",
                     nlohmann::json{{"phone", phone}}.dump());
    EXPECT_EQ(sent.result(), bh::status::accepted) << sent.body();
    auto res = Send(bh::verb::post, "/api/v1/portal/session",
                    nlohmann::json{{"phone", phone}, {"code", Deliver(phone)}}.dump());
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    return CookieOf(res);
  }

  Cookie StaffSignIn(const std::string& username) {
    auto res = Send(bh::verb::post, "/api/v1/session",
                    nlohmann::json{{"username", username}, {"password", kStaffPass}}.dump());
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    return CookieOf(res);
  }

  std::unique_ptr<http::Router> router_;
};

TEST_P(HttpWorkerTest, SignInSetsAStrictHttpOnlyPortalCookie) {
  auto sent =
      Send(bh::verb::post, "/api/v1/portal/sign-in/code", nlohmann::json{{"phone", kPhone}}.dump());
  ASSERT_EQ(sent.result(), bh::status::accepted) << sent.body();
  EXPECT_EQ(Json(sent)["resend_after_seconds"], 60);
  EXPECT_EQ(Json(sent)["expires_in_seconds"], 300);
  auto wrong = Send(bh::verb::post, "/api/v1/portal/session",
                    nlohmann::json{{"phone", "13900000000"}, {"code", "123456"}}.dump(),
                    {{"Accept-Language", "zh-CN"}});
  EXPECT_EQ(wrong.result(), bh::status::unauthorized);
  EXPECT_EQ(Json(wrong)["detail"], "验证码不正确或已失效，请重新获取");
  auto res = Send(bh::verb::post, "/api/v1/portal/session",
                  nlohmann::json{{"phone", kPhone}, {"code", Deliver(kPhone)}}.dump());
  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  const std::string set_cookie(res[bh::field::set_cookie]);
  EXPECT_TRUE(set_cookie.starts_with("zj_worker=")) << set_cookie;
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_TRUE(Json(res)["new_account"].get<bool>());
  const Cookie worker = CookieOf(res);
  auto who = Send(bh::verb::get, "/api/v1/portal/session", {}, {{"Cookie", worker.cookie}});
  ASSERT_EQ(who.result(), bh::status::ok) << who.body();
  EXPECT_EQ(Json(who)["csrf_token"], worker.csrf);
  EXPECT_TRUE(Json(who)["worker"]["member_id"].is_null());

  auto me = Send(bh::verb::get, "/api/v1/me", {}, {{"Cookie", worker.cookie}});
  ASSERT_EQ(me.result(), bh::status::ok) << me.body();
  EXPECT_EQ(Json(me)["phone_masked"], "139****5678");
  EXPECT_EQ(me.body().find(kPhone), std::string::npos);

  ASSERT_EQ(As(worker, bh::verb::delete_, "/api/v1/portal/session").result(),
            bh::status::no_content);
  EXPECT_EQ(Send(bh::verb::get, "/api/v1/me", {}, {{"Cookie", worker.cookie}}).result(),
            bh::status::unauthorized);
}

TEST_P(HttpWorkerTest, EachSideTakesOnlyItsOwnCookie) {
  const Cookie worker = WorkerSignIn(kPhone);
  const Cookie cadre = StaffSignIn("cadre.a");
  EXPECT_EQ(As(cadre, bh::verb::get, "/api/v1/me").result(), bh::status::unauthorized);
  EXPECT_EQ(As(worker, bh::verb::get, "/api/v1/worker-bindings").result(),
            bh::status::unauthorized);
  EXPECT_EQ(As(worker, bh::verb::get, "/api/v1/members").result(), bh::status::unauthorized);
  EXPECT_EQ(As(worker, bh::verb::post, "/api/v1/cards/verify", R"({"token":"x"})").result(),
            bh::status::unauthorized);
  // Unsafe worker calls need the portal session's CSRF token.
  auto no_csrf =
      Send(bh::verb::post, "/api/v1/me/binding",
           nlohmann::json{{"name", "x"}, {"id_number", "1"}}.dump(), {{"Cookie", worker.cookie}});
  EXPECT_EQ(no_csrf.result(), bh::status::forbidden);
  auto staff_csrf = Send(bh::verb::post, "/api/v1/me/binding",
                         nlohmann::json{{"name", "x"}, {"id_number", "1"}}.dump(),
                         {{"Cookie", worker.cookie}, {"X-CSRF-Token", cadre.csrf}});
  EXPECT_EQ(staff_csrf.result(), bh::status::forbidden);
}

TEST_P(HttpWorkerTest, ABoundWorkersCardVerifiesForTheSubtreesCadreOnly) {
  const auto member = MemberWithPhone("张晓林", 11, kPhone);
  const Cookie worker = WorkerSignIn(kPhone);
  auto bound =
      As(worker, bh::verb::post, "/api/v1/me/binding",
         nlohmann::json{{"name", "张晓林"}, {"id_number", MakeIdNumber("110101", "19900307", 11)}}
             .dump());
  ASSERT_EQ(bound.result(), bh::status::ok) << bound.body();
  EXPECT_EQ(Json(bound)["state"], "bound");
  EXPECT_EQ(Json(bound)["member"]["id"], std::to_string(member.row.id));
  auto card = Send(bh::verb::get, "/api/v1/me/card", {}, {{"Cookie", worker.cookie}});
  ASSERT_EQ(card.result(), bh::status::ok) << card.body();
  EXPECT_EQ(Json(card)["member"]["card_number"], member.row.card_number);
  const std::string token = Json(card)["token"];

  const Cookie cadre = StaffSignIn("cadre.a");
  auto verified =
      As(cadre, bh::verb::post, "/api/v1/cards/verify", nlohmann::json{{"token", token}}.dump());
  ASSERT_EQ(verified.result(), bh::status::ok) << verified.body();
  EXPECT_EQ(Json(verified)["member"]["name"], "张晓林");
  EXPECT_EQ(Json(verified)["member"]["union"]["name"], "甲公司工会");
  EXPECT_NE(Json(verified)["member"]["id_number_masked"].get<std::string>().find("****"),
            std::string::npos);
  const Cookie other = StaffSignIn("staff.b");
  EXPECT_EQ(
      As(other, bh::verb::post, "/api/v1/cards/verify", nlohmann::json{{"token", token}}.dump())
          .result(),
      bh::status::not_found);
  auto tampered = As(cadre, bh::verb::post, "/api/v1/cards/verify",
                     nlohmann::json{{"token", token.substr(0, 100) + "AAAAAAAA"}}.dump());
  EXPECT_EQ(tampered.result(), bh::status::bad_request);
  EXPECT_EQ(Json(tampered)["errors"][0]["field"], "token");
}

TEST_P(HttpWorkerTest, ACadreApprovesAPendingBindingFromTheList) {
  MemberWithPhone("王芳", 22, "13800001111");
  const Cookie worker = WorkerSignIn(kPhone);
  auto asked =
      As(worker, bh::verb::post, "/api/v1/me/binding",
         nlohmann::json{{"name", "王芳"}, {"id_number", MakeIdNumber("110101", "19900307", 22)}}
             .dump());
  ASSERT_EQ(asked.result(), bh::status::ok) << asked.body();
  EXPECT_EQ(Json(asked)["state"], "pending");
  EXPECT_TRUE(Json(asked)["member"].is_null());

  const Cookie cadre = StaffSignIn("cadre.a");
  auto listed = As(cadre, bh::verb::get, "/api/v1/worker-bindings");
  ASSERT_EQ(listed.result(), bh::status::ok) << listed.body();
  ASSERT_EQ(Json(listed)["items"].size(), 1u);
  const auto item = Json(listed)["items"][0];
  EXPECT_EQ(item["worker_phone_masked"], "139****5678");
  EXPECT_EQ(item["member"]["phone_masked"], "138****1111");
  EXPECT_EQ(listed.body().find("13800001111"), std::string::npos);
  const std::string id = item["id"];
  const Cookie other = StaffSignIn("staff.b");
  EXPECT_TRUE(Json(As(other, bh::verb::get, "/api/v1/worker-bindings"))["items"].empty());
  EXPECT_EQ(As(other, bh::verb::post, "/api/v1/worker-bindings/" + id + "/approve").result(),
            bh::status::not_found);
  auto approved = As(cadre, bh::verb::post, "/api/v1/worker-bindings/" + id + "/approve",
                     R"({"note":"电话核实"})");
  ASSERT_EQ(approved.result(), bh::status::ok) << approved.body();
  EXPECT_EQ(Json(approved)["state"], "approved");
  EXPECT_EQ(As(cadre, bh::verb::post, "/api/v1/worker-bindings/" + id + "/reject").result(),
            bh::status::conflict);
  auto me = Send(bh::verb::get, "/api/v1/me", {}, {{"Cookie", worker.cookie}});
  EXPECT_EQ(Json(me)["member"]["name"], "王芳");
}

TEST_P(HttpWorkerTest, TheRetiredConsoleRoleWorkerIsSentToThePortal) {
  ASSERT_OK(app_->accounts().CreateUser({"w.old", "老职工", kStaffPass, "worker", {}}));
  auto res = Send(bh::verb::post, "/api/v1/session",
                  nlohmann::json{{"username", "w.old"}, {"password", kStaffPass}}.dump(),
                  {{"Accept-Language", "en"}});
  EXPECT_EQ(res.result(), bh::status::forbidden);
  EXPECT_EQ(Json(res)["code"], "error.auth.use_portal");
  EXPECT_EQ(Json(res)["detail"],
            "Workers sign in to the worker portal with their phone and a code");
  EXPECT_TRUE(res[bh::field::set_cookie].empty());
}

TEST_P(HttpWorkerTest, TooManyCodesAnswer429WithRetryAfter) {
  ASSERT_EQ(
      Send(bh::verb::post, "/api/v1/portal/sign-in/code", nlohmann::json{{"phone", kPhone}}.dump())
          .result(),
      bh::status::accepted);
  auto again =
      Send(bh::verb::post, "/api/v1/portal/sign-in/code", nlohmann::json{{"phone", kPhone}}.dump());
  EXPECT_EQ(again.result(), bh::status::too_many_requests);
  EXPECT_EQ(again[bh::field::retry_after], "60");
}

TEST_P(HttpWorkerTest, RevealRefusesAWrongCodeAsSignInDoesAndAnswersTheRightOneOnce) {
  MemberWithPhone("张晓林", 11, kPhone);
  const Cookie worker = WorkerSignIn(kPhone);
  ASSERT_EQ(
      As(worker, bh::verb::post, "/api/v1/me/binding",
         nlohmann::json{{"name", "张晓林"}, {"id_number", MakeIdNumber("110101", "19900307", 11)}}
             .dump())
          .result(),
      bh::status::ok);
  auto early = As(worker, bh::verb::post, "/api/v1/me/data/reveal-code");
  EXPECT_EQ(early.result(), bh::status::too_many_requests) << "the sign-in code was just sent";
  EXPECT_EQ(early[bh::field::retry_after], "60");
  clock_.Advance(60'000);
  auto sent = As(worker, bh::verb::post, "/api/v1/me/data/reveal-code");
  ASSERT_EQ(sent.result(), bh::status::accepted) << sent.body();
  EXPECT_EQ(Json(sent)["expires_in_seconds"], 300);
  const std::string code = Deliver(kPhone);

  auto wrong = Send(
      bh::verb::post, "/api/v1/me/data/reveal",
      nlohmann::json{{"code", code == "000000" ? "111111" : "000000"}}.dump(),
      {{"Cookie", worker.cookie}, {"X-CSRF-Token", worker.csrf}, {"Accept-Language", "zh-CN"}});
  EXPECT_EQ(wrong.result(), bh::status::unauthorized);
  EXPECT_EQ(wrong[bh::field::content_type], "application/problem+json");
  EXPECT_EQ(Json(wrong)["detail"], "验证码不正确或已失效，请重新获取");
  auto malformed =
      As(worker, bh::verb::post, "/api/v1/me/data/reveal", nlohmann::json{{"code", "12"}}.dump());
  EXPECT_EQ(malformed.result(), bh::status::bad_request);
  EXPECT_NE(malformed.body().find("\"code\""), std::string::npos) << malformed.body();

  auto clear =
      As(worker, bh::verb::post, "/api/v1/me/data/reveal", nlohmann::json{{"code", code}}.dump());
  ASSERT_EQ(clear.result(), bh::status::ok) << clear.body();
  EXPECT_EQ(Json(clear)["phone"], kPhone);
  EXPECT_EQ(Json(clear)["id_number"], MakeIdNumber("110101", "19900307", 11));
  EXPECT_EQ(clear[bh::field::cache_control], "no-store");
  EXPECT_EQ(
      As(worker, bh::verb::post, "/api/v1/me/data/reveal", nlohmann::json{{"code", code}}.dump())
          .result(),
      bh::status::unauthorized);
}

TEST_P(HttpWorkerTest, TheNoticeAndConsentsAreOnTheAccountAndInMyData) {
  const Cookie worker = WorkerSignIn(kPhone);
  auto me = As(worker, bh::verb::get, "/api/v1/me");
  ASSERT_EQ(me.result(), bh::status::ok) << me.body();
  EXPECT_TRUE(Json(me)["privacy_notice"]["version"].is_null()) << "not accepted yet";
  auto accepted = As(worker, bh::verb::post, "/api/v1/me/privacy-notice",
                     nlohmann::json{{"version", 1}}.dump());
  ASSERT_EQ(accepted.result(), bh::status::ok) << accepted.body();
  EXPECT_EQ(Json(As(worker, bh::verb::get, "/api/v1/me"))["privacy_notice"]["version"], 1);
  EXPECT_EQ(As(worker, bh::verb::post, "/api/v1/me/privacy-notice", R"({"version":"1"})").result(),
            bh::status::bad_request);

  EXPECT_EQ(
      As(worker, bh::verb::post, "/api/v1/me/consents", R"({"use":"surveys","granted":"yes"})")
          .result(),
      bh::status::bad_request);
  auto granted =
      As(worker, bh::verb::post, "/api/v1/me/consents", R"({"use":"surveys","granted":true})");
  ASSERT_EQ(granted.result(), bh::status::ok) << granted.body();
  EXPECT_EQ(Json(granted)["uses"][1]["use"], "surveys");
  EXPECT_TRUE(Json(granted)["uses"][1]["granted"].get<bool>());
  auto data = As(worker, bh::verb::get, "/api/v1/me/data?purpose=json");
  ASSERT_EQ(data.result(), bh::status::ok) << data.body();
  EXPECT_EQ(Json(data)["privacy_notice"]["version"], 1);
  EXPECT_EQ(Json(data)["consents"]["history"].size(), 1u);
}

TEST_P(HttpWorkerTest, MyRequestsListTheWorkersOwnAndAnotherWorkersIdIs404) {
  std::string street_code;
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto street = store::FindOrgById(**lease, street_a_.id);
    ASSERT_OK(street);
    ASSERT_TRUE(street->has_value() && (*street)->region_code);
    street_code = *(*street)->region_code;
  }
  const Cookie worker = WorkerSignIn(kPhone);
  // Sent signed in (cookie and CSRF token): linked to the account, whatever phone it gives.
  auto sent = As(worker, bh::verb::post, "/api/v1/portal/requests",
                 nlohmann::json{{"category", "rights.wage_arrears"},
                                {"title", "加班费没有结算"},
                                {"description", "十月加班 36 小时"},
                                {"contact_name", "王师傅"},
                                {"contact_phone", "13600002222"},
                                {"region_code", street_code}}
                     .dump());
  ASSERT_EQ(sent.result(), bh::status::created) << sent.body();

  auto list = Send(bh::verb::get, "/api/v1/me/requests", {}, {{"Cookie", worker.cookie}});
  ASSERT_EQ(list.result(), bh::status::ok) << list.body();
  const nlohmann::json page = Json(list);
  ASSERT_EQ(page["items"].size(), 1u);
  const nlohmann::json& item = page["items"][0];
  EXPECT_EQ(item["tracking_number"], Json(sent)["tracking_number"]);
  EXPECT_FALSE(item.contains("events")) << "the list carries no timeline";
  const std::string id = item["id"];
  auto one = Send(bh::verb::get, "/api/v1/me/requests/" + id, {}, {{"Cookie", worker.cookie}});
  ASSERT_EQ(one.result(), bh::status::ok) << one.body();
  EXPECT_EQ(Json(one)["events"].size(), 1u);

  const Cookie other = WorkerSignIn("13787654321");
  EXPECT_EQ(
      Send(bh::verb::get, "/api/v1/me/requests/" + id, {}, {{"Cookie", other.cookie}}).result(),
      bh::status::not_found);
  EXPECT_EQ(As(other, bh::verb::post, "/api/v1/me/requests/" + id + "/withdraw").result(),
            bh::status::not_found);
  auto others = Send(bh::verb::get, "/api/v1/me/requests", {}, {{"Cookie", other.cookie}});
  ASSERT_EQ(others.result(), bh::status::ok);
  EXPECT_TRUE(Json(others)["items"].empty());
  // A staff session is no worker's.
  const Cookie cadre = StaffSignIn("cadre.a");
  EXPECT_EQ(As(cadre, bh::verb::get, "/api/v1/me/requests").result(), bh::status::unauthorized);
  // Withdrawing in place needs the CSRF token; with it, the request is withdrawn.
  EXPECT_EQ(Send(bh::verb::post, "/api/v1/me/requests/" + id + "/withdraw", {},
                 {{"Cookie", worker.cookie}})
                .result(),
            bh::status::forbidden);
  auto withdrawn = As(worker, bh::verb::post, "/api/v1/me/requests/" + id + "/withdraw");
  ASSERT_EQ(withdrawn.result(), bh::status::ok) << withdrawn.body();
  EXPECT_EQ(Json(withdrawn)["status"], "withdrawn");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpWorkerTest);

}  // namespace
}  // namespace zj::test

// The fixture of the service-request tests over the router (http_requests_test.cpp,
// http_request_handling_test.cpp): the demo federation signed in by name, a unionised employer
// in 东华门街道, and helpers to submit on the portal, find a request's id and track it.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "app/notify/sms_outbox.h"
#include "app_fixture.h"
#include "core/enterprises/uscc.h"
#include "http/router.h"

namespace zj::test {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

inline constexpr const char* kPass = "Http-Requests-2026";
inline constexpr std::int64_t kDay = 24LL * 3600 * 1000;

struct SignedIn {
  std::string cookie;
  std::string csrf;
};

class HttpRequestsTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    router_ = std::make_unique<http::Router>(*app_, http::ServerOptions{});
    const std::string first17 = "91110101000000077";
    auto e = app_->enterprises().Create(
        app::SystemActor(),
        app::NewEnterprise{"东城示范餐饮有限公司",
                           first17 + *enterprises::UsccCheckCharacter(first17), "110101001", "H",
                           "private", 40, "2026-06-30", std::nullopt});
    ASSERT_OK(e);
    enterprise_ = e->row.id;
  }

  Response Send(bh::verb method, const std::string& target, std::string body = {},
                const std::vector<std::pair<std::string, std::string>>& headers = {},
                const std::string& from = "192.0.2.9") {
    Request req{method, target, 11};
    for (auto& [k, v] : headers) req.set(k, v);
    if (!body.empty()) {
      req.set(bh::field::content_type, "application/json");
      req.body() = std::move(body);
    }
    req.prepare_payload();
    return router_->Handle(req, http::Peer{from}).response;
  }

  Response As(const SignedIn& who, bh::verb method, const std::string& target,
              std::string body = {}) {
    return Send(method, target, std::move(body),
                {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}});
  }

  SignedIn SignIn(const std::string& username) {
    auto res = Send(bh::verb::post, "/api/v1/session",
                    nlohmann::json{{"username", username}, {"password", kPass}}.dump());
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    const std::string set_cookie(res[bh::field::set_cookie]);
    return {set_cookie.substr(0, set_cookie.find(';')),
            nlohmann::json::parse(res.body()).value("csrf_token", "")};
  }

  static nlohmann::json Json(const Response& res) { return nlohmann::json::parse(res.body()); }

  //! Signs `phone` in on the portal with the code the SMS sender was given (the demo worker's
  //! phone is 13600001019): the portal's cookie and CSRF token.
  SignedIn SignInWorker(const std::string& phone) {
    class Codes final : public app::SmsSender {
     public:
      Result<void> Send(const app::TextMessage& m) override {
        code = m.code;
        return {};
      }
      std::string code;
    } codes;
    EXPECT_EQ(
        Send(bh::verb::post, "/api/v1/portal/sign-in/code", nlohmann::json{{"phone", phone}}.dump())
            .result(),
        bh::status::accepted);
    EXPECT_TRUE(app::DeliverSms(*db_, clock_, app_->vault(), codes).has_value());
    auto signed_in = Send(bh::verb::post, "/api/v1/portal/session",
                          nlohmann::json{{"phone", phone}, {"code", codes.code}}.dump());
    EXPECT_EQ(signed_in.result(), bh::status::ok) << signed_in.body();
    const std::string set_cookie(signed_in[bh::field::set_cookie]);
    return {set_cookie.substr(0, set_cookie.find(';')),
            nlohmann::json::parse(signed_in.body(), nullptr, false).value("csrf_token", "")};
  }

  //! Submits a wage-arrears request on the portal; returns its tracking number.
  std::string SubmitOnPortal(const std::string& description = "八月起未发工资") {
    auto res = Send(bh::verb::post, "/api/v1/portal/requests",
                    nlohmann::json{{"category", "rights.wage_arrears"},
                                   {"title", "工资拖欠"},
                                   {"description", description},
                                   {"contact_name", "王师傅"},
                                   {"contact_phone", "13912345678"},
                                   {"employer_id", std::to_string(enterprise_)}}
                        .dump());
    EXPECT_EQ(res.result(), bh::status::created) << res.body();
    return Json(res).value("tracking_number", "");
  }

  //! The staff id of the request with this tracking number, from `who`'s "all" queue.
  std::string IdOf(const SignedIn& who, const std::string& tracking) {
    auto res = As(who, bh::verb::get, "/api/v1/requests?box=all");
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    const auto page = Json(res);  // a named value: the loop must not range over a temporary
    for (const auto& item : page["items"]) {
      if (item["tracking_number"] == tracking) return item["id"].get<std::string>();
    }
    return "";
  }

  Response Track(const std::string& tracking, const std::string& last4,
                 const std::string& from = "192.0.2.9") {
    return Send(bh::verb::post, "/api/v1/portal/requests/track",
                nlohmann::json{{"tracking_number", tracking}, {"phone_last4", last4}}.dump(), {},
                from);
  }

  std::unique_ptr<http::Router> router_;
  std::int64_t enterprise_ = 0;
};

inline void ExpectProblem(const Response& res, bh::status status, const std::string& field = "") {
  EXPECT_EQ(res.result(), status) << res.body();
  EXPECT_EQ(res[bh::field::content_type], "application/problem+json");
  if (field.empty()) return;
  const auto body = nlohmann::json::parse(res.body());
  bool found = false;
  for (const auto& e : body.value("errors", nlohmann::json::array())) {
    if (e.value("field", "") == field) found = !e.value("message", "").empty();
  }
  EXPECT_TRUE(found) << "no message for " << field << " in " << res.body();
}

}  // namespace zj::test

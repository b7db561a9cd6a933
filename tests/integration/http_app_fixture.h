// An AppTest that speaks HTTP to the router, as the browser does: a staff member signs in with
// the session route and each later call carries the session cookie, the CSRF token and the
// language asked for. The HTTP tests of members and hardship share it (the coverage, imports,
// users, requests and jobs fixtures still have their own variants: fold them in when touched).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "app_fixture.h"
#include "http/router.h"

namespace zj::test {

class HttpAppTest : public AppTest {
 protected:
  struct SignedIn {
    std::string cookie;
    std::string csrf;
  };

  //! The router over the app, and the password SignIn uses (the demo's accounts share it).
  void StartRouter(std::string password) {
    password_ = std::move(password);
    router_ = std::make_unique<http::Router>(*app_, http::ServerOptions{});
  }

  http::Response Send(boost::beast::http::verb method, const std::string& target,
                      std::string body = {},
                      const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    http::Request req{method, target, 11};
    for (auto& [k, v] : headers) req.set(k, v);
    if (!body.empty()) {
      req.set(boost::beast::http::field::content_type, "application/json");
      req.body() = std::move(body);
    }
    req.prepare_payload();
    return router_->Handle(req, http::Peer{"192.0.2.9"}).response;
  }

  http::Response As(const SignedIn& who, boost::beast::http::verb method, const std::string& target,
                    const nlohmann::json& body = nullptr, const std::string& language = "zh-CN") {
    return Send(
        method, target, body.is_null() ? std::string() : body.dump(),
        {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}, {"Accept-Language", language}});
  }

  SignedIn SignIn(const std::string& username) {
    auto res = Send(boost::beast::http::verb::post, "/api/v1/session",
                    nlohmann::json{{"username", username}, {"password", password_}}.dump());
    EXPECT_EQ(res.result(), boost::beast::http::status::ok) << res.body();
    const std::string set_cookie(res[boost::beast::http::field::set_cookie]);
    return {set_cookie.substr(0, set_cookie.find(';')),
            nlohmann::json::parse(res.body()).value("csrf_token", "")};
  }

  static nlohmann::json Json(const http::Response& res) {
    return nlohmann::json::parse(res.body());
  }

  std::unique_ptr<http::Router> router_;

 private:
  std::string password_;
};

}  // namespace zj::test

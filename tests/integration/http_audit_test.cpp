// The audit and phone routes through the router on both stores: set a phone (answered
// masked), reveal it with a reason, find the reveal in GET /api/v1/audit, and the problems
// for a missing reason, a bad limit and a reader without the right.
#include <nlohmann/json.hpp>

#include "http/router.h"
#include "scoped_actors.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

class HttpAuditTest : public ScopedActorsTest {
 protected:
  void SetUp() override {
    ScopedActorsTest::SetUp();
    if (HasFatalFailure()) return;
    router_ = std::make_unique<http::Router>(*app_, http::ServerOptions{});
    auto res = Send(bh::verb::post, "/api/v1/session",
                    R"({"username":"admin","password":"Scoped-Pass-2026"})");
    ASSERT_EQ(res.result(), bh::status::ok) << res.body();
    const std::string set_cookie(res[bh::field::set_cookie]);
    cookie_ = set_cookie.substr(0, set_cookie.find(';'));
    const auto body = nlohmann::json::parse(res.body());
    csrf_ = body.value("csrf_token", "");
    admin_id_ = body["user"].value("id", "");
  }

  void TearDown() override {
    router_.reset();
    ScopedActorsTest::TearDown();
  }

  http::Response Send(bh::verb method, const std::string& target, std::string body = {}) {
    http::Request req{method, target, 11};
    if (!cookie_.empty()) req.set(bh::field::cookie, cookie_);
    if (!csrf_.empty()) req.set("X-CSRF-Token", csrf_);
    req.set(bh::field::accept_language, "en");
    if (!body.empty()) {
      req.set(bh::field::content_type, "application/json");
      req.body() = std::move(body);
    }
    req.prepare_payload();
    return router_->Handle(req, http::Peer{"203.0.113.9"}).response;
  }

  static nlohmann::json Json(const http::Response& res) {
    return nlohmann::json::parse(res.body());
  }

  std::unique_ptr<http::Router> router_;
  std::string cookie_, csrf_, admin_id_;
};

TEST_P(HttpAuditTest, PhoneIsAnsweredMaskedRevealedWithAReasonAndTheRevealIsInTheAuditLog) {
  const auto worker = MakeUser("worker-a", "worker", street_a_);
  const std::string phone_path = "/api/v1/users/" + std::to_string(worker.user_id) + "/phone";
  auto set = Send(bh::verb::put, phone_path, R"({"phone":"13812345678"})");
  ASSERT_EQ(set.result(), bh::status::ok) << set.body();
  EXPECT_EQ(Json(set)["phone_masked"], "138****5678");
  EXPECT_EQ(set.body().find("13812345678"), std::string::npos);

  auto revealed = Send(bh::verb::post, phone_path + "/reveal", R"({"reason":"回访来电"})");
  ASSERT_EQ(revealed.result(), bh::status::ok) << revealed.body();
  EXPECT_EQ(Json(revealed)["phone"], "13812345678");

  auto audit = Send(bh::verb::get,
                    "/api/v1/audit?action=personal_data.reveal&target_type=user&"
                    "target_id=" +
                        std::to_string(worker.user_id));
  ASSERT_EQ(audit.result(), bh::status::ok) << audit.body();
  const auto page = Json(audit);
  ASSERT_EQ(page["entries"].size(), 1u);
  const auto& entry = page["entries"][0];
  EXPECT_EQ(entry["actor"]["username"], "admin");
  EXPECT_EQ(entry["actor"]["id"], admin_id_);
  EXPECT_EQ(entry["remote_addr"], "203.0.113.9");
  EXPECT_EQ(entry["outcome"], "ok");
  EXPECT_EQ(entry["detail"]["reason"], "回访来电");
  EXPECT_TRUE(page["next_cursor"].is_null());

  auto by_user = Send(bh::verb::get, "/api/v1/audit?user=admin&limit=1");
  ASSERT_EQ(by_user.result(), bh::status::ok) << by_user.body();
  EXPECT_EQ(Json(by_user)["entries"].size(), 1u);
  EXPECT_TRUE(Json(by_user)["next_cursor"].is_string());  // the phone change came first
}

TEST_P(HttpAuditTest, RevealWithoutAReasonIs400NamingTheField) {
  const auto worker = MakeUser("worker-a", "worker", street_a_);
  const std::string phone_path = "/api/v1/users/" + std::to_string(worker.user_id) + "/phone";
  ASSERT_EQ(Send(bh::verb::put, phone_path, R"({"phone":"13812345678"})").result(), bh::status::ok);
  for (const char* body : {R"({})", R"({"reason":"x"})"}) {
    auto res = Send(bh::verb::post, phone_path + "/reveal", body);
    EXPECT_EQ(res.result(), bh::status::bad_request) << res.body();
    const auto problem = Json(res);
    ASSERT_EQ(problem["errors"].size(), 1u) << res.body();
    EXPECT_EQ(problem["errors"][0]["field"], "reason");
  }
}

TEST_P(HttpAuditTest, AnInvalidPhoneIs400AndAnUnknownUserIs404) {
  auto bad = Send(bh::verb::put, "/api/v1/users/" + admin_id_ + "/phone", R"({"phone":"12345"})");
  EXPECT_EQ(bad.result(), bh::status::bad_request) << bad.body();
  EXPECT_EQ(Json(bad)["errors"][0]["code"], "error.phone.invalid");
  auto unknown = Send(bh::verb::put, "/api/v1/users/42/phone", R"({"phone":"13812345678"})");
  EXPECT_EQ(unknown.result(), bh::status::not_found) << unknown.body();
  auto garbage = Send(bh::verb::post, "/api/v1/users/abc/phone/reveal", R"({"reason":"check"})");
  EXPECT_EQ(garbage.result(), bh::status::not_found) << garbage.body();
}

TEST_P(HttpAuditTest, BadAuditQueriesAre400AndAnonymousCallersAre401) {
  EXPECT_EQ(Send(bh::verb::get, "/api/v1/audit?limit=500").result(), bh::status::bad_request);
  EXPECT_EQ(Send(bh::verb::get, "/api/v1/audit?from=yesterday").result(), bh::status::bad_request);
  EXPECT_EQ(Send(bh::verb::get, "/api/v1/audit?cursor=-1").result(), bh::status::bad_request);
  cookie_.clear();
  EXPECT_EQ(Send(bh::verb::get, "/api/v1/audit").result(), bh::status::unauthorized);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpAuditTest);

}  // namespace
}  // namespace zj::test

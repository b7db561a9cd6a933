// The HTTP API as a pure function of the request, on both stores: health and readiness,
// problem+json errors in the caller's language, sign-in with cookie and CSRF rules, static
// files with caching and the SPA fallback, and an OpenAPI document that describes every route.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app_fixture.h"
#include "http/openapi.h"
#include "http/router.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

class RouterTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo("Router-Pass-2026");
    web_root_ =
        std::filesystem::temp_directory_path() / ("zj-web-" + std::to_string(random_.Next32()));
    std::filesystem::create_directories(web_root_ / "assets");
    std::ofstream(web_root_ / "index.html") << "<!doctype html><title>zhijia</title>";
    std::ofstream(web_root_ / "assets" / "app-1a2b3c.js") << "console.log(1)";
    std::ofstream(web_root_ / "favicon.svg") << "<svg/>";
    std::ofstream(web_root_ / "sw.js") << "self.skipWaiting()";
    http::ServerOptions options;
    options.web_root = web_root_.string();
    router_ = std::make_unique<http::Router>(*app_, options);
  }

  void TearDown() override {
    router_.reset();
    std::filesystem::remove_all(web_root_);
    AppTest::TearDown();
  }

  Response Send(bh::verb method, std::string target, std::string body = {},
                std::vector<std::pair<std::string, std::string>> headers = {},
                const std::string& peer = "192.0.2.7") {
    Request req{method, target, 11};
    for (auto& [k, v] : headers) req.insert(k, v);  // a header may come twice
    if (!body.empty()) {
      if (req[bh::field::content_type].empty())
        req.set(bh::field::content_type, "application/json");
      req.body() = std::move(body);
    }
    req.prepare_payload();
    return router_->Handle(req, http::Peer{peer}).response;
  }

  static nlohmann::json Json(const Response& res) { return nlohmann::json::parse(res.body()); }

  // Signs in as the demo admin; returns the cookie header value and the CSRF token.
  std::pair<std::string, std::string> SignIn() {
    auto res = Send(bh::verb::post, "/api/v1/session",
                    R"({"username":"admin","password":"Router-Pass-2026"})");
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    const std::string set_cookie(res[bh::field::set_cookie]);
    const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
    return {cookie, Json(res).value("csrf_token", "")};
  }

  //! A router that believes the proxies of `list` (as `serve --trust-proxy LIST`; "": none).
  void UseProxies(const std::string& list) {
    http::ServerOptions options;
    options.web_root = web_root_.string();
    if (!list.empty()) {
      auto proxies = http::TrustedProxies::Parse(list);
      ASSERT_TRUE(proxies.has_value()) << list;
      options.trusted_proxies = std::move(*proxies);
    }
    router_ = std::make_unique<http::Router>(*app_, options);
  }

  //! The address the audit log gives the sign-in attempt for `username`.
  std::string LoginAddressOf(const std::string& username) {
    static constexpr store::Sql kAddress{
        "test.audit.login_address",
        "SELECT remote_addr FROM audit_log WHERE action = 'session.login' AND actor_username = $1"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kAddress, Params(username));
    EXPECT_TRUE(rows.has_value());
    return rows && rows->size() == 1 ? rows->front().Text(0) : "(" + username + ": none or many)";
  }

  std::filesystem::path web_root_;
  std::unique_ptr<http::Router> router_;
};

void ExpectProblem(const Response& res, bh::status status, const std::string& code) {
  EXPECT_EQ(res.result(), status) << res.body();
  EXPECT_EQ(res[bh::field::content_type], "application/problem+json");
  auto body = nlohmann::json::parse(res.body());
  EXPECT_EQ(body.value("status", 0), static_cast<int>(status));
  EXPECT_EQ(body.value("code", ""), code);
  EXPECT_FALSE(body.value("title", "").empty());
  EXPECT_FALSE(body.value("detail", "").empty());
}

TEST_P(RouterTest, HealthAndReadinessAnswerOk) {
  auto health = Send(bh::verb::get, "/healthz");
  EXPECT_EQ(health.result(), bh::status::ok);
  EXPECT_EQ(Json(health)["status"], "ok");
  auto ready = Send(bh::verb::get, "/readyz");
  EXPECT_EQ(ready.result(), bh::status::ok) << ready.body();
  EXPECT_EQ(Json(ready)["status"], "ready");
}

TEST_P(RouterTest, ReadinessIs503WhenTheSchemaIsNotCurrent) {
  static constexpr store::Sql kForget{"test.forget_migration",
                                      "DELETE FROM schema_migrations WHERE version = $1"};
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK((**lease).Execute(kForget, Params(std::int64_t{store::LatestSchemaVersion()})));
  }
  ExpectProblem(Send(bh::verb::get, "/readyz"), bh::status::service_unavailable, "error.not_ready");
  EXPECT_EQ(Send(bh::verb::get, "/healthz").result(), bh::status::ok);  // the process is still up
}

TEST_P(RouterTest, VersionNamesTheBackendInUse) {
  auto body = Json(Send(bh::verb::get, "/api/v1/version"));
  EXPECT_EQ(body["name"], "zhijia");
  EXPECT_EQ(body["version"], ZHIJIA_VERSION);
  EXPECT_EQ(body["schema_version"], store::LatestSchemaVersion());
  EXPECT_EQ(body["backend"], GetParam() == store::Backend::kSqlite ? "sqlite" : "postgresql");
}

TEST_P(RouterTest, UnknownApiPathIsProblem404InTheCallersLanguage) {
  auto zh = Send(bh::verb::get, "/api/v1/nothing-here");
  ExpectProblem(zh, bh::status::not_found, "error.route_not_found");
  EXPECT_EQ(Json(zh)["title"], "未找到");
  auto en =
      Send(bh::verb::get, "/api/v1/nothing-here", {}, {{"Accept-Language", "en-US,en;q=0.9"}});
  EXPECT_EQ(Json(en)["title"], "Not found");
  EXPECT_EQ(Json(en)["detail"], "No such API endpoint: /api/v1/nothing-here");
}

TEST_P(RouterTest, WrongMethodOnAKnownPathIs405) {
  ExpectProblem(Send(bh::verb::put, "/api/v1/version", "{}"), bh::status::method_not_allowed,
                "error.method_not_allowed");
}

TEST_P(RouterTest, MalformedJsonIs400WithAFieldError) {
  auto res = Send(bh::verb::post, "/api/v1/session", "{\"username\": ");
  ExpectProblem(res, bh::status::bad_request, "error.json.malformed");
  EXPECT_EQ(Json(res)["errors"][0]["field"], "body");
}

TEST_P(RouterTest, NonJsonBodyIsRejected) {
  ExpectProblem(
      Send(bh::verb::post, "/api/v1/session", "username=admin", {{"Content-Type", "text/plain"}}),
      bh::status::bad_request, "error.unsupported_media_type");
}

TEST_P(RouterTest, LoginWithoutPasswordNamesTheMissingField) {
  auto res = Send(bh::verb::post, "/api/v1/session", R"({"username":"admin","password":""})",
                  {{"Accept-Language", "en"}});
  ExpectProblem(res, bh::status::bad_request, "error.invalid_input");
  auto errors = Json(res)["errors"];
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["field"], "password");
  EXPECT_EQ(errors[0]["message"], "Required");
}

TEST_P(RouterTest, WrongPasswordIs401) {
  ExpectProblem(
      Send(bh::verb::post, "/api/v1/session", R"({"username":"admin","password":"nope"})"),
      bh::status::unauthorized, "error.auth.invalid_credentials");
}

TEST_P(RouterTest, LoginSetsAStrictHttpOnlyCookieAndReturnsTheUser) {
  auto res = Send(bh::verb::post, "/api/v1/session",
                  R"({"username":"admin","password":"Router-Pass-2026"})");
  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  const std::string cookie(res[bh::field::set_cookie]);
  EXPECT_TRUE(cookie.starts_with("zj_session=")) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP, no proxy
  auto body = Json(res);
  EXPECT_EQ(body["user"]["username"], "admin");
  EXPECT_EQ(body["user"]["role"], "admin");
  EXPECT_EQ(body["user"]["org"]["name"], "北京市总工会");
  EXPECT_FALSE(body.value("csrf_token", "").empty());
}

TEST_P(RouterTest, CookieIsSecureBehindATrustedTlsProxy) {
  UseProxies("192.0.2.7");
  auto res = Send(bh::verb::post, "/api/v1/session",
                  R"({"username":"admin","password":"Router-Pass-2026"})",
                  {{"X-Forwarded-Proto", "https"}});
  EXPECT_NE(std::string(res[bh::field::set_cookie]).find("; Secure"), std::string::npos);
  // A peer that is not a trusted proxy says nothing about the scheme.
  UseProxies("loopback");
  res = Send(bh::verb::post, "/api/v1/session",
             R"({"username":"admin","password":"Router-Pass-2026"})",
             {{"X-Forwarded-Proto", "https"}});
  EXPECT_EQ(std::string(res[bh::field::set_cookie]).find("Secure"), std::string::npos);
}

// With --trust-proxy the leftmost X-Forwarded-For entry was taken: a client picked its own
// address and escaped the per-address throttle (issue 16).
TEST_P(RouterTest, ASpoofedLeftmostForwardedForEscapesNoThrottle) {
  UseProxies("loopback");
  for (int i = 0; i < 20; ++i) {  // 20 failures per address within 15 minutes
    const auto res = Send(
        bh::verb::post, "/api/v1/session",
        nlohmann::json{{"username", "guess" + std::to_string(i)}, {"password", "wrong-pass-1"}}
            .dump(),
        {{"X-Forwarded-For", "203.0.113." + std::to_string(i) + ", 198.51.100.20"}}, "127.0.0.1");
    ASSERT_EQ(res.result(), bh::status::unauthorized) << i << res.body();
  }
  const auto refused = Send(
      bh::verb::post, "/api/v1/session", R"({"username":"admin","password":"Router-Pass-2026"})",
      {{"X-Forwarded-For", "203.0.113.250"}, {"X-Forwarded-For", "198.51.100.20"}}, "127.0.0.1");
  ExpectProblem(refused, bh::status::too_many_requests, "error.too_many_requests");
  EXPECT_EQ(LoginAddressOf("guess7"), "198.51.100.20");
  // Another client behind the same proxy is not affected.
  const auto other = Send(bh::verb::post, "/api/v1/session",
                          R"({"username":"admin","password":"Router-Pass-2026"})",
                          {{"X-Forwarded-For", "198.51.100.21"}}, "127.0.0.1");
  EXPECT_EQ(other.result(), bh::status::ok) << other.body();
}

TEST_P(RouterTest, BehindSeveralProxiesTheClientIsTheRightmostUntrustedEntry) {
  UseProxies("127.0.0.1,10.0.0.0/8");
  Send(bh::verb::post, "/api/v1/session", R"({"username":"hop-test","password":"wrong-pass-1"})",
       {{"X-Forwarded-For", "6.6.6.6, 198.51.100.30, 10.1.1.1"}}, "10.0.0.5");
  EXPECT_EQ(LoginAddressOf("hop-test"), "198.51.100.30");
}

TEST_P(RouterTest, AnUntrustedPeersForwardedForIsIgnored) {
  UseProxies("loopback");
  Send(bh::verb::post, "/api/v1/session", R"({"username":"direct-test","password":"wrong-pass-1"})",
       {{"X-Forwarded-For", "198.51.100.40"}}, "203.0.113.9");
  EXPECT_EQ(LoginAddressOf("direct-test"), "203.0.113.9");
  // Without --trust-proxy nobody's is believed, loopback's neither.
  UseProxies("");
  Send(bh::verb::post, "/api/v1/session", R"({"username":"plain-test","password":"wrong-pass-1"})",
       {{"X-Forwarded-For", "198.51.100.41"}}, "127.0.0.1");
  EXPECT_EQ(LoginAddressOf("plain-test"), "127.0.0.1");
}

TEST_P(RouterTest, SessionIsReadBackFromTheCookie) {
  auto [cookie, csrf] = SignIn();
  auto res = Send(bh::verb::get, "/api/v1/session", {}, {{"Cookie", "theme=dark; " + cookie}});
  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  EXPECT_EQ(Json(res)["user"]["username"], "admin");
  EXPECT_EQ(Json(res)["csrf_token"], csrf);
  ExpectProblem(Send(bh::verb::get, "/api/v1/session"), bh::status::unauthorized,
                "error.auth.unauthenticated");
}

TEST_P(RouterTest, UnsafeMethodWithoutTheCsrfTokenIs403AndChangesNothing) {
  auto [cookie, csrf] = SignIn();
  ExpectProblem(Send(bh::verb::delete_, "/api/v1/session", {}, {{"Cookie", cookie}}),
                bh::status::forbidden, "error.auth.csrf");
  ExpectProblem(Send(bh::verb::delete_, "/api/v1/session", {},
                     {{"Cookie", cookie}, {"X-CSRF-Token", csrf + "x"}}),
                bh::status::forbidden, "error.auth.csrf");
  EXPECT_EQ(Send(bh::verb::get, "/api/v1/session", {}, {{"Cookie", cookie}}).result(),
            bh::status::ok);
}

TEST_P(RouterTest, LogoutWithTheCsrfTokenEndsTheSessionAndClearsTheCookie) {
  auto [cookie, csrf] = SignIn();
  auto res =
      Send(bh::verb::delete_, "/api/v1/session", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(res.result(), bh::status::no_content) << res.body();
  EXPECT_NE(std::string(res[bh::field::set_cookie]).find("Max-Age=0"), std::string::npos);
  ExpectProblem(Send(bh::verb::get, "/api/v1/session", {}, {{"Cookie", cookie}}),
                bh::status::unauthorized, "error.auth.unauthenticated");
}

TEST_P(RouterTest, EveryResponseCarriesSecurityHeadersAndApiAnswersAreNotCached) {
  for (const auto& target : {"/healthz", "/api/v1/version", "/", "/api/v1/nothing", "/portal"}) {
    auto res = Send(bh::verb::get, target);
    const std::string csp(res["Content-Security-Policy"]);
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << target;
    EXPECT_EQ(res["X-Content-Type-Options"], "nosniff") << target;
    EXPECT_EQ(res["X-Frame-Options"], "DENY") << target;
    // Nothing tells a scanner which product and version answers (OWASP: no Server header).
    EXPECT_EQ(res.find(bh::field::server), res.end()) << target;
  }
  // Pages may load the app's own scripts and styles and nothing else.
  for (const auto& target : {"/", "/portal"}) {
    auto page = Send(bh::verb::get, target);
    const std::string csp(page["Content-Security-Policy"]);
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << target;
    EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << target;
    EXPECT_EQ(page["Referrer-Policy"], "same-origin") << target;
    EXPECT_EQ(page["Cross-Origin-Opener-Policy"], "same-origin") << target;
    // The camera for the check-in scanner on this origin only; no microphone, no location.
    const std::string permissions(page["Permissions-Policy"]);
    EXPECT_NE(permissions.find("camera=(self)"), std::string::npos);
    EXPECT_NE(permissions.find("microphone=()"), std::string::npos);
    EXPECT_NE(permissions.find("geolocation=()"), std::string::npos);
    EXPECT_NE(csp.find("worker-src 'self' blob:;"), std::string::npos) << target;
  }
  // API answers are data: nothing may load from them, whatever they contain.
  for (const auto& target : {"/healthz", "/api/v1/version", "/api/v1/nothing"}) {
    auto data = Send(bh::verb::get, target);
    EXPECT_EQ(data["Content-Security-Policy"], "default-src 'none'; frame-ancestors 'none'")
        << target;
    EXPECT_EQ(data[bh::field::cache_control], "no-store") << target;
  }
}

TEST_P(RouterTest, StaticAssetsAreServedWithTypeAndLongCaching) {
  auto js = Send(bh::verb::get, "/assets/app-1a2b3c.js");
  EXPECT_EQ(js.result(), bh::status::ok);
  EXPECT_EQ(js.body(), "console.log(1)");
  EXPECT_EQ(js[bh::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_NE(std::string(js[bh::field::cache_control]).find("immutable"), std::string::npos);
  auto again = Send(bh::verb::get, "/assets/app-1a2b3c.js", {},
                    {{"If-None-Match", std::string(js[bh::field::etag])}});
  EXPECT_EQ(again.result(), bh::status::not_modified);
  EXPECT_TRUE(again.body().empty());
  auto index = Send(bh::verb::get, "/");
  EXPECT_EQ(index[bh::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(index[bh::field::cache_control], "no-cache");
  // The portal's service worker is revalidated on every load, so a release reaches phones at
  // once; an ordinary file may be kept an hour.
  EXPECT_EQ(Send(bh::verb::get, "/sw.js")[bh::field::cache_control], "no-cache");
  EXPECT_EQ(Send(bh::verb::get, "/favicon.svg")[bh::field::cache_control], "public, max-age=3600");
}

TEST_P(RouterTest, ClientRoutesFallBackToIndexButMissingAssetsAre404) {
  auto deep = Send(bh::verb::get, "/portal/requests/42?tab=replies");
  EXPECT_EQ(deep.result(), bh::status::ok);
  EXPECT_EQ(deep.body(), "<!doctype html><title>zhijia</title>");
  EXPECT_EQ(Send(bh::verb::get, "/assets/gone-999.js").result(), bh::status::not_found);
}

TEST_P(RouterTest, PathsEscapingTheWebRootAreNeverServed) {
  const auto secret =
      web_root_.parent_path() / ("zj-secret-" + std::to_string(random_.Next32()) + ".txt");
  std::ofstream(secret) << "secret";
  const std::string name = secret.filename().string();
  for (const std::string& target : {"/../" + name, "/%2e%2e/" + name, "/assets/../../" + name}) {
    auto res = Send(bh::verb::get, target);
    EXPECT_EQ(res.body().find("secret"), std::string::npos) << target;
  }
  std::filesystem::remove(secret);
}

TEST_P(RouterTest, OpenApiDocumentDescribesEveryRoute) {
  auto doc = Json(Send(bh::verb::get, "/api/v1/openapi.json"));
  EXPECT_EQ(doc["openapi"], "3.1.0");
  EXPECT_EQ(doc["info"]["version"], ZHIJIA_VERSION);
  for (const auto& route : router_->routes()) {
    std::string path;  // /api/v1/orgs/:id → /api/v1/orgs/{id}
    for (std::size_t i = 0; i < route.pattern.size(); ++i) {
      if (route.pattern[i] == ':') {
        const auto end = route.pattern.find('/', i);
        path += "{" + route.pattern.substr(i + 1, end - i - 1) + "}";
        i = (end == std::string::npos ? route.pattern.size() : end) - 1;
      } else {
        path += route.pattern[i];
      }
    }
    std::string method(bh::to_string(route.method));
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    EXPECT_TRUE(doc["paths"].contains(path) && doc["paths"][path].contains(method))
        << method << " " << path << " is missing from openapi.json";
  }
}

ZJ_INSTANTIATE_ON_BOTH_STORES(RouterTest);

}  // namespace
}  // namespace zj::test

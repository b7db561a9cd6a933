// The fixture of the background jobs' tests (jobs_test.cpp, jobs_tables_test.cpp): a router
// over the demo data, a grassroots union of 东城 to import into, staff of 东城 and 西城 signed
// in, and helpers to upload a roster, read a job and count rows.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/jobs/job_runner.h"
#include "app_fixture.h"
#include "core/members/national_id.h"
#include "http/router.h"
#include "store/jobs.h"

namespace zj::test {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

// Named apart from http_requests_fixture.h's kPass: two inline variables of one name are one
// variable to the linker (an ODR violation that the debug build showed as a wrong password).
inline constexpr const char* kJobsPass = "Http-Jobs-2026";

struct SignedIn {
  std::string cookie;
  std::string csrf;
};

//! A valid ID, distinct per serial (order code and birth day both from it).
inline std::string IdNumber(int serial) {
  const int day = 1 + serial / 1000 % 28;
  const std::string body = std::string("1101011990") + "03" + (day < 10 ? "0" : "") +
                           std::to_string(day) + std::to_string(1000 + serial % 1000).substr(1);
  return body + members::IdCheckCharacter(body);
}

//! `n` written with the Han digits (a person's name has no digits: core/text/person_name.h).
inline std::string HanDigits(int n) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string out;
  for (const char c : std::to_string(n)) out += kDigits[c - '0'];
  return out;
}

inline std::string Roster(int rows, int first = 0) {
  std::string csv = "姓名,身份证号,手机号\n";
  for (int i = first; i < first + rows; ++i) {
    csv += "职工" + HanDigits(i) + "," + IdNumber(i) + ",138" + std::to_string(10000000 + i) + "\n";
  }
  return csv;
}

class JobsTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kJobsPass);
    router_ = std::make_unique<http::Router>(*app_, http::ServerOptions{});
    const app::Actor admin = app::SystemActor();
    auto a = app_->orgs().Create(admin, app::NewOrg{"DC-J1",
                                                    "东城任务工会",
                                                    "grassroots",
                                                    *app_->orgs().IdByCode(admin, "110101001"),
                                                    {},
                                                    {},
                                                    {},
                                                    {}});
    ASSERT_OK(a);
    union_dc_ = std::to_string(a->org.id);
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
  }

  app::JobRunnerOptions Options() const {
    app::JobRunnerOptions o;
    o.workers = 0;
    o.import_batch_rows = 10;
    o.lease = std::chrono::seconds(10);
    return o;
  }

  Response Send(bh::verb method, const std::string& target, std::string body,
                const std::string& type, const SignedIn* who) {
    Request req{method, target, 11};
    if (who != nullptr) {
      req.set("Cookie", who->cookie);
      req.set("X-CSRF-Token", who->csrf);
    }
    req.set(bh::field::accept_language, "zh-CN");
    if (!body.empty()) {
      req.set(bh::field::content_type, type);
      req.body() = std::move(body);
    }
    req.prepare_payload();
    return router_->Handle(req, http::Peer{"192.0.2.7"}).response;
  }
  Response As(const SignedIn& who, bh::verb method, const std::string& target,
              const nlohmann::json& body = nullptr) {
    return Send(method, target, body.is_null() ? std::string() : body.dump(), "application/json",
                &who);
  }
  //! Uploads a roster into 东城's union; the 202 answer's Import object.
  nlohmann::json Upload(std::string csv) {
    auto res = Send(bh::verb::post,
                    "/api/v1/members/imports?union_id=" + union_dc_ + "&file_name=roster.csv",
                    std::move(csv), "application/octet-stream", &dongcheng_);
    EXPECT_EQ(res.result(), bh::status::accepted) << res.body();
    return Json(res);
  }
  nlohmann::json GetImport(const std::string& id) {
    auto res = As(dongcheng_, bh::verb::get, "/api/v1/members/imports/" + id);
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    return Json(res);
  }
  SignedIn SignIn(const std::string& username) {
    auto res = Send(bh::verb::post, "/api/v1/session",
                    nlohmann::json{{"username", username}, {"password", kJobsPass}}.dump(),
                    "application/json", nullptr);
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    const std::string set_cookie(res[bh::field::set_cookie]);
    return {set_cookie.substr(0, set_cookie.find(';')),
            nlohmann::json::parse(res.body()).value("csrf_token", "")};
  }
  static nlohmann::json Json(const Response& res) {
    return nlohmann::json::parse(res.body(), nullptr, false);
  }
  std::int64_t Count(const std::string& sql_text, std::int64_t arg) {
    const store::Sql sql{sql_text, sql_text};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(sql, Params(arg));
    EXPECT_TRUE(rows.has_value()) << (rows ? "" : Describe(rows.error()));
    return rows && !rows->empty() ? rows->front().Int(0) : -1;
  }
  std::int64_t MembersOfUnion() {
    return Count("SELECT COUNT(*) FROM members WHERE union_org_id = $1 AND status = 'active'",
                 std::stoll(union_dc_));
  }
  store::JobRow Job(const std::string& id) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto job = store::FindJob(**lease, std::stoll(id));
    EXPECT_TRUE(job && *job);
    return job && *job ? **job : store::JobRow{};
  }

  std::unique_ptr<http::Router> router_;
  std::string union_dc_;
  SignedIn dongcheng_, xicheng_;
};

}  // namespace zj::test

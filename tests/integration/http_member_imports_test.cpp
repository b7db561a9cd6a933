// The roster import endpoints over the router, on both stores: an upload answered with the
// Import object (counters, rejections with messages), the run read back and listed, 404 for
// another district, the report and template downloads, a masked export, and the candidates
// turned into transfer requests.
#include <nlohmann/json.hpp>

#include "app/jobs/job_runner.h"
#include "app_fixture.h"
#include "core/members/national_id.h"
#include "http/router.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

constexpr const char* kPass = "Http-Imports-2026";

struct SignedIn {
  std::string cookie;
  std::string csrf;
};

std::string IdNumber(int sequence) {
  const std::string body = "110101198805210" + std::to_string(100 + sequence).substr(1);
  return body + members::IdCheckCharacter(body);
}

class HttpMemberImportsTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    router_ = std::make_unique<http::Router>(*app_, http::ServerOptions{});
    const app::Actor admin = app::SystemActor();
    auto a = app_->orgs().Create(admin, app::NewOrg{"DC-I1",
                                                    "东城导入工会",
                                                    "grassroots",
                                                    *app_->orgs().IdByCode(admin, "110101001"),
                                                    {},
                                                    {},
                                                    {},
                                                    {}});
    ASSERT_OK(a);
    union_dc_ = std::to_string(a->org.id);
    auto b = app_->orgs().Create(admin, app::NewOrg{"XC-I1",
                                                    "西城导入工会",
                                                    "grassroots",
                                                    *app_->orgs().IdByCode(admin, "110102"),
                                                    {},
                                                    {},
                                                    {},
                                                    {}});
    ASSERT_OK(b);
    union_xc_ = std::to_string(b->org.id);
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
  }

  Response Send(bh::verb method, const std::string& target, std::string body,
                const std::string& type, const SignedIn* who) {
    Request req{method, target, 11};
    if (who != nullptr) {
      req.set("Cookie", who->cookie);
      req.set("X-CSRF-Token", who->csrf);
    }
    if (!body.empty()) {
      req.set(bh::field::content_type, type);
      req.body() = std::move(body);
    }
    req.prepare_payload();
    return router_->Handle(req, http::Peer{"192.0.2.9"}).response;
  }
  Response As(const SignedIn& who, bh::verb method, const std::string& target,
              const nlohmann::json& body = nullptr) {
    return Send(method, target, body.is_null() ? std::string() : body.dump(), "application/json",
                &who);
  }
  //! Uploads (answered 202 with the queued run), lets the job runner import it, and answers
  //! the run as GET reads it then.
  Response Upload(const SignedIn& who, const std::string& union_id, std::string csv) {
    auto queued = Send(bh::verb::post,
                       "/api/v1/members/imports?union_id=" + union_id + "&file_name=roster.csv",
                       std::move(csv), "application/octet-stream", &who);
    if (queued.result() != bh::status::accepted) return queued;
    EXPECT_EQ(Json(queued)["status"], "queued");
    app::JobRunnerOptions options;
    options.workers = 0;
    app::JobRunner(*app_, options).RunPending();
    auto run =
        As(who, bh::verb::get, "/api/v1/members/imports/" + Json(queued)["id"].get<std::string>());
    run.result(bh::status::accepted);
    return run;
  }
  SignedIn SignIn(const std::string& username) {
    auto res = Send(bh::verb::post, "/api/v1/session",
                    nlohmann::json{{"username", username}, {"password", kPass}}.dump(),
                    "application/json", nullptr);
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    const std::string set_cookie(res[bh::field::set_cookie]);
    return {set_cookie.substr(0, set_cookie.find(';')),
            nlohmann::json::parse(res.body()).value("csrf_token", "")};
  }
  static nlohmann::json Json(const Response& res) { return nlohmann::json::parse(res.body()); }

  std::unique_ptr<http::Router> router_;
  std::string union_dc_, union_xc_;
  SignedIn dongcheng_, xicheng_;
};

TEST_P(HttpMemberImportsTest, AnUploadIsImportedAndItsRunReadBackReportedAndListed) {
  std::string bad = IdNumber(2);
  bad.back() = bad.back() == '0' ? '1' : '0';
  auto res =
      Upload(dongcheng_, union_dc_,
             "姓名,身份证号,手机号\n张三," + IdNumber(1) + ",13800001234\n李四," + bad + ",\n");
  ASSERT_EQ(res.result(), bh::status::accepted) << res.body();
  const auto run = Json(res);
  EXPECT_EQ(run["status"], "done");
  EXPECT_EQ(run["file_name"], "roster.csv");
  EXPECT_EQ(run["encoding"], "UTF-8");
  EXPECT_EQ(run["accepted"], 1);
  EXPECT_EQ(run["rejected"], 1);
  ASSERT_EQ(run["rejections"].size(), 1u);
  EXPECT_EQ(run["rejections"][0]["row"], 3);
  EXPECT_EQ(run["rejections"][0]["column"], "身份证号");
  EXPECT_EQ(run["rejections"][0]["code"], "error.id_number.check");
  const std::string id = run["id"];

  auto got = As(dongcheng_, bh::verb::get, "/api/v1/members/imports/" + id);
  ASSERT_EQ(got.result(), bh::status::ok) << got.body();
  EXPECT_EQ(Json(got)["accepted"], 1);
  auto list = As(dongcheng_, bh::verb::get, "/api/v1/members/imports?union_id=" + union_dc_);
  ASSERT_EQ(list.result(), bh::status::ok);
  ASSERT_EQ(Json(list)["items"].size(), 1u);
  EXPECT_EQ(Json(list)["items"][0]["id"], id);
  EXPECT_EQ(As(xicheng_, bh::verb::get, "/api/v1/members/imports/" + id).result(),
            bh::status::not_found);

  auto report =
      As(dongcheng_, bh::verb::get, "/api/v1/members/imports/" + id + "/report?format=csv");
  ASSERT_EQ(report.result(), bh::status::ok) << report.body();
  EXPECT_NE(report.body().find("错误说明"), std::string::npos);
  // ID numbers are masked in the report unless revealed with a reason.
  EXPECT_EQ(report.body().find(bad), std::string::npos);
  EXPECT_NE(report.body().find(bad.substr(0, 6) + "********" + bad.substr(14)), std::string::npos)
      << report.body();
}

TEST_P(HttpMemberImportsTest, TheTemplateAndAMaskedExportAreDownloads) {
  auto tmpl = As(dongcheng_, bh::verb::get, "/api/v1/members/template");
  ASSERT_EQ(tmpl.result(), bh::status::ok);
  EXPECT_TRUE(tmpl.body().starts_with("PK"));
  ASSERT_EQ(
      Upload(dongcheng_, union_dc_, "姓名,身份证号,手机号\n张三," + IdNumber(1) + ",13800001234\n")
          .result(),
      bh::status::accepted);
  auto exported = As(dongcheng_, bh::verb::post, "/api/v1/members/export",
                     {{"org_id", union_dc_}, {"format", "csv"}});
  ASSERT_EQ(exported.result(), bh::status::ok) << exported.body();
  EXPECT_NE(exported.body().find("110101********" + IdNumber(1).substr(14)), std::string::npos);
  EXPECT_EQ(exported.body().find(IdNumber(1)), std::string::npos);
  EXPECT_EQ(
      As(xicheng_, bh::verb::post, "/api/v1/members/export", {{"org_id", union_dc_}}).result(),
      bh::status::not_found);
}

// The template's example row (序号 示例) shows how to fill it in and is skipped by the import:
// a union that fills its members in under it and uploads the file gets exactly its members.
TEST_P(HttpMemberImportsTest, TheTemplatesExampleRowIsSkippedWhenTheFilledTemplateIsImported) {
  auto tmpl = As(dongcheng_, bh::verb::get, "/api/v1/members/template?format=csv");
  ASSERT_EQ(tmpl.result(), bh::status::ok);
  std::string csv(tmpl.body());
  ASSERT_NE(csv.find("\"示例\",\"张三\",\"11010519491231002X\""), std::string::npos) << csv;
  if (!csv.ends_with("\n")) csv += "\r\n";
  csv += "1,李四," + IdNumber(3) + ",,13800001234,,,,,,\r\n";
  auto res = Upload(dongcheng_, union_dc_, csv);
  ASSERT_EQ(res.result(), bh::status::accepted) << res.body();
  const auto run = Json(res);
  EXPECT_EQ(run["accepted"], 1) << res.body();
  EXPECT_EQ(run["rejected"], 0) << res.body();
  EXPECT_EQ(run["header_row"], 1) << res.body();
}

TEST_P(HttpMemberImportsTest, CandidatesOfAnUploadBecomeTransferRequests) {
  const std::string csv = "姓名,身份证号\n张三," + IdNumber(1) + "\n";
  ASSERT_EQ(Upload(dongcheng_, union_dc_, csv).result(), bh::status::accepted);
  auto res = Upload(xicheng_, union_xc_, csv);
  ASSERT_EQ(res.result(), bh::status::accepted) << res.body();
  const auto run = Json(res);
  EXPECT_EQ(run["transfer_candidates"], 1);
  ASSERT_EQ(run["candidates"].size(), 1u);
  EXPECT_EQ(run["candidates"][0]["current_union"]["name"], "东城导入工会");
  const std::string id = run["id"];
  auto done = As(xicheng_, bh::verb::post, "/api/v1/members/imports/" + id + "/transfers",
                 {{"reason", "调入本单位工会"}});
  ASSERT_EQ(done.result(), bh::status::ok) << done.body();
  EXPECT_EQ(Json(done)["created"], 1);
  EXPECT_EQ(Json(done)["skipped"], 0);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpMemberImportsTest);

}  // namespace
}  // namespace zj::test

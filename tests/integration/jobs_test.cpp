// Background jobs over the router, on both stores: a roster upload answered 202 at once and
// imported by the runner; a runner that dies mid-import (its job left running, as kill -9
// leaves it) and another that takes the job up after the lease and ends with every member
// exactly once; cancelling a queued and a running import; another district's job is 404
// everywhere; the upload sealed at rest; the report masked unless revealed with a reason;
// org and enterprise table imports and a large export as jobs.
#include "store/jobs.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/jobs/job_runner.h"
#include "app_fixture.h"
#include "core/members/national_id.h"
#include "http/router.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

constexpr const char* kPass = "Http-Jobs-2026";

struct SignedIn {
  std::string cookie;
  std::string csrf;
};

//! A valid ID, distinct per serial (order code and birth day both from it).
std::string IdNumber(int serial) {
  const int day = 1 + serial / 1000 % 28;
  const std::string body = std::string("1101011990") + "03" + (day < 10 ? "0" : "") +
                           std::to_string(day) + std::to_string(1000 + serial % 1000).substr(1);
  return body + members::IdCheckCharacter(body);
}

std::string Roster(int rows, int first = 0) {
  std::string csv = "姓名,身份证号,手机号\n";
  for (int i = first; i < first + rows; ++i) {
    csv += "职工" + std::to_string(i) + "," + IdNumber(i) + ",138" + std::to_string(10000000 + i) +
           "\n";
  }
  return csv;
}

class JobsTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
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
                    nlohmann::json{{"username", username}, {"password", kPass}}.dump(),
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

TEST_P(JobsTest, AnUploadIsAnsweredAtOnceAndImportedByTheRunner) {
  const auto queued = Upload(Roster(25));
  EXPECT_EQ(queued["status"], "queued");
  EXPECT_EQ(queued["job"]["state"], "queued");
  EXPECT_EQ(queued["job"]["kind"], "members.import");
  EXPECT_EQ(queued["accepted"], 0);
  const std::string id = queued["id"];
  EXPECT_EQ(queued["job"]["id"], id);
  EXPECT_EQ(MembersOfUnion(), 0) << "nothing is imported inside the request";

  app::JobRunner runner(*app_, Options());
  EXPECT_EQ(runner.RunPending(), 1);
  const auto done = GetImport(id);
  EXPECT_EQ(done["status"], "done");
  EXPECT_EQ(done["accepted"], 25);
  EXPECT_EQ(done["rows_total"], 25);
  EXPECT_EQ(done["job"]["state"], "succeeded");
  EXPECT_EQ(done["job"]["progress"]["rows_expected"], 25);
  EXPECT_EQ(done["job"]["progress"]["rows_read"], 25);
  EXPECT_EQ(done["job"]["progress"]["rows_committed"], 25);
  EXPECT_EQ(done["job"]["progress"]["header_row"], 1);
  EXPECT_EQ(done["job"]["progress"]["percent"], 100);
  EXPECT_EQ(MembersOfUnion(), 25);

  // The list of the caller's runs has it.
  auto mine = As(dongcheng_, bh::verb::get, "/api/v1/jobs?mine=true&kind=members.import");
  ASSERT_EQ(mine.result(), bh::status::ok) << mine.body();
  ASSERT_EQ(Json(mine)["items"].size(), 1u);
  EXPECT_EQ(Json(mine)["items"][0]["id"], id);
  EXPECT_EQ(Json(mine)["items"][0]["file_name"], "roster.csv");
}

TEST_P(JobsTest, AFileWithoutTheRequiredColumnsFailsItsJobWithTheReason) {
  const auto queued = Upload("姓名,手机号\n张三,13800001234\n");
  app::JobRunner runner(*app_, Options());
  runner.RunPending();
  const auto failed = GetImport(queued["id"]);
  EXPECT_EQ(failed["status"], "failed");
  EXPECT_EQ(failed["job"]["state"], "failed");
  EXPECT_EQ(failed["job"]["error"]["code"], "error.roster.missing_column");
  EXPECT_NE(failed["job"]["error"]["message"].get<std::string>().find("身份证号"),
            std::string::npos)
      << failed["job"]["error"];
}

TEST_P(JobsTest, AJobWhoseRunnerDiedIsResumedAndEndsWithEveryMemberOnce) {
  const auto queued = Upload(Roster(95));
  const std::string id = queued["id"];
  {
    // Dies after its third batch (30 rows committed): nothing more is written, the job stays
    // running with a heartbeat that no longer moves, the plain copy of the file is gone.
    auto options = Options();
    options.crash_after_steps = 3;
    options.runner_id = "dead";
    app::JobRunner dying(*app_, options);
    dying.RunPending();
  }
  EXPECT_EQ(Job(id).state, "running");
  EXPECT_EQ(MembersOfUnion(), 30);

  // Within the lease nobody takes it over ...
  auto options = Options();
  options.runner_id = "alive";
  app::JobRunner runner(*app_, options);
  EXPECT_EQ(runner.RunPending(), 0);
  // ... after it, the job is interrupted and resumed after its last committed batch.
  clock_.Advance(11000);
  EXPECT_EQ(runner.RunPending(), 1);
  const auto done = GetImport(id);
  EXPECT_EQ(done["status"], "done");
  EXPECT_EQ(done["job"]["state"], "succeeded");
  EXPECT_EQ(done["job"]["attempts"], 2);
  EXPECT_EQ(done["accepted"], 95);
  EXPECT_EQ(done["already_present"], 0);
  EXPECT_EQ(done["rejected"], 0);
  EXPECT_EQ(MembersOfUnion(), 95);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT id_index) FROM members WHERE union_org_id = $1",
                  std::stoll(union_dc_)),
            95);
}

TEST_P(JobsTest, ARunningImportCancelledStopsAfterItsBatchAndKeepsWhatItCommitted) {
  const auto queued = Upload(Roster(50));
  const std::string id = queued["id"];
  auto options = Options();
  options.on_step = [&](const store::JobRow&, std::int64_t step) {
    if (step != 2) return;
    auto res = As(dongcheng_, bh::verb::post, "/api/v1/members/imports/" + id + "/cancel");
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    EXPECT_EQ(Json(res)["job"]["cancel_requested"], true);
  };
  app::JobRunner runner(*app_, options);
  runner.RunPending();
  const auto stopped = GetImport(id);
  EXPECT_EQ(stopped["status"], "cancelled");
  EXPECT_EQ(stopped["job"]["state"], "cancelled");
  EXPECT_EQ(stopped["accepted"], 20);
  EXPECT_EQ(MembersOfUnion(), 20);
  // Nothing left to cancel.
  auto again = As(dongcheng_, bh::verb::delete_, "/api/v1/members/imports/" + id);
  EXPECT_EQ(again.result(), bh::status::conflict) << again.body();
}

TEST_P(JobsTest, AQueuedImportCancelledNeverRunsAndItsUploadGoes) {
  const auto queued = Upload(Roster(5));
  const std::string id = queued["id"];
  auto res = As(dongcheng_, bh::verb::delete_, "/api/v1/members/imports/" + id);
  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  EXPECT_EQ(Json(res)["status"], "cancelled");
  app::JobRunner runner(*app_, Options());
  EXPECT_EQ(runner.RunPending(), 0);
  EXPECT_EQ(MembersOfUnion(), 0);
  clock_.Advance(1);
  ASSERT_OK(app_->jobs().DeleteExpiredFiles());
  EXPECT_FALSE(Job(id).input_file.has_value());
}

TEST_P(JobsTest, AnotherDistrictsJobIsNotFoundEverywhere) {
  const auto queued = Upload(Roster(3));
  const std::string id = queued["id"];
  for (const auto& [verb, path] : std::vector<std::pair<bh::verb, std::string>>{
           {bh::verb::get, "/api/v1/jobs/" + id},
           {bh::verb::get, "/api/v1/members/imports/" + id},
           {bh::verb::post, "/api/v1/members/imports/" + id + "/cancel"},
           {bh::verb::post, "/api/v1/jobs/" + id + "/cancel"},
           {bh::verb::delete_, "/api/v1/jobs/" + id},
           {bh::verb::get, "/api/v1/jobs/" + id + "/file"},
           {bh::verb::get, "/api/v1/members/imports/" + id + "/report"}}) {
    EXPECT_EQ(As(xicheng_, verb, path).result(), bh::status::not_found) << path;
  }
  auto list = As(xicheng_, bh::verb::get, "/api/v1/jobs");
  ASSERT_EQ(list.result(), bh::status::ok);
  EXPECT_TRUE(Json(list)["items"].empty());
  EXPECT_EQ(Job(id).state, "queued") << "the probe cancelled nothing";
  // An upload into another district's union is refused at once, and its file removed.
  auto res = Send(bh::verb::post, "/api/v1/members/imports?union_id=" + union_dc_, Roster(1),
                  "application/octet-stream", &xicheng_);
  EXPECT_EQ(res.result(), bh::status::not_found) << res.body();
}

TEST_P(JobsTest, TheUploadIsSealedAtRestAndTheReportMaskedUnlessRevealedWithAReason) {
  const std::string roster = Roster(3);
  const auto queued = Upload(roster);
  const std::string id = queued["id"];
  const store::JobRow job = Job(id);
  ASSERT_TRUE(job.input_file.has_value());
  {
    std::ifstream in(app_->jobs().FilePath(*job.input_file), std::ios::binary);
    std::stringstream stored;
    stored << in.rdbuf();
    EXPECT_FALSE(stored.str().empty());
    EXPECT_EQ(stored.str().find(IdNumber(0)), std::string::npos);
    EXPECT_EQ(stored.str().find("职工"), std::string::npos);
  }
  app::JobRunner runner(*app_, Options());
  runner.RunPending();

  auto masked =
      As(dongcheng_, bh::verb::get, "/api/v1/members/imports/" + id + "/report?format=csv");
  ASSERT_EQ(masked.result(), bh::status::ok) << masked.body();
  EXPECT_EQ(masked.body().find(IdNumber(0)), std::string::npos);
  EXPECT_NE(masked.body().find("110101********" + IdNumber(0).substr(14)), std::string::npos)
      << masked.body();
  EXPECT_NE(masked.body().find("138****0000"), std::string::npos) << masked.body();

  auto no_reason = As(dongcheng_, bh::verb::post, "/api/v1/members/imports/" + id + "/report",
                      {{"format", "csv"}, {"reason", ""}});
  EXPECT_EQ(no_reason.result(), bh::status::bad_request) << no_reason.body();
  auto full = As(dongcheng_, bh::verb::post, "/api/v1/members/imports/" + id + "/report",
                 {{"format", "csv"}, {"reason", "核对错误行后重新导入"}});
  ASSERT_EQ(full.result(), bh::status::ok) << full.body();
  EXPECT_NE(full.body().find(IdNumber(0)), std::string::npos);
  const store::Sql audited{"test.jobs.report_audit",
                           "SELECT detail FROM audit_log WHERE action = 'members.import_report'"
                           " AND target_id = $1 ORDER BY at, id"};
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto entries = (**lease).Query(audited, Params(id));
  ASSERT_OK(entries);
  ASSERT_EQ(entries->size(), 2u) << "the masked report and the revealed one";
  EXPECT_NE(entries->at(0).Text(0).find("\"full\":\"false\""), std::string::npos);
  const bool with_reason = entries->at(1).Text(0).find("核对错误行后重新导入") != std::string::npos;
  EXPECT_TRUE(with_reason) << "the reveal and its reason are in the audit log";
}

TEST_P(JobsTest, OrgAndEnterpriseTablesImportAsJobsWithTheirReports) {
  const SignedIn admin = SignIn("admin");
  auto orgs = Send(bh::verb::post, "/api/v1/orgs/imports?file_name=orgs.csv",
                   "code,name,kind,parent_code\nJ-U1,任务甲工会,grassroots,110101001\n"
                   "J-U2,任务乙工会,grassroots,NO-SUCH\n",
                   "application/octet-stream", &admin);
  ASSERT_EQ(orgs.result(), bh::status::accepted) << orgs.body();
  EXPECT_EQ(Json(orgs)["kind"], "orgs.import");
  app::JobRunner runner(*app_, Options());
  EXPECT_EQ(runner.RunPending(), 1);
  auto done = As(admin, bh::verb::get, "/api/v1/jobs/" + Json(orgs)["id"].get<std::string>());
  ASSERT_EQ(done.result(), bh::status::ok);
  const auto job = Json(done);
  EXPECT_EQ(job["state"], "succeeded");
  EXPECT_EQ(job["report"]["created"], 1);
  EXPECT_EQ(job["report"]["failed_rows"], 1);
  ASSERT_EQ(job["report"]["problems"].size(), 1u);
  EXPECT_EQ(job["report"]["problems"][0]["row"], 3);
  EXPECT_EQ(job["report"]["problems"][0]["column"], "parent_code");
  EXPECT_TRUE(app_->orgs().IdByCode(app::SystemActor(), "J-U1").has_value());

  // A register without its required columns fails its job, saying which.
  auto refused = Send(bh::verb::post, "/api/v1/enterprises/imports", "name\nx\n",
                      "application/octet-stream", &dongcheng_);
  EXPECT_EQ(refused.result(), bh::status::accepted) << refused.body();
  EXPECT_EQ(runner.RunPending(), 1);
  auto missing =
      As(dongcheng_, bh::verb::get, "/api/v1/jobs/" + Json(refused)["id"].get<std::string>());
  EXPECT_EQ(Json(missing)["state"], "failed");
  EXPECT_EQ(Json(missing)["error"]["code"], "error.import.missing_column");
}

TEST_P(JobsTest, AnExportOverTheLimitRunsAsAJobWhoseFileIsDownloadedWhenReady) {
  Upload(Roster(12));
  app::JobRunner runner(*app_, Options());
  runner.RunPending();
  // The application's export limit is 20,000 rows; a test-sized one is set on a fresh service.
  app::JobsConfig config = app_->jobs().config();
  config.export_job_rows = 10;
  app::JobService small(*db_, clock_, random_, app_->vault(), app_->audit(), config);
  auto dongcheng =
      app_->accounts().Authenticate(dongcheng_.cookie.substr(dongcheng_.cookie.find('=') + 1));
  ASSERT_OK(dongcheng);
  app::MemberExportJobRequest req;
  req.org_id = std::stoll(union_dc_);
  req.xlsx = false;
  auto queued = small.SubmitMemberExport(dongcheng->actor, req);
  ASSERT_OK(queued);
  ASSERT_TRUE(queued->has_value()) << "12 members are over a limit of 10";
  EXPECT_EQ((*queued)->rows_expected, 12);
  EXPECT_EQ(runner.RunPending(), 1);
  auto file =
      As(dongcheng_, bh::verb::get, "/api/v1/jobs/" + std::to_string((*queued)->id) + "/file");
  ASSERT_EQ(file.result(), bh::status::ok) << file.body();
  EXPECT_NE(file.body().find("110101********" + IdNumber(11).substr(14)), std::string::npos);
  EXPECT_EQ(file.body().find(IdNumber(11)), std::string::npos);
  // At most the limit: answered at once.
  config.export_job_rows = 12;
  app::JobService exact(*db_, clock_, random_, app_->vault(), app_->audit(), config);
  auto inline_export = exact.SubmitMemberExport(dongcheng->actor, req);
  ASSERT_OK(inline_export);
  EXPECT_FALSE(inline_export->has_value());
}

ZJ_INSTANTIATE_ON_BOTH_STORES(JobsTest);

}  // namespace
}  // namespace zj::test

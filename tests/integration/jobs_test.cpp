// Background jobs over the router, on both stores: a roster upload answered 202 at once and
// imported by the runner; a runner that dies mid-import (its job left running, as kill -9
// leaves it) and another that takes the job up after the lease and ends with every member
// exactly once; cancelling a queued and a running import; another district's job is 404
// everywhere; the upload sealed at rest; the report masked unless revealed with a reason; a
// large export as a job whose file is streamed. Table imports: jobs_tables_test.cpp.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "jobs_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

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
  EXPECT_EQ(GetImport(id).dump().find(IdNumber(0)), std::string::npos) << "the run shows no ID";

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

TEST_P(JobsTest, WhileTheRunnerImportsNoFileOnDiskHoldsTheRosterInPlainText) {
  const auto queued = Upload(Roster(30));
  // Every regular file under the files folder (uploads, scratch folders), read whole.
  const auto plain_files = [&] {
    std::vector<std::string> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(files_dir_, ec)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      if (bytes.str().find(IdNumber(0)) != std::string::npos ||
          bytes.str().find("职工") != std::string::npos) {
        found.push_back(entry.path().string());
      }
    }
    return found;
  };
  int looked = 0;
  auto options = Options();
  options.on_step = [&](const store::JobRow&, std::int64_t) {
    // Mid-run the runner reads the upload's plain bytes, from a file that has no name.
    ++looked;
    EXPECT_EQ(plain_files(), std::vector<std::string>{});
  };
  app::JobRunner runner(*app_, options);
  EXPECT_EQ(runner.RunPending(), 1);
  EXPECT_GE(looked, 2);
  EXPECT_EQ(GetImport(queued["id"])["accepted"], 30);
  EXPECT_EQ(plain_files(), std::vector<std::string>{});
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
  // The file is streamed after the header (never held in memory): the router hands the server
  // an open file of the Content-Length's size, its own body empty.
  Request get{bh::verb::get, "/api/v1/jobs/" + std::to_string((*queued)->id) + "/file", 11};
  get.set("Cookie", dongcheng_.cookie);
  http::Handled file = router_->Handle(get, http::Peer{"192.0.2.7"});
  ASSERT_EQ(file.response.result(), bh::status::ok) << file.response.body();
  ASSERT_NE(file.stream, nullptr);
  EXPECT_TRUE(file.response.body().empty());
  boost::beast::error_code ec;
  const std::uint64_t size = file.stream->size(ec);
  ASSERT_FALSE(ec);
  EXPECT_EQ(file.response[bh::field::content_length], std::to_string(size));
  std::string body(size, '\0');
  EXPECT_EQ(file.stream->read(body.data(), body.size(), ec), size);
  EXPECT_NE(body.find("110101********" + IdNumber(11).substr(14)), std::string::npos);
  EXPECT_EQ(body.find(IdNumber(11)), std::string::npos);
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

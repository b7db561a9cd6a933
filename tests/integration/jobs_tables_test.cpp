// Org and enterprise table imports as background jobs, on both stores: their reports, a file
// without the required columns, and a runner that dies between a row and its checkpoint. And
// the header under a title row on the web's job path (roster and registers alike): the job's
// progress and report name the row taken, note and 合计 rows are skipped, 序号 is ignored.
#include "core/enterprises/uscc.h"
#include "jobs_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

class JobsTablesTest : public JobsTest {};

TEST_P(JobsTablesTest, OrgAndEnterpriseTablesImportAsJobsWithTheirReports) {
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

// A table import's runner dies after a row's work and before its checkpoint (the crash point
// is the step a row's checkpoint counts). The row and its checkpoint commit together, so the
// row is rolled back with it and the next runner does it once: every org and enterprise is
// there exactly once and the report counts each row once as created. (Written after the
// row's commit, the checkpoint was missing: the org's code was taken on the second try and the
// row reported as refused, the enterprise counted as updated.)
TEST_P(JobsTablesTest, ATableImportWhoseRunnerDiedBetweenARowAndItsCheckpointDoesEachRowOnce) {
  const SignedIn admin = SignIn("admin");
  const char* const kHan[] = {"甲", "乙", "丙"};
  for (const bool orgs : {true, false}) {
    for (int crash_at = 1; crash_at <= 3; ++crash_at) {
      SCOPED_TRACE(std::string(orgs ? "orgs" : "enterprises") + " dies at step " +
                   std::to_string(crash_at));
      // Each round its own three rows (codes, names and USCCs of the round).
      const std::string round = kHan[crash_at - 1];
      std::string body = orgs ? "code,name,kind,parent_code\n"
                              : "name,uscc,region_code,industry,ownership,employees\n";
      for (int i = 0; i < 3; ++i) {
        if (orgs) {
          body += "J-C" + std::to_string(crash_at) + std::to_string(i) + ",检查点" + round +
                  kHan[i] + "工会,grassroots,110101001\n";
        } else {
          const std::string first17 = "9111010100000" + std::to_string(1000 + crash_at * 10 + i);
          body += "检查点" + round + kHan[i] + "公司," + first17 +
                  *enterprises::UsccCheckCharacter(first17) + ",110101001,C,private,10\n";
        }
      }
      const std::string count_sql =
          orgs ? "SELECT COUNT(*) FROM orgs WHERE name LIKE '检查点" + round + "%' AND id <> $1"
               : "SELECT COUNT(*) FROM enterprises WHERE name LIKE '检查点" + round +
                     "%' AND id <> $1";
      auto queued = Send(bh::verb::post,
                         orgs ? "/api/v1/orgs/imports?file_name=orgs.csv"
                              : "/api/v1/enterprises/imports?file_name=enterprises.csv",
                         body, "application/octet-stream", &admin);
      ASSERT_EQ(queued.result(), bh::status::accepted) << queued.body();
      const std::string id = Json(queued)["id"];
      {
        auto options = Options();
        options.crash_after_steps = crash_at;
        options.runner_id = "dead";
        app::JobRunner dying(*app_, options);
        dying.RunPending();
      }
      EXPECT_EQ(Count(count_sql, 0), crash_at - 1) << "the row of the fatal step is undone";
      clock_.Advance(11000);
      auto options = Options();
      options.runner_id = "alive";
      app::JobRunner runner(*app_, options);
      EXPECT_EQ(runner.RunPending(), 1);
      const auto job = Json(As(admin, bh::verb::get, "/api/v1/jobs/" + id));
      EXPECT_EQ(job["state"], "succeeded");
      EXPECT_EQ(job["report"]["created"], 3);
      EXPECT_EQ(job["report"]["updated"], 0);
      EXPECT_EQ(job["report"]["failed_rows"], 0) << job.dump();
      EXPECT_EQ(Count(count_sql, 0), 3);
    }
  }
}

// The usual 会员花名册 uploaded through the web: its title (row 1), a blank row, the header with
// 序号 (row 3), a note, the members, a 合计 row. The job finds the header, and its progress,
// its report and the run name row 3; the rejected row is named as the spreadsheet numbers it.
TEST_P(JobsTablesTest, ARosterUnderATitleRowImportsAsAJobThatNamesItsHeaderRow) {
  const auto queued = Upload(
      "XX有限公司工会会员花名册,,,\r\n,,,\r\n序号,姓名,身份证号,手机号\r\n"
      "填表说明：身份证号填18位,,,\r\n1,职工一," +
      IdNumber(1) + ",13800000001\r\n2,," + IdNumber(2) + ",13800000002\r\n3,职工三," +
      IdNumber(3) + ",\r\n合计,3人,,\r\n");
  app::JobRunner runner(*app_, Options());
  EXPECT_EQ(runner.RunPending(), 1);
  const auto done = GetImport(queued["id"]);
  EXPECT_EQ(done["status"], "done") << done.dump();
  EXPECT_EQ(done["header_row"], 3);
  EXPECT_EQ(done["rows_total"], 3);  // the note and the total are no rows of members
  EXPECT_EQ(done["accepted"], 2);
  EXPECT_EQ(done["rejected"], 1);
  EXPECT_TRUE(done["unknown_columns"].empty()) << "序号 is ignored";
  ASSERT_EQ(done["rejections"].size(), 1u);
  EXPECT_EQ(done["rejections"][0]["row"], 6);
  EXPECT_EQ(done["rejections"][0]["column"], "姓名");
  EXPECT_EQ(done["job"]["progress"]["header_row"], 3);
  EXPECT_EQ(done["job"]["report"]["header_row"], 3);
  EXPECT_EQ(MembersOfUnion(), 2);
}

TEST_P(JobsTablesTest, OrgAndEnterpriseJobsFindTheirHeaderUnderATitleAndNameIt) {
  const SignedIn admin = SignIn("admin");
  auto orgs = Send(bh::verb::post, "/api/v1/orgs/imports?file_name=orgs.csv",
                   "2026年新建工会名单,,,\n序号,组织代码,组织名称,组织类型,上级组织代码\n"
                   "注：上级组织代码填街道代码,,,,\n1,J-T1,标题甲工会,grassroots,110101001\n"
                   "2,J-T2,标题乙工会,grassroots,NO-SUCH\n合计,2个,,,\n",
                   "application/octet-stream", &admin);
  ASSERT_EQ(orgs.result(), bh::status::accepted) << orgs.body();
  const std::string first17 = "91110101000000777";
  auto enterprises = Send(
      bh::verb::post, "/api/v1/enterprises/imports?file_name=enterprises.csv",
      "东华门街道用人单位名录\n\n序号,单位名称,统一社会信用代码,所在街道代码,行业门类,经济类型,"
      "职工人数\n1,标题丙公司," +
          first17 + *enterprises::UsccCheckCharacter(first17) +
          ",110101001,C,private,12\n合计,,,,,,12\n",
      "application/octet-stream", &admin);
  ASSERT_EQ(enterprises.result(), bh::status::accepted) << enterprises.body();
  app::JobRunner runner(*app_, Options());
  EXPECT_EQ(runner.RunPending(), 2);

  const auto org_job =
      Json(As(admin, bh::verb::get, "/api/v1/jobs/" + Json(orgs)["id"].get<std::string>()));
  EXPECT_EQ(org_job["state"], "succeeded") << org_job.dump();
  EXPECT_EQ(org_job["progress"]["header_row"], 2);
  EXPECT_EQ(org_job["report"]["header_row"], 2);
  EXPECT_EQ(org_job["report"]["created"], 1);
  EXPECT_EQ(org_job["report"]["failed_rows"], 1) << "the note and the total are no rows";
  ASSERT_EQ(org_job["report"]["problems"].size(), 1u);
  EXPECT_EQ(org_job["report"]["problems"][0]["row"], 5);
  EXPECT_EQ(org_job["report"]["problems"][0]["column"], "上级组织代码");

  const auto enterprise_job =
      Json(As(admin, bh::verb::get, "/api/v1/jobs/" + Json(enterprises)["id"].get<std::string>()));
  EXPECT_EQ(enterprise_job["state"], "succeeded") << enterprise_job.dump();
  EXPECT_EQ(enterprise_job["progress"]["header_row"], 3);
  EXPECT_EQ(enterprise_job["report"]["created"], 1);
  EXPECT_EQ(enterprise_job["report"]["failed_rows"], 0) << enterprise_job.dump();
}

ZJ_INSTANTIATE_ON_BOTH_STORES(JobsTablesTest);

}  // namespace
}  // namespace zj::test

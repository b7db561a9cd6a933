// Certificates and competitions in My account on both stores (issue 21 slice 4): publication
// issues exactly the certificates for ranks ≤ N per group (an individual's to the member, a
// team's to the team, which its members see too); the public verification by code shows the
// holder masked, a revoked certificate as revoked, an unknown code 404 and is throttled; the
// holder's PDF carries the full name and the code; a worker enrols themselves only in an
// individual group and only when eligible; another district's competition is 404 for them.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "app/certificates/certificate_service.h"
#include "app/competitions/competition_service.h"
#include "app/competitions/my_competitions.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

namespace cp = competitions;

cp::Sheet Sheet() { return {{{"points", "得分", 100 * cp::kCenti, 100}}}; }

class CertificatesTest : public WorkerTest {
 protected:
  void SetUp() override {
    WorkerTest::SetUp();
    if (HasFatalFailure()) return;
    worker_ = BoundWorker("13912345678", "张晓林", 11);  // born 1990-03-07
    ASSERT_TRUE(worker_.member_id.has_value());
    other_ = Create(staff_a_, Person(union_a_, "王二", 12)).row.id;
    judge_ = MakeUser("judge-1", "cadre", district_a_);
  }

  app::NewCompetition Competition(int ranks) {
    app::NewCompetition c;
    c.org_id = district_a_.id;
    c.title = "园区劳动竞赛";
    c.certificate_ranks = ranks;
    app::NewCompGroup workers{"workers", "个人组", "individual", Sheet(), {}};
    workers.eligibility = {{cp::Criterion::kMinAge, 18, {}}};
    c.groups = {workers, {"teams", "班组组", "team", Sheet(), {}}};
    return c;
  }

  std::int64_t Make(const app::NewCompetition& c, const app::Actor& by) {
    auto made = app_->competitions().Create(by, c);
    EXPECT_TRUE(made.has_value()) << (made ? "" : Describe(made.error()));
    return made ? made->row.id : 0;
  }

  void Score(std::int64_t entry, std::int64_t points) {
    auto s = app_->competitions().Score(judge_, entry, {{"points", points * cp::kCenti}});
    EXPECT_TRUE(s.has_value()) << (s ? "" : Describe(s.error()));
  }

  app::Actor worker_, judge_;
  std::int64_t other_ = 0;
};

TEST_P(CertificatesTest, PublicationIssuesCertificatesForTheTopRanksAndTheyVerifyByCode) {
  auto& comps = app_->competitions();
  const std::int64_t id = Make(Competition(1), staff_a_);
  auto mine = app_->my_competitions().Enrol(worker_, id, "workers");
  ASSERT_OK(mine);
  EXPECT_EQ(mine->competition_title, "园区劳动竞赛");
  ExpectError(app_->my_competitions().Enrol(worker_, id, "workers"), ErrorCode::kAlreadyExists,
              "error.competition.entered_twice");
  auto second = comps.Enrol(staff_a_, id, {"workers", {}, other_, "", {}});
  ASSERT_OK(second);
  auto open = app_->my_competitions().Get(worker_);
  ASSERT_OK(open);
  ASSERT_EQ(open->open.size(), 1u);
  ASSERT_EQ(open->open[0].groups.size(), 1u);  // individual groups only
  EXPECT_TRUE(open->open[0].groups[0].enrolled);
  EXPECT_TRUE(open->open[0].groups[0].ineligible.empty());
  ASSERT_EQ(open->entries.size(), 1u);

  ASSERT_OK(comps.Freeze(staff_a_, id));
  ASSERT_OK(comps.AddJudge(staff_a_, id, {judge_.user_id, {}, {}, {"workers", "teams"}}));
  Score(mine->id, 90);
  Score(second->row.id, 70);
  ASSERT_OK(comps.Publish(staff_a_, id));

  // Rank 1 only: the worker's certificate, not the runner-up's.
  auto issued = app_->certificates().OfCompetition(staff_a_, id);
  ASSERT_OK(issued);
  ASSERT_EQ(issued->size(), 1u);
  const auto cert = issued->front();
  EXPECT_EQ(cert.row.source_id, mine->id);
  EXPECT_EQ(cert.row.member_id, worker_.member_id);
  EXPECT_EQ(cert.row.holder_masked, "张**");
  EXPECT_FALSE(cert.row.holder_name.has_value());  // the name is not kept in clear
  EXPECT_EQ(cert.row.place, 1);
  EXPECT_EQ(cert.row.code.size(), 12u);
  ExpectError(app_->certificates().OfCompetition(staff_b_, id), ErrorCode::kNotFound,
              "error.not_found");

  auto after = app_->my_competitions().Get(worker_);
  ASSERT_OK(after);
  EXPECT_TRUE(after->open.empty());
  ASSERT_EQ(after->entries.size(), 1u);
  EXPECT_EQ(after->entries[0].rank_group, 1);

  auto listed = app_->certificates().Mine(worker_);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().display_code.size(), 14u);  // ABCD-EFGH-JKMN
  EXPECT_EQ(listed->front().issuer, district_a_.name);

  // Anyone verifies it, typed in lower case with its dashes; the name masked.
  std::string typed = listed->front().display_code;
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto verified = app_->certificates().Verify(typed, "198.51.100.7");
  ASSERT_OK(verified);
  EXPECT_EQ(verified->holder, "张**");
  EXPECT_EQ(verified->title, "园区劳动竞赛");
  EXPECT_EQ(verified->award, "个人组");
  EXPECT_EQ(verified->place, 1);
  EXPECT_FALSE(verified->revoked);
  ExpectError(app_->certificates().Verify("2345-6789-ABCD", "198.51.100.7"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(app_->certificates().Verify("not a code", "198.51.100.7"), ErrorCode::kNotFound,
              "error.not_found");

  // The holder's PDF: the full name, the code and the verify address, in Chinese.
  auto pdf = app_->certificates().Pdf(worker_, cert.row.id, "https://zj.example/verify");
  ASSERT_OK(pdf);
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  const std::string path = ::testing::TempDir() + "certificate-" + std::to_string(cert.row.id);
  std::ofstream(path + ".pdf", std::ios::binary) << *pdf;
  if (std::system(("pdftotext -v >/dev/null 2>&1")) == 0) {
    ASSERT_EQ(std::system(("pdftotext " + path + ".pdf " + path + ".txt").c_str()), 0);
    std::ifstream in(path + ".txt");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(text.find("张晓林"), std::string::npos) << text;
    EXPECT_NE(text.find("荣誉证书"), std::string::npos) << text;
    EXPECT_NE(text.find(listed->front().display_code), std::string::npos) << text;
  }
  std::remove((path + ".pdf").c_str());
  std::remove((path + ".txt").c_str());
  // Not the runner-up's to download, nor another's.
  ExpectError(app_->certificates().Pdf(worker_, cert.row.id + 1, "/verify"), ErrorCode::kNotFound,
              "error.not_found");

  // Revoked by the organiser (not by another district), with a reason: it verifies as revoked.
  ExpectError(app_->certificates().Revoke(staff_b_, cert.row.id, "成绩作假，经核实撤销"),
              ErrorCode::kNotFound, "error.not_found");
  ASSERT_OK(app_->certificates().Revoke(staff_a_, cert.row.id, "成绩作假，经核实撤销"));
  ExpectError(app_->certificates().Revoke(staff_a_, cert.row.id, "成绩作假，经核实撤销"),
              ErrorCode::kConflict, "error.certificate.revoked");
  auto revoked = app_->certificates().Verify(cert.row.code, "198.51.100.7");
  ASSERT_OK(revoked);
  EXPECT_TRUE(revoked->revoked);
  EXPECT_TRUE(revoked->revoked_on.has_value());
}

TEST_P(CertificatesTest, NoCertificatesWithoutTheSetting) {
  auto& comps = app_->competitions();
  const std::int64_t id = Make(Competition(0), staff_a_);
  auto entry = comps.Enrol(staff_a_, id, {"workers", {}, other_, "", {}});
  ASSERT_OK(entry);
  ASSERT_OK(comps.Freeze(staff_a_, id));
  ASSERT_OK(comps.AddJudge(staff_a_, id, {judge_.user_id, {}, {}, {"workers"}}));
  Score(entry->row.id, 50);
  ASSERT_OK(comps.Publish(staff_a_, id));
  auto issued = app_->certificates().OfCompetition(staff_a_, id);
  ASSERT_OK(issued);
  EXPECT_TRUE(issued->empty());
}

TEST_P(CertificatesTest, AWorkerEnrolsOnlyWhenEligibleAndOnlyInTheirOwnDistrict) {
  auto young = Competition(0);
  young.groups[0].eligibility = {{cp::Criterion::kMaxAge, 30, {}}};  // the worker is 36
  const std::int64_t id = Make(young, staff_a_);
  auto refused = app_->my_competitions().Enrol(worker_, id, "workers");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "birth_date");
  EXPECT_EQ(refused.error().fields[0].message_key, "error.competition.too_old");
  auto open = app_->my_competitions().Get(worker_);
  ASSERT_OK(open);
  ASSERT_EQ(open->open.size(), 1u);
  ASSERT_EQ(open->open[0].groups[0].ineligible.size(), 1u);
  // The years on site are not in the registry: never guessed.
  auto site = Competition(0);
  site.groups[0].eligibility = {{cp::Criterion::kMinYearsOnSite, 1, {}}};
  ExpectError(app_->my_competitions().Enrol(worker_, Make(site, staff_a_), "workers"),
              ErrorCode::kInvalidArgument, "error.invalid_input");
  // Teams are the union's to enrol.
  ExpectError(app_->my_competitions().Enrol(worker_, id, "teams"), ErrorCode::kInvalidArgument,
              "error.invalid_input");
  // Another district's competition is none of the worker's business.
  auto elsewhere = Competition(0);
  elsewhere.org_id = district_b_.id;
  const std::int64_t b = Make(elsewhere, staff_b_);
  ExpectError(app_->my_competitions().Enrol(worker_, b, "workers"), ErrorCode::kNotFound,
              "error.not_found");
  auto again = app_->my_competitions().Get(worker_);
  ASSERT_OK(again);
  for (const auto& c : again->open) EXPECT_NE(c.row.id, b);
  // Staff are not workers.
  ExpectError(app_->my_competitions().Get(staff_a_), ErrorCode::kPermissionDenied,
              "error.auth.forbidden");
}

TEST_P(CertificatesTest, GuessingCodesIsThrottledPerAddress) {
  for (int i = 0; i < 20; ++i) {
    ExpectError(app_->certificates().Verify("2345-6789-ABCD", "203.0.113.9"), ErrorCode::kNotFound,
                "error.not_found");
  }
  ExpectError(app_->certificates().Verify("2345-6789-ABCD", "203.0.113.9"),
              ErrorCode::kResourceExhausted, "error.too_many_requests");
  ExpectError(app_->certificates().Verify("2345-6789-ABCD", "203.0.113.10"), ErrorCode::kNotFound,
              "error.not_found");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(CertificatesTest);

}  // namespace
}  // namespace zj::test

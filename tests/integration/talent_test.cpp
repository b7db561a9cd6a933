// The talent pool and studios on both stores (issue 22): a cadre sets a member's trade and level
// (field errors for a bad level or a future day); the search finds by trade and level ≥ within the
// actor's subtree only, paged by union path and member, the ID masked; a competition certificate
// shows as a title until it is revoked; a training certificate raises a level and never lowers
// it; a studio funded 3 years records its second year and refuses a year after; a worker reads
// their own level, titles and studio; an entry follows its member's transfer; another district
// finds none of it (404).
#include <gtest/gtest.h>

#include <algorithm>

#include "app/beijing_day.h"
#include "app/certificates/certificate_service.h"
#include "app/talent/talent_service.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

class TalentTest : public WorkerTest {
 protected:
  void SetUp() override {
    WorkerTest::SetUp();
    if (HasFatalFailure()) return;
    union_cadre_ = MakeUser("talent-union-cadre", "cadre", union_a_);
  }

  app::TalentService Talent() { return {*db_, clock_, random_, app_->audit()}; }

  int ThisYear() { return std::stoi(app::BeijingDay(clock_.NowMs()).substr(0, 4)); }

  std::int64_t Member(const OrgRef& in, const std::string& name, int sequence) {
    const app::Actor& by = in.id == union_b_.id ? staff_b_ : staff_a_;
    return Create(by, Person(in, name, sequence)).row.id;
  }

  void SetLevel(const app::Actor& actor, std::int64_t member, const std::string& trade,
                const std::string& level) {
    auto set = Talent().Set(actor, member, {trade, level, "", "cadre"});
    ASSERT_OK(set);
  }

  static std::vector<std::int64_t> Ids(const app::TalentPage& page) {
    std::vector<std::int64_t> ids;
    for (const auto& e : page.items) ids.push_back(e.row.member_id);
    return ids;
  }

  app::Actor union_cadre_;
};

TEST_P(TalentTest, ACadreSetsALevelWithFieldErrorsForABadOne) {
  const auto m = Member(union_a_, "李师傅", 11);
  ExpectFieldError(Talent().Set(union_cadre_, m, {"电工", "6", "", "cadre"}), "level",
                   "error.talent.level");
  ExpectFieldError(Talent().Set(union_cadre_, m, {"", "3", "", "cadre"}), "trade",
                   "error.field.required");
  ExpectFieldError(Talent().Set(union_cadre_, m, {"电工", "3", "2999-01-01", "cadre"}),
                   "level_since", "error.talent.day_future");
  ExpectError(Talent().Set(staff_b_, m, {"电工", "3", "", "cadre"}), ErrorCode::kNotFound,
              "error.not_found");

  auto card = Talent().Set(union_cadre_, m, {"电工", "senior_technician", "2020-05-01", "cadre"});
  ASSERT_OK(card);
  ASSERT_TRUE(card->entry.has_value());
  EXPECT_EQ(card->entry->row.skill_level, 5);
  EXPECT_EQ(card->entry->row.trade, "电工");
  EXPECT_EQ(card->entry->row.level_since, "2020-05-01");
  EXPECT_EQ(card->entry->row.org_path, union_a_.path);
  EXPECT_EQ(card->entry->id_masked.substr(0, 14), std::string(14, '*'));
  // Changed again: one entry, the new level.
  auto lower = Talent().Set(union_cadre_, m, {"钳工", "2", "", "registry"});
  ASSERT_OK(lower);
  EXPECT_EQ(lower->entry->row.skill_level, 2);
  EXPECT_EQ(lower->entry->row.level_source, "registry");
}

TEST_P(TalentTest, TheSearchFindsByTradeAndLevelAtLeastWithinTheSubtreeOnly) {
  const auto junior = Member(union_a_, "王一", 21);
  const auto technician = Member(union_a_, "王二", 22);
  const auto senior_tech = Member(union_a_, "王三", 23);
  const auto welder = Member(union_a_, "王四", 24);
  const auto other = Member(union_b_, "赵五", 25);
  SetLevel(staff_a_, junior, "电工", "1");
  SetLevel(staff_a_, technician, "电工", "4");
  SetLevel(staff_a_, senior_tech, "电工", "5");
  SetLevel(staff_a_, welder, "焊工", "5");
  SetLevel(staff_b_, other, "电工", "5");

  app::TalentSearch s;
  s.trade = "电工";
  s.level_at_least = "technician";
  auto found = Talent().Search(staff_a_, s);
  ASSERT_OK(found);
  EXPECT_EQ(Ids(*found), (std::vector<std::int64_t>{std::min(technician, senior_tech),
                                                    std::max(technician, senior_tech)}));
  // The other district's 高级技师 电工 is another subtree's.
  auto theirs = Talent().Search(staff_b_, s);
  ASSERT_OK(theirs);
  EXPECT_EQ(Ids(*theirs), std::vector<std::int64_t>{other});
  // Paged by member id.
  s.limit = 1;
  auto first = Talent().Search(union_cadre_, s);
  ASSERT_OK(first);
  ASSERT_EQ(first->items.size(), 1u);
  ASSERT_TRUE(first->next_cursor.has_value());
  s.after = *first->next_cursor;
  auto second = Talent().Search(union_cadre_, s);
  ASSERT_OK(second);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_FALSE(second->next_cursor.has_value());
  EXPECT_NE(second->items[0].row.member_id, first->items[0].row.member_id);
  // Pages go by union path, then member: a third one in another union of the district is
  // reached from the cursor, each member once.
  const OrgRef union_c = MakeUnion("GU-C", "丙公司工会", district_a_.id);
  const auto third = Member(union_c, "王六", 26);
  SetLevel(staff_a_, third, "电工", "4");
  std::vector<std::int64_t> paged;
  app::TalentSearch one;
  one.trade = "电工";
  one.level_at_least = "4";
  one.limit = 1;
  for (int i = 0; i < 5; ++i) {
    auto page = Talent().Search(staff_a_, one);
    ASSERT_OK(page);
    for (const auto& e : page->items) paged.push_back(e.row.member_id);
    if (!page->next_cursor) break;
    one.after = *page->next_cursor;
  }
  std::sort(paged.begin(), paged.end());
  std::vector<std::int64_t> want{technician, senior_tech, third};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(paged, want);
  one.after = 12345;
  ExpectFieldError(Talent().Search(staff_a_, one), "after", "error.field.cursor");
  // Any trade, level ≥ 5: both 高级技师 of district A; an org outside the scope is 404.
  app::TalentSearch top;
  top.level_at_least = "5";
  auto best = Talent().Search(staff_a_, top);
  ASSERT_OK(best);
  EXPECT_EQ(best->items.size(), 2u);
  top.org_id = union_b_.id;
  ExpectError(Talent().Search(staff_a_, top), ErrorCode::kNotFound, "error.org.not_found");
  top.level_at_least = "grandmaster";
  top.org_id.reset();
  ExpectFieldError(Talent().Search(staff_a_, top), "level_at_least", "error.talent.level");
  ExpectError(Talent().Search(MakeUser("talent-op", "operator", district_a_), s),
              ErrorCode::kPermissionDenied, "error.talent.forbidden");
}

TEST_P(TalentTest, ACompetitionCertificateIsATitleUntilRevokedAndTypedTitlesAreKept) {
  const auto m = Member(union_a_, "周师傅", 31);
  auto typed = Talent().AddTitle(union_cadre_, m, {"craftsman", "北京大工匠", ThisYear() - 1});
  ASSERT_OK(typed);
  ExpectFieldError(Talent().AddTitle(union_cadre_, m, {"knight", "x", ThisYear()}), "kind",
                   "error.field.one_of");
  ExpectError(Talent().AddTitle(staff_b_, m, {"honour", "x", ThisYear()}), ErrorCode::kNotFound,
              "error.not_found");

  std::int64_t cert_id = 0;
  auto issued = store::InTransaction(*db_, [&](store::Connection& c) {
    app::NewCertificate in;
    in.federation_id = 0;
    in.org_id = district_a_.id;
    in.org_path = district_a_.path;
    in.source_id = 1;
    in.member_id = m;
    in.holder_kind = "member";
    in.holder_name = "周师傅";
    in.title = "东城区职工技能大赛";
    in.award = "电工组";
    in.place = 1;
    return app::IssueCertificate(c, clock_, random_, in);
  });
  ASSERT_OK(issued);
  cert_id = issued->id;

  auto card = Talent().Card(union_cadre_, m);
  ASSERT_OK(card);
  ASSERT_EQ(card->titles.size(), 2u);
  EXPECT_EQ(card->titles[0].title, "北京大工匠");
  EXPECT_EQ(card->titles[0].source, "typed");
  EXPECT_EQ(card->titles[1].source, "competition");
  EXPECT_EQ(card->titles[1].kind, "honour");
  EXPECT_EQ(card->titles[1].title, "东城区职工技能大赛 · 电工组 · 1");
  EXPECT_EQ(card->titles[1].year, ThisYear());

  app::CertificateService certificates(*db_, clock_, app_->audit());
  ASSERT_OK(certificates.Revoke(staff_a_, cert_id, "成绩复核有误"));
  auto after = Talent().Card(union_cadre_, m);
  ASSERT_OK(after);
  ASSERT_EQ(after->titles.size(), 1u);
  EXPECT_EQ(after->titles[0].title, "北京大工匠");
}

TEST_P(TalentTest, ATrainingCertificateRaisesALevelAndNeverLowersIt) {
  const auto m = Member(union_a_, "吴师傅", 41);
  SetLevel(union_cadre_, m, "电工", "3");
  auto raise = [&](talent::SkillLevel level, std::int64_t cert) {
    return store::InTransaction(*db_, [&](store::Connection& c) {
      return Talent().RaiseFromCertificate(c, staff_a_, m, cert, level, "", "2026-03-01");
    });
  };
  auto raised = raise(talent::SkillLevel::kTechnician, 777);
  ASSERT_OK(raised);
  EXPECT_TRUE(*raised);
  auto card = Talent().Card(union_cadre_, m);
  ASSERT_OK(card);
  EXPECT_EQ(card->entry->row.skill_level, 4);
  EXPECT_EQ(card->entry->row.level_source, "certificate");
  EXPECT_EQ(card->entry->row.source_id, 777);
  EXPECT_EQ(card->entry->row.trade, "电工");  // the entry's, the course naming none
  auto same = raise(talent::SkillLevel::kSenior, 778);
  ASSERT_OK(same);
  EXPECT_FALSE(*same);
  auto kept = Talent().Card(union_cadre_, m);
  ASSERT_OK(kept);
  EXPECT_EQ(kept->entry->row.skill_level, 4);
  EXPECT_EQ(kept->entry->row.source_id, 777);
  // A member without an entry gets one from the certificate with the course's trade.
  const auto fresh = Member(union_a_, "郑师傅", 42);
  auto first = store::InTransaction(*db_, [&](store::Connection& c) {
    return Talent().RaiseFromCertificate(c, staff_a_, fresh, 779, talent::SkillLevel::kJunior,
                                         "焊工", "");
  });
  ASSERT_OK(first);
  EXPECT_TRUE(*first);
  auto fresh_card = Talent().Card(staff_a_, fresh);
  ASSERT_OK(fresh_card);
  EXPECT_EQ(fresh_card->entry->row.trade, "焊工");
  EXPECT_EQ(fresh_card->entry->row.skill_level, 1);
}

TEST_P(TalentTest, AStudioRecordsItsSecondFundingYearAndNoneAfterTheThird) {
  const auto lead = Member(union_a_, "孙大工匠", 51);
  app::NewStudio in;
  in.org_id = district_a_.id;
  in.name = "孙大工匠创新工作室";
  in.lead_member_id = lead;
  in.trade = "电工";
  in.founded_year = ThisYear() - 1;
  in.funding_first_year = ThisYear() - 1;
  ExpectError(Talent().CreateStudio(staff_b_, in), ErrorCode::kNotFound, "error.org.not_found");
  auto outside = in;
  outside.lead_member_id = Member(union_b_, "外区会员", 52);
  ExpectError(Talent().CreateStudio(staff_a_, outside), ErrorCode::kNotFound, "error.not_found");
  auto studio = Talent().CreateStudio(staff_a_, in);
  ASSERT_OK(studio);
  EXPECT_EQ(studio->funding_year_now, 2);

  ExpectError(Talent().RecordFunding(union_cadre_, studio->row.id, ThisYear(), std::nullopt),
              ErrorCode::kPermissionDenied, "error.talent.forbidden");
  ExpectError(Talent().RecordFunding(staff_b_, studio->row.id, ThisYear(), std::nullopt),
              ErrorCode::kNotFound, "error.not_found");
  auto second = Talent().RecordFunding(staff_a_, studio->row.id, ThisYear(), std::nullopt);
  ASSERT_OK(second);
  ASSERT_EQ(second->funding.size(), 1u);
  EXPECT_EQ(second->funding[0].funding_year, 2);
  EXPECT_EQ(second->funding[0].amount_fen, 10'000'000);
  ExpectError(Talent().RecordFunding(staff_a_, studio->row.id, ThisYear(), std::nullopt),
              ErrorCode::kConflict, "error.talent.funding_recorded");
  ExpectError(Talent().RecordFunding(staff_a_, studio->row.id, ThisYear() + 2, std::nullopt),
              ErrorCode::kUnprocessable, "error.talent.not_funding_year");

  auto listed = Talent().Studios(union_cadre_, std::nullopt, 0, 50);
  ASSERT_OK(listed);
  EXPECT_TRUE(listed->items.empty());  // the district's studio is above the union
  auto district = Talent().Studios(staff_a_, std::nullopt, 0, 50);
  ASSERT_OK(district);
  ASSERT_EQ(district->items.size(), 1u);
  EXPECT_EQ(district->items[0].row.lead_name, "孙大工匠");
  auto theirs = Talent().Studios(staff_b_, std::nullopt, 0, 50);
  ASSERT_OK(theirs);
  EXPECT_TRUE(theirs->items.empty());
}

TEST_P(TalentTest, AWorkerReadsTheirOwnLevelTitlesAndStudio) {
  const app::Actor worker = BoundWorker("13900001111", "钱师傅", 61);
  ASSERT_TRUE(worker.member_id.has_value());
  ExpectError(Talent().Mine(staff_a_), ErrorCode::kPermissionDenied, "error.auth.forbidden");
  SetLevel(union_cadre_, *worker.member_id, "数控车工", "senior_technician");
  ASSERT_OK(
      Talent().AddTitle(union_cadre_, *worker.member_id, {"craftsman", "北京大工匠", ThisYear()}));
  app::NewStudio in;
  in.org_id = union_a_.id;
  in.name = "钱师傅工作室";
  in.lead_member_id = *worker.member_id;
  in.trade = "数控车工";
  in.founded_year = ThisYear();
  ASSERT_OK(Talent().CreateStudio(union_cadre_, in));

  auto mine = Talent().Mine(worker);
  ASSERT_OK(mine);
  ASSERT_TRUE(mine->entry.has_value());
  EXPECT_EQ(mine->entry->row.skill_level, 5);
  ASSERT_EQ(mine->titles.size(), 1u);
  ASSERT_EQ(mine->studios.size(), 1u);
  EXPECT_EQ(mine->studios[0].name, "钱师傅工作室");
  // The worker's session is not a cadre's: no search.
  ExpectError(Talent().Search(worker, {}), ErrorCode::kPermissionDenied, "error.talent.forbidden");
}

TEST_P(TalentTest, AnEntryFollowsItsMemberTransferredToAnotherDistrict) {
  const auto m = Member(union_a_, "陈师傅", 71);
  SetLevel(staff_a_, m, "电工", "5");
  auto t = app_->transfers().RequestFromSender(staff_a_, m, union_b_.id, "工作调动");
  ASSERT_OK(t);
  ASSERT_OK(app_->transfers().Approve(staff_b_, t->row.id, "欢迎"));

  app::TalentSearch s;
  s.trade = "电工";
  auto theirs = Talent().Search(staff_b_, s);
  ASSERT_OK(theirs);
  EXPECT_EQ(Ids(*theirs), std::vector<std::int64_t>{m});
  EXPECT_EQ(theirs->items[0].row.org_path, union_b_.path);
  auto ours = Talent().Search(staff_a_, s);
  ASSERT_OK(ours);
  EXPECT_TRUE(ours->items.empty());
  ExpectError(Talent().Card(staff_a_, m), ErrorCode::kNotFound, "error.not_found");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(TalentTest);

}  // namespace
}  // namespace zj::test

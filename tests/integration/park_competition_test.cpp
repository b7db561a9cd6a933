// The park competition generator (issue 21's benchmark and demo: `zhijia demo --competition`)
// at a tiny scale on both stores: the entries, teams, team places, individuals, judges and marks
// asked for; the list frozen and numbered per group; every entry marked by five different
// judges of its group, none of them in conflict; a judge's account marks through the use case;
// publication ranks every listed entry; generated enterprises when the subtree has too few (and
// the coverage figures still match a recount); a second run adds nothing.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/competitions/competition_service.h"
#include "app/demo/demo_park_competition.h"
#include "app/demo/demo_requests.h"
#include "app_fixture.h"
#include "store/competitions.h"
#include "store/orgs.h"

namespace zj::test {
namespace {

class ParkCompetitionTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    app::DemoOptions options;
    options.admin_password = "Demo-Pass-2026";
    options.enterprises_per_street = 1;
    options.bulk_members = 600;
    ASSERT_OK(app_->demo().Load(options));
  }

  static app::ParkCompetitionSpec Tiny() {
    app::ParkCompetitionSpec s;
    s.title = "园区杯（冒烟）";
    s.judge_prefix = "judge.smoke.";
    s.enterprises = 30;
    s.workers = 305;  // five teams of 11, 25 of 10
    s.teams = 30;
    s.individuals = 12;
    s.judges = 8;
    s.judges_per_entry = 5;
    s.judge_password = "Judge-Pass-2026";
    return s;
  }

  Result<app::ParkCompetitionReport> Load(const app::ParkCompetitionSpec& spec) {
    return app::LoadParkCompetition(*db_, clock_, random_, app::PasswordCost::Minimum(), spec);
  }

  app::Actor Account(const std::string& username) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto actor = app::DemoActor(**lease, username);
    EXPECT_TRUE(actor.has_value()) << username;
    return actor ? *actor : app::Actor{};
  }
};

TEST_P(ParkCompetitionTest, GeneratesTheCountsAskedForFrozenAndPublishable) {
  auto report = Load(Tiny());
  ASSERT_OK(report);
  ASSERT_NE(report->competition_id, 0);
  EXPECT_EQ(report->enterprises, 30);
  EXPECT_EQ(report->enterprises_created, 0);  // the city has ~330
  EXPECT_EQ(report->teams, 30);
  EXPECT_EQ(report->team_places, 305);
  EXPECT_EQ(report->individuals, 12);
  EXPECT_EQ(report->entries, 72);
  EXPECT_EQ(report->judges, 8);
  EXPECT_EQ(report->scores, 72 * 5);
  EXPECT_GE(report->distinct_workers, 300);  // 600 members in the city: every place its own

  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  store::Connection& c = **lease;
  const std::int64_t id = report->competition_id;
  auto comp = store::FindCompetition(c, id);
  ASSERT_OK(comp);
  ASSERT_TRUE(comp->has_value());
  EXPECT_EQ((*comp)->status, "listed");
  EXPECT_TRUE((*comp)->listed_at.has_value());
  auto groups = store::GroupsOfCompetition(c, id);
  ASSERT_OK(groups);
  ASSERT_EQ(groups->size(), 6u);
  auto entries = store::EntriesOfCompetition(c, id);
  ASSERT_OK(entries);
  ASSERT_EQ(entries->size(), 72u);
  std::map<std::int64_t, std::set<std::int64_t>> numbers;  // per group
  std::map<std::string, int> kinds;
  std::map<std::int64_t, const store::CompEntryRow*> by_id;
  for (const auto& e : *entries) {
    by_id[e.id] = &e;
    EXPECT_EQ(e.status, "listed");
    ASSERT_TRUE(e.number.has_value());
    EXPECT_TRUE(numbers[e.group_id].insert(*e.number).second) << "number twice in a group";
    ++kinds[e.entrant_kind];
    if (e.entrant_kind == "team") {
      auto team = store::TeamMembersOf(c, e.id);
      ASSERT_OK(team);
      EXPECT_TRUE(team->size() == 10 || team->size() == 11) << team->size();
    }
  }
  EXPECT_EQ(kinds["enterprise"], 30);
  EXPECT_EQ(kinds["team"], 30);
  EXPECT_EQ(kinds["individual"], 12);
  for (const auto& [group, taken] : numbers) {
    EXPECT_EQ(*taken.begin(), 1);
    EXPECT_EQ(*taken.rbegin(), static_cast<std::int64_t>(taken.size()));  // 1..n
  }

  // Five different judges an entry, each assigned to the entry's group.
  auto scores = store::ScoresOfCompetition(c, id);
  ASSERT_OK(scores);
  ASSERT_EQ(scores->size(), 360u);
  auto judges = store::JudgesOfCompetition(c, id);
  ASSERT_OK(judges);
  ASSERT_EQ(judges->size(), 8u);
  std::map<std::int64_t, std::set<std::int64_t>> groups_of;
  for (const auto& j : *judges) {
    auto assigned = store::GroupsOfJudge(c, j.id);
    ASSERT_OK(assigned);
    groups_of[j.id].insert(assigned->begin(), assigned->end());
  }
  std::map<std::int64_t, std::set<std::int64_t>> judges_of;
  for (const auto& s : *scores) {
    EXPECT_TRUE(groups_of[s.judge_id].contains(by_id.at(s.entry_id)->group_id));
    judges_of[s.entry_id].insert(s.judge_id);
    EXPECT_GT(s.total_e4, 0);
    EXPECT_LE(s.total_e4, 100 * 10000);
  }
  EXPECT_EQ(judges_of.size(), 72u);
  for (const auto& [entry, who] : judges_of) EXPECT_EQ(who.size(), 5u);

  const app::Actor admin = Account("admin");
  auto views = app_->competitions().Judges(admin, id);
  ASSERT_OK(views);
  for (const auto& v : *views) EXPECT_TRUE(v.conflicts.empty()) << v.row.id;

  // A generated judge's account marks one of its entries through the use case (a revision).
  const app::Actor judge = Account("judge.smoke.01");
  auto cards = app_->competitions().MyJudging(judge);
  ASSERT_OK(cards);
  ASSERT_FALSE(cards->empty());
  auto marked = app_->competitions().Score(
      judge, cards->front().entry_id, {{"quality", 3000}, {"safety", 3000}, {"innovation", 2500}});
  ASSERT_OK(marked);
  EXPECT_TRUE(marked->revised);

  auto published = app_->competitions().Publish(admin, id);
  ASSERT_OK(published);
  EXPECT_EQ(published->lines.size(), 72u);  // every listed entry ranked
  EXPECT_TRUE(published->unscored.empty());
  EXPECT_TRUE(published->vetoed.empty());
  auto results = store::ResultsOfCompetition(c, id);
  ASSERT_OK(results);
  EXPECT_EQ(results->size(), 72u);
  EXPECT_EQ(results->front().rank_overall, 1);
}

TEST_P(ParkCompetitionTest, MidScoringLeavesMarksOutAndASecondRunAddsNothing) {
  app::ParkCompetitionSpec spec = Tiny();
  spec.scored_percent = 60;
  auto first = Load(spec);
  ASSERT_OK(first);
  EXPECT_GT(first->scores, 72 * 5 * 40 / 100);
  EXPECT_LT(first->scores, 72 * 5 * 80 / 100);
  auto again = Load(spec);
  ASSERT_OK(again);
  EXPECT_EQ(again->competition_id, 0);
  EXPECT_EQ(again->entries, 0);
}

TEST_P(ParkCompetitionTest, TheSameRegistryAndSeedGiveTheSameEntrantsAndMarks) {
  app::ParkCompetitionSpec other = Tiny();
  other.title = "园区杯（冒烟，再来一次）";
  other.judge_prefix = "judge.again.";
  auto a = Load(Tiny());
  ASSERT_OK(a);
  auto b = Load(other);
  ASSERT_OK(b);
  // Per entry (group code and number): the entrant and its judges' totals, in the judges' order.
  auto fingerprint = [&](std::int64_t id) {
    std::map<std::pair<std::string, std::int64_t>, std::string> out;
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto groups = store::GroupsOfCompetition(**lease, id);
    auto entries = store::EntriesOfCompetition(**lease, id);
    auto scores = store::ScoresOfCompetition(**lease, id);
    auto judges = store::JudgesOfCompetition(**lease, id);
    EXPECT_TRUE(groups && entries && scores && judges);
    std::map<std::int64_t, std::string> code;
    for (const auto& g : *groups) code[g.id] = g.code;
    std::map<std::int64_t, std::size_t> position;  // judges by id: the order they were added
    for (std::size_t i = 0; i < judges->size(); ++i) position[(*judges)[i].id] = i;
    std::map<std::int64_t, std::pair<std::string, std::int64_t>> key;
    for (const auto& e : *entries) {
      key[e.id] = {code[e.group_id], e.number.value_or(0)};
      out[key[e.id]] = std::to_string(e.enterprise_id.value_or(0)) + "/" +
                       std::to_string(e.member_id.value_or(0)) + "/" + e.team_name.value_or("");
    }
    std::map<std::int64_t, std::map<std::size_t, std::int64_t>> totals;
    for (const auto& s : *scores) totals[s.entry_id][position[s.judge_id]] = s.total_e4;
    for (const auto& [entry, by_judge] : totals) {
      for (const auto& [j, total] : by_judge) {
        out[key[entry]] += " " + std::to_string(j) + ":" + std::to_string(total);
      }
    }
    return out;
  };
  const auto first = fingerprint(a->competition_id);
  EXPECT_EQ(first.size(), 72u);
  EXPECT_EQ(first, fingerprint(b->competition_id));
}

TEST_P(ParkCompetitionTest, GeneratesEnterprisesWhenTheSubtreeHasTooFew) {
  app::ParkCompetitionSpec spec = Tiny();
  spec.org_code = "110101";  // 东城: one enterprise a street here, 17 streets
  spec.enterprises = 40;
  spec.workers = 0;  // the subtree's few members are not what this is about
  spec.teams = 0;
  spec.individuals = 0;
  auto report = Load(spec);
  ASSERT_OK(report);
  EXPECT_EQ(report->enterprises, 40);
  EXPECT_GT(report->enterprises_created, 0);
  EXPECT_EQ(report->entries, 40);
  EXPECT_EQ(report->scores, 40 * 5);
  auto verify = app_->coverage().Verify();
  ASSERT_OK(verify);
  for (const auto& d : verify->differences) {
    ADD_FAILURE() << d.org_code << " " << d.figure << ": " << d.stored << " vs " << d.recounted;
  }
}

ZJ_INSTANTIATE_ON_BOTH_STORES(ParkCompetitionTest);

}  // namespace
}  // namespace zj::test

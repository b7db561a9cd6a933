// The dashboard's counters against the rows they count, on both stores (issue 20): the hardship
// files per workflow stage and the legal figures (cases by type and stage, money, collective
// disputes, opened and closed per month) equal a GROUP BY over hardship_flows and legal_cases
// for every org after a mixed life — files through the workflow, closed and erased; cases
// opened, moved on, their money changed, made collective, closed — and again after a union
// moves to another district. Another district's dashboard is not found. The 回访 after a legal
// case closes: a case from a request queues the request's follow-up once; a direct one nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "aid_fixture.h"
#include "app/hardship/case_figures.h"
#include "app/legal/legal_case_service.h"
#include "core/orgs/org_path.h"
#include "store/hardship_erase.h"
#include "store/hardship_flow.h"
#include "store/migrations.h"
#include "store/service_requests.h"

namespace zj::test {
namespace {

constexpr const char* kUscc = "91110000100000000R";

class CaseCountersTest : public AidTest {
 protected:
  app::CaseDashboardView Of(const app::Actor& actor, const OrgRef& org) {
    auto v = app_->case_dashboard().Of(actor, org.id, 12);
    EXPECT_TRUE(v.has_value()) << Describe(v.error());
    return v ? *v : app::CaseDashboardView{};
  }

  std::int64_t Case(const app::Actor& actor, const OrgRef& org, const std::string& type,
                    std::int64_t claimed, std::optional<std::int64_t> request = std::nullopt) {
    app::NewLegalCase c;
    c.org_id = org.id;
    c.type = type;
    c.title = "拖欠三个月工资";
    c.employer_uscc = kUscc;
    c.employer_name = "某建筑劳务有限公司";
    c.claimed_fen = claimed;
    c.opened_on = "2026-11-01";
    c.request_id = request;
    auto opened = app_->legal_cases().Open(actor, c);
    EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
    return opened ? opened->row.id : 0;
  }

  std::int64_t NewRequest(const app::Actor& actor) {
    app::NewRequest r;
    r.channel = "hotline";
    r.category = "rights.wage_arrears";
    r.title = "工地拖欠工资";
    r.description = "工地拖欠十余名工人三个月工资";
    r.contact_name = "李师傅";
    r.contact_phone = "13912345678";
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto district = store::FindOrgById(**lease, district_a_.id);
    EXPECT_TRUE(district && *district && (*district)->region_code);
    if (district && *district) r.region_code = (*district)->region_code;
    auto made = app_->requests().Submit(actor, r);
    EXPECT_TRUE(made.has_value()) << Describe(made.error());
    return made ? made->row.id : 0;
  }

  //! Every org's stage counts on the dashboard equal a GROUP BY over its subtree's flows.
  void ExpectStagesMatch(const std::vector<const OrgRef*>& orgs) {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    for (const OrgRef* org : orgs) {
      auto stored = store::FindOrgById(**lease, org->id);
      ASSERT_TRUE(stored && *stored);
      const OrgPath path = OrgPath::FromStored((*stored)->path);
      auto counted = store::FlowStageCounts(**lease, path.SubtreeLow(), path.SubtreeHigh());
      ASSERT_OK(counted);
      const std::map<std::string, std::int64_t> scan(counted->begin(), counted->end());
      const auto v = Of(staff_root_, *org);
      const std::map<std::string, std::int64_t> shown(v.by_stage.begin(), v.by_stage.end());
      EXPECT_EQ(shown, scan) << org->name;
    }
  }

  //! Every org's legal figures equal a GROUP BY over its subtree's cases.
  void ExpectLegalMatch(const std::vector<const OrgRef*>& orgs) {
    static constexpr store::Sql kScan{
        "test.legal.scan",
        "SELECT type, stage, COUNT(*), SUM(claimed_fen), SUM(recovered_fen), SUM(collective)"
        " FROM legal_cases WHERE org_path >= $1 AND org_path < $2 GROUP BY type, stage"};
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    for (const OrgRef* org : orgs) {
      auto stored = store::FindOrgById(**lease, org->id);
      ASSERT_TRUE(stored && *stored);
      const OrgPath path = OrgPath::FromStored((*stored)->path);
      auto rows = (**lease).Query(kScan, Params(path.SubtreeLow(), path.SubtreeHigh()));
      ASSERT_OK(rows);
      std::map<std::pair<std::string, std::string>, std::int64_t> scan;
      std::int64_t claimed = 0, recovered = 0, collective = 0;
      for (const auto& r : *rows) {
        scan[{r.Text(0), r.Text(1)}] = r.Int(2);
        claimed += r.Int(3);
        recovered += r.Int(4);
        collective += r.Int(5);
      }
      const auto v = Of(staff_root_, *org).legal;
      std::map<std::pair<std::string, std::string>, std::int64_t> shown;
      for (const auto& x : v.by_type_stage) shown[{x.type, x.stage}] = x.cases;
      EXPECT_EQ(shown, scan) << org->name;
      EXPECT_EQ(v.claimed_fen, claimed) << org->name;
      EXPECT_EQ(v.recovered_fen, recovered) << org->name;
      EXPECT_EQ(v.collective_total, collective) << org->name;
    }
  }

  std::int64_t FollowUps(std::int64_t request) {
    static constexpr store::Sql kCount{
        "test.follow_ups.count", "SELECT COUNT(*) FROM request_follow_ups WHERE request_id = $1"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kCount, Params(request));
    EXPECT_TRUE(rows.has_value());
    return rows ? rows->front().Int(0) : -1;
  }

  std::int64_t AllFollowUps() {
    static constexpr store::Sql kCount{"test.follow_ups.all",
                                       "SELECT COUNT(*) FROM request_follow_ups"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kCount, {});
    EXPECT_TRUE(rows.has_value());
    return rows ? rows->front().Int(0) : -1;
  }
};

TEST_P(CaseCountersTest, StageCountsEqualAGroupByAfterAWholeLifeAndAMove) {
  // Applied; first reviewed; active; closed; closed and erased; one in district B.
  app::NewHardshipFile applied;
  applied.org_id = union_a_.id;
  applied.year = 2026;
  applied.main_cause = "illness";
  applied.household.push_back(
      {"self", "王秀英", MakeIdNumber("110101", "19850612", 501), 1000000, std::nullopt});
  ASSERT_OK(app_->hardship().Open(union_cadre_, applied));
  auto reviewed = applied;
  reviewed.household[0].id_number = MakeIdNumber("110101", "19850612", 502);
  auto second = app_->hardship().Open(union_cadre_, reviewed);
  ASSERT_OK(second);
  app::FlowStepInput step;
  step.step = "first_review";
  ASSERT_OK(app_->hardship_flow().Take(union_cadre_, second->file.row.id, step));
  OpenFile(cadre_a_, union_a_, 601);
  const auto closed = OpenFile(cadre_a_, union_a_, 701);
  ASSERT_OK(app_->hardship().Close(cadre_a_, closed.file.row.id, "lifted", ""));
  const auto erased = OpenFile(cadre_a_, union_a_, 801);
  ASSERT_OK(app_->hardship().Close(cadre_a_, erased.file.row.id, "lifted", ""));
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto done = store::EraseHardshipFile(**lease, erased.file.row.id, clock_.NowMs());
    ASSERT_OK(done);
    EXPECT_TRUE(*done);
  }
  OpenFile(cadre_b_, union_b_, 901);

  const auto a = Of(cadre_a_, district_a_);
  const std::map<std::string, std::int64_t> stages(a.by_stage.begin(), a.by_stage.end());
  EXPECT_EQ(
      stages,
      (std::map<std::string, std::int64_t>{
          {"applied", 1}, {"first_reviewed", 1}, {"active", 1}, {"closed", 1}, {"erased", 1}}));
  const std::vector<const OrgRef*> orgs{&root_,     &district_a_, &district_b_,
                                        &street_a_, &union_a_,    &union_b_};
  ExpectStagesMatch(orgs);
  ASSERT_OK(app_->orgs().Move(admin_, union_a_.id, district_b_.id));
  ExpectStagesMatch(orgs);
  EXPECT_TRUE(Of(staff_root_, district_a_).by_stage.empty());
}

TEST_P(CaseCountersTest, LegalFiguresEqualAGroupByPerSubtreeAndAnotherDistrictIsNotFound) {
  auto& legal = app_->legal_cases();
  const std::int64_t wages = Case(cadre_a_, union_a_, "wage_arrears", 2'400'000);
  const std::int64_t big = Case(cadre_a_, union_a_, "wage_arrears", 60'000'000);  // collective
  const std::int64_t injury = Case(cadre_a_, street_a_, "work_injury", 800'000);
  Case(cadre_b_, union_b_, "dismissal", 500'000);
  ASSERT_OK(legal.Advance(cadre_a_, wages, "mediation", "2026-11-02", ""));
  app::LegalCaseChange more;
  more.claimed_fen = 3'000'000;
  more.recovered_fen = 1'000'000;
  ASSERT_OK(legal.Update(cadre_a_, wages, more));
  ASSERT_OK(legal.Close(cadre_a_, big, "调解结案", 45'000'000, ""));
  ASSERT_OK(legal.Advance(cadre_a_, injury, "arbitration", "2026-11-03", "仲裁委受理"));

  const auto a = Of(cadre_a_, district_a_).legal;
  EXPECT_EQ(a.cases, 3);
  EXPECT_EQ(a.open, 2);
  EXPECT_EQ(a.claimed_fen, 3'000'000 + 60'000'000 + 800'000);
  EXPECT_EQ(a.recovered_fen, 1'000'000 + 45'000'000);
  EXPECT_EQ(a.collective_open, 0);
  EXPECT_EQ(a.collective_total, 1);
  ASSERT_EQ(a.series.size(), 12u);
  EXPECT_EQ(a.series.back().month, app::MonthInChina(clock_.NowMs()));
  EXPECT_EQ(a.series.back().opened, 3);
  EXPECT_EQ(a.series.back().closed, 1);
  // Per subtree: the union holds two, the street the union's and its own; B only its own.
  EXPECT_EQ(Of(union_cadre_, union_a_).legal.cases, 2);
  EXPECT_EQ(Of(street_cadre_, street_a_).legal.cases, 3);
  EXPECT_EQ(Of(cadre_b_, district_b_).legal.cases, 1);
  EXPECT_EQ(Of(staff_root_, root_).legal.cases, 4);
  std::int64_t children_open = 0;
  for (const auto& c : Of(staff_root_, root_).children) children_open += c.legal_open;
  EXPECT_EQ(children_open, 3);
  ExpectError(app_->case_dashboard().Of(cadre_b_, district_a_.id, 12), ErrorCode::kNotFound,
              "error.org.not_found");

  const std::vector<const OrgRef*> orgs{&root_,     &district_a_, &district_b_,
                                        &street_a_, &union_a_,    &union_b_};
  ExpectLegalMatch(orgs);
  ASSERT_OK(app_->orgs().Move(admin_, union_a_.id, district_b_.id));
  ExpectLegalMatch(orgs);
  EXPECT_EQ(Of(staff_b_, district_b_).legal.cases, 3);
}

TEST_P(CaseCountersTest, AClosedCaseFromARequestQueuesItsFollowUpOnceADirectOneNothing) {
  auto& legal = app_->legal_cases();
  const std::int64_t request = NewRequest(staff_a_);
  const std::int64_t first = Case(staff_a_, union_a_, "wage_arrears", 2'400'000, request);
  const std::int64_t second = Case(staff_a_, union_a_, "overtime", 300'000, request);
  const std::int64_t direct = Case(cadre_a_, union_a_, "contract", 100'000);
  EXPECT_EQ(FollowUps(request), 0);

  ASSERT_OK(legal.Close(cadre_a_, direct, "当事人撤回", std::nullopt, ""));
  EXPECT_EQ(AllFollowUps(), 0) << "a case opened directly has no request to visit";

  ASSERT_OK(legal.Close(staff_a_, first, "调解结案", 2'000'000, ""));
  EXPECT_EQ(FollowUps(request), 1);
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto owed = store::FollowUpOf(**lease, request);
    ASSERT_OK(owed);
    ASSERT_TRUE(owed->has_value());
    EXPECT_EQ((*owed)->reason, "legal_closed");
    EXPECT_FALSE((*owed)->done_at.has_value());
  }
  // In the requests' own queue, for those who owe it.
  app::FollowUpFilter open;
  auto queue = app_->requests().FollowUps(staff_a_, open);
  ASSERT_OK(queue);
  ASSERT_EQ(queue->items.size(), 1u);
  EXPECT_EQ(queue->items[0].item.follow_up.request_id, request);

  ASSERT_OK(legal.Close(staff_a_, second, "仲裁结案", std::nullopt, ""));
  EXPECT_EQ(FollowUps(request), 1) << "once per request";
}

TEST_P(CaseCountersTest, TheMigrationCountsWhatWasStoredBeforeIt) {
  OpenFile(cadre_a_, union_a_, 951);
  OpenFile(cadre_b_, union_b_, 961);
  const std::int64_t closed = Case(cadre_a_, union_a_, "wage_arrears", 60'000'000);
  Case(cadre_a_, street_a_, "overtime", 300'000);
  ASSERT_OK(app_->legal_cases().Close(cadre_a_, closed, "调解结案", 1'000'000, ""));
  const auto before = Of(staff_root_, root_);
  // As before migrations 0037 (portable) and 0038 (the month twins): none of their figures
  // counted; then their statements, as they run on this backend.
  const std::string backend(BackendName(GetParam()));
  std::vector<std::string> statements;
  for (const auto& m : store::EmbeddedMigrations()) {
    const bool ours =
        (m.version == 37 && m.backend.empty()) || (m.version == 38 && m.backend == backend);
    if (!ours) continue;
    std::string_view rest = m.sql;
    rest.remove_prefix(rest.find("INSERT INTO"));
    while (!rest.empty()) {
      const std::size_t end = rest.find(';');
      ASSERT_NE(end, std::string_view::npos);
      statements.emplace_back(rest.substr(0, end));
      rest.remove_prefix(end + 1);
      const std::size_t next = rest.find("INSERT INTO");
      rest.remove_prefix(next == std::string_view::npos ? rest.size() : next);
    }
  }
  ASSERT_EQ(statements.size(), 7u);
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK((*lease)->Execute(
        store::Sql{"test.forget_counters",
                   "DELETE FROM org_counters WHERE metric = 'hardship.stage' OR metric >= 'legal.'"
                   " AND metric < 'legal/'"},
        {}));
    EXPECT_TRUE(Of(staff_root_, root_).by_stage.empty());
    // A name per statement: a connection keeps what it prepared under a name.
    std::vector<std::string> names;
    for (std::size_t i = 0; i < statements.size(); ++i) {
      names.push_back("test.recount_" + std::to_string(i));
    }
    for (std::size_t i = 0; i < statements.size(); ++i) {
      ASSERT_OK((*lease)->Execute(store::Sql{names[i], statements[i]}, {}));
    }
  }
  const auto after = Of(staff_root_, root_);
  EXPECT_EQ(after.by_stage, before.by_stage);
  EXPECT_EQ(after.legal.cases, 2);
  EXPECT_EQ(after.legal.open, before.legal.open);
  EXPECT_EQ(after.legal.claimed_fen, before.legal.claimed_fen);
  EXPECT_EQ(after.legal.recovered_fen, before.legal.recovered_fen);
  EXPECT_EQ(after.legal.collective_total, 1);
  EXPECT_EQ(after.legal.series.back().opened, before.legal.series.back().opened);
  EXPECT_EQ(after.legal.series.back().closed, 1);
  const std::vector<const OrgRef*> orgs{&root_,     &district_a_, &district_b_,
                                        &street_a_, &union_a_,    &union_b_};
  ExpectStagesMatch(orgs);
  ExpectLegalMatch(orgs);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(CaseCountersTest);

}  // namespace
}  // namespace zj::test

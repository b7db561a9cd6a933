// The demo's labour competition (劳动竞赛, issue 21): 东城's staff launch the “东城杯” competition
// six weeks before today — an enterprises' group (工程质量/安全生产/技术创新, 35/35/30), a teams'
// group (25/25/20/15/15) and an individuals' group (优秀建设者, 40/30/30 on 100-point marks),
// two veto items — and enrol enterprises, teams (with their members) and members of the
// district's unions until enrolment ends two weeks ago, when the list is frozen and numbered.
// Three judges are assigned: judge.dongcheng (a demo account; its employer is one of the
// entrants, so it must step aside from that entry), 东华门's cadre and 西城's staff as the
// outside judge. Scoring runs until two weeks from today: the two others have marked most
// entries, judge.dongcheng about half, a few entries nobody yet; one enterprise was vetoed
// three days ago for wage arrears. Everything goes through CompetitionService, so the rules,
// conflicts and audit trail are the real ones. Marks are arithmetic on the entry's and judge's
// positions, so the history draws exactly what it drew before.
#include <algorithm>
#include <memory>

#include "app/demo/demo_history_parts.h"
#include "app/demo/demo_park_competition.h"
#include "app/demo/demo_requests.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"

namespace zj::app::demo {

namespace {

constexpr std::size_t kEnterprises = 12;
constexpr std::size_t kTeams = 8;
constexpr std::size_t kTeamSize = 4;
constexpr std::size_t kIndividuals = 10;

competitions::Sheet SheetOf(
    std::initializer_list<std::tuple<const char*, const char*, int, int>> rows) {
  competitions::Sheet s;
  for (const auto& [code, name, max_points, weight] : rows) {
    s.indicators.push_back({code, name, std::int64_t{max_points} * 100, weight});
  }
  return s;
}

std::string Day(std::int64_t ms) { return members::FormatDate(World::DayOf(ms)); }

class CompetitionHistory {
 public:
  explicit CompetitionHistory(World& w) : w_(w) {
    const OrgPath d = OrgPath::FromStored(w.dongcheng.path);
    for (const auto& e : w.enterprises) {
      if (d.Contains(OrgPath::FromStored(e.org_path))) enterprises_.push_back(&e);
    }
    for (const auto& m : w.members) {
      if (d.Contains(OrgPath::FromStored(m.org_path))) members_.push_back(&m);
    }
  }

  bool Empty() const { return enterprises_.size() < 4 || members_.size() < 4; }

  Result<void> Launch(std::int64_t enrol_ends, std::int64_t scoring_ends) {
    NewCompetition c;
    c.org_id = w_.dongcheng.id;
    c.kind = "labour";
    c.title = "2026年“东城杯”重点工程劳动竞赛";
    c.method = "mean";
    c.tie_break = "indicators_in_order";
    c.blind = true;
    c.enrol_ends_on = Day(enrol_ends);
    c.scoring_ends_on = Day(scoring_ends);
    c.groups.push_back({"enterprise", "企业组", "enterprise",
                        SheetOf({{"quality", "工程质量", 35, 35},
                                 {"safety", "安全生产", 35, 35},
                                 {"innovation", "技术创新", 30, 30}})});
    c.groups.push_back({"team", "班组组", "team",
                        SheetOf({{"safety", "安全质量", 25, 25},
                                 {"skills", "技能水平", 25, 25},
                                 {"innovation", "创新成果", 20, 20},
                                 {"teamwork", "团队协作", 15, 15},
                                 {"workers", "职工评价", 15, 15}})});
    c.groups.push_back({"builder", "优秀建设者", "individual",
                        SheetOf({{"skills", "岗位技能", 100, 40},
                                 {"results", "工作业绩", 100, 30},
                                 {"ethics", "职业道德", 100, 30}})});
    c.veto_items = {{"wage_arrears", "拖欠农民工工资"},
                    {"safety_accident", "发生较大及以上安全生产事故"}};
    ZJ_ASSIGN_OR_RETURN(CompetitionDetail d, w_.app.competitions().Create(w_.dongcheng_staff, c));
    id_ = d.row.id;
    return {};
  }

  //! Entrant `i` of the plan (enterprises first, then teams, then individuals).
  Result<void> Enrol(std::size_t i) {
    NewEntry e;
    const std::size_t teams_at = std::min(kEnterprises, enterprises_.size() / 2);
    const std::size_t people_at = teams_at + std::min(kTeams, enterprises_.size() - teams_at);
    if (i < teams_at) {
      e.group = "enterprise";
      e.enterprise_id = enterprises_[i]->id;
    } else if (i < people_at) {
      e.group = "team";
      e.enterprise_id = enterprises_[i]->id;
      e.team_name = enterprises_[i]->name.substr(0, 24) + "突击队";
      for (std::size_t k = 0; k < kTeamSize; ++k) {
        ZJ_ASSIGN_OR_RETURN(auto m, NextMember());
        if (m) e.team_member_ids.push_back(*m);
      }
      if (e.team_member_ids.empty()) return {};
    } else {
      e.group = "builder";
      ZJ_ASSIGN_OR_RETURN(e.member_id, NextMember());
      if (!e.member_id) return {};
    }
    ZJ_ASSIGN_OR_RETURN(EntryView v, w_.app.competitions().Enrol(w_.dongcheng_staff, id_, e));
    entries_.push_back({v.row.id, e.group, e.enterprise_id});
    return {};
  }

  std::size_t Planned() const {
    const std::size_t teams_at = std::min(kEnterprises, enterprises_.size() / 2);
    return teams_at + std::min(kTeams, enterprises_.size() - teams_at) + kIndividuals;
  }

  Result<void> FreezeAndAssign() {
    ZJ_RETURN_IF_ERROR(w_.app.competitions().Freeze(w_.dongcheng_staff, id_));
    {
      ZJ_ASSIGN_OR_RETURN(store::Lease lease, w_.app.db().Acquire());
      ZJ_ASSIGN_OR_RETURN(Actor judge, DemoActor(*lease, "judge.dongcheng"));
      judges_ = {judge, w_.cadre, w_.xicheng_staff};
    }
    for (std::size_t j = 0; j < judges_.size(); ++j) {
      NewJudge in;
      in.user_id = judges_[j].user_id;
      in.groups = {"enterprise", "team", "builder"};
      // judge.dongcheng works for the first enterprise entered: it steps aside from that entry.
      if (j == 0 && !entries_.empty()) in.enterprise_id = entries_.front().enterprise;
      ZJ_ASSIGN_OR_RETURN(JudgeView v, w_.app.competitions().AddJudge(w_.dongcheng_staff, id_, in));
      conflicts_.push_back(v.conflicts);
    }
    return {};
  }

  //! Judge `j`'s marks for entry `i` (skipped when the judge must step aside).
  Result<void> Mark(std::size_t j, std::size_t i) {
    if (i >= entries_.size() || j >= judges_.size()) return {};
    const auto& conflicts = conflicts_[j];
    if (std::find(conflicts.begin(), conflicts.end(), entries_[i].id) != conflicts.end()) return {};
    ZJ_ASSIGN_OR_RETURN(CompetitionDetail d, w_.app.competitions().Get(w_.dongcheng_staff, id_));
    std::vector<competitions::Mark> marks;
    for (const auto& g : d.groups) {
      if (g.row.code != entries_[i].group) continue;
      for (std::size_t k = 0; k < g.sheet.indicators.size(); ++k) {
        const auto& ind = g.sheet.indicators[k];
        // 62–97 % of the max, by entry, judge (西城's is the strictest) and indicator; in halves.
        const std::int64_t pct =
            62 + static_cast<std::int64_t>((i * 7 + k * 5 + j * 3) % 36) - (j == 2 ? 4 : 0);
        marks.push_back({ind.code, ind.max_centi * pct / 100 / 50 * 50});
      }
    }
    ZJ_RETURN_IF_ERROR(w_.app.competitions().Score(judges_[j], entries_[i].id, marks));
    return {};
  }

  Result<void> VetoOne() {
    if (entries_.size() < 3) return {};
    ZJ_RETURN_IF_ERROR(w_.app.competitions().Veto(
        w_.dongcheng_staff, id_, entries_[2].id, "wage_arrears",
        "区人社局劳动保障监察通报：该企业承建项目拖欠农民工工资，已责令限期支付"));
    return {};
  }

  std::size_t Entries() const { return entries_.size(); }

 private:
  //! The next member of the district still active there (some moved or retired since the
  //! history began), if any.
  Result<std::optional<std::int64_t>> NextMember() {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, w_.app.db().Acquire());
    const OrgPath d = OrgPath::FromStored(w_.dongcheng.path);
    while (next_member_ < members_.size()) {
      const std::int64_t id = members_[next_member_++]->id;
      ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(*lease, id));
      if (m && m->status == "active" && d.Contains(OrgPath::FromStored(m->org_path))) return id;
    }
    return std::optional<std::int64_t>();
  }

  struct Entered {
    std::int64_t id;
    std::string group;
    std::optional<std::int64_t> enterprise;
  };
  World& w_;
  std::vector<const store::EnterpriseRow*> enterprises_;
  std::vector<const store::MemberRow*> members_;
  std::size_t next_member_ = 0;
  std::int64_t id_ = 0;
  std::vector<Entered> entries_;
  std::vector<Actor> judges_;
  std::vector<std::vector<std::int64_t>> conflicts_;
};

}  // namespace

void ScheduleCompetition(World& w, Timeline& timeline) {
  auto h = std::make_shared<CompetitionHistory>(w);
  if (h->Empty() || w.now_ms - 43 * kDayMs <= w.start_ms) return;
  const std::int64_t launch = World::At(w.WorkingDay(w.now_ms - 42 * kDayMs, 0), 10 * 60);
  const std::int64_t enrol_ends = w.now_ms - 14 * kDayMs;
  timeline.At(launch,
              [h, enrol_ends, &w] { return h->Launch(enrol_ends, w.now_ms + 14 * kDayMs); });
  // Enrolment over four weeks, a few entrants a working day.
  const std::size_t planned = h->Planned();
  for (std::size_t i = 0; i < planned; ++i) {
    const std::int64_t at =
        launch + kDayMs +
        static_cast<std::int64_t>(i) * (26 * kDayMs) / static_cast<std::int64_t>(planned);
    timeline.At(World::At(w.WorkingDay(at, 0), 14 * 60 + static_cast<int>(i % 60)),
                [h, i] { return h->Enrol(i); });
  }
  const std::int64_t frozen = World::At(w.WorkingDay(enrol_ends + kDayMs, 0), 9 * 60);
  timeline.At(frozen, [h] { return h->FreezeAndAssign(); });
  // Scoring since: 东华门's cadre and 西城's staff mark most entries, judge.dongcheng every
  // other one of the first two thirds; the last entries wait for everyone.
  for (std::size_t i = 0; i < planned; ++i) {
    const std::int64_t day = frozen + kDayMs * static_cast<std::int64_t>(1 + i % 9);
    if (day >= w.now_ms - kDayMs) continue;
    if (i + 3 < planned) {
      timeline.At(day + 60 * kMinuteMs, [h, i] { return h->Mark(1, i); });
      timeline.At(day + 90 * kMinuteMs, [h, i] { return h->Mark(2, i); });
    }
    if (i % 2 == 0 && i < planned * 2 / 3) {
      timeline.At(day + 120 * kMinuteMs, [h, i] { return h->Mark(0, i); });
    }
  }
  timeline.At(World::At(w.WorkingDaysBeforeNow(3), 15 * 60), [h] { return h->VetoOne(); });
}

}  // namespace zj::app::demo

namespace zj::app::demo {

// The park competition (福田杯's scale: 400 enterprises, 42,000 workers, 4,000 teams, 50 judges)
// of the city federation, generated from the demo registry when the history ends, listed and
// mid-scoring (about 60 % of the marks given). The registry holds about 4,000 members, a tenth
// of the seed's 42,000 workers: the 42,000 places in the 4,000 teams are filled from them, each
// team's enterprise's own employees first, so a member sits in about ten teams. The judges
// (judge.park.01–50) sign in with the demo accounts' password.
Result<void> LoadPark(World& w, const DemoOptions& options) {
  ParkCompetitionSpec spec = ParkCompetitionSpec::Seed();
  spec.scored_percent = 60;
  spec.seed = options.seed;
  spec.judge_password = w.report.demo.admin_password;
  SecureRandom random;
  ZJ_ASSIGN_OR_RETURN(auto loaded, LoadParkCompetition(w.app.db(), w.clock, random,
                                                       PasswordCost::Interactive(), spec));
  w.report.park_entries = loaded.entries;
  w.report.park_scores = loaded.scores;
  return {};
}

}  // namespace zj::app::demo

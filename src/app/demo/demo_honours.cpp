// The demo's honour round (荣誉评选, issue 21 slice 5): ten days ago 东城's staff opened the
// year's 东城区五一劳动奖章评选 (women ≥ 30 %, frontline ≥ 50 %, heads of units ≤ 15 %; 东华门
// may put forward 5), open until twenty days from today. 东华门's cadre has put up to four members
// of its unions (men first) on its list as industrial workers, none ticked frontline yet, so its
// list breaks the frontline rule and waits, as a draft, for a change or a reason; another street of
// 东城 (its list kept by the district's staff) nominated three members, two of them women, and
// forwarded its list, so the district sees a roll-up. Members come from the demo registry (the
// “东城杯” competition is still being scored: nothing of it is published to nominate from).
// Everything goes through HonourService.
#include <algorithm>
#include <memory>
#include <random>

#include "app/competitions/honour_service.h"
#include "app/demo/demo_history_parts.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"

namespace zj::app::demo {

namespace {

//! Ids drawn the same from run to run (the history repeats exactly).
class DemoRandom final : public Random {
 public:
  std::uint32_t Next32() override { return static_cast<std::uint32_t>(engine_()); }
  std::string Token(std::size_t bytes) override { return std::string(bytes, 'x'); }

 private:
  std::mt19937_64 engine_{20260501};
};

std::string Day(std::int64_t ms) { return members::FormatDate(World::DayOf(ms)); }

class HonourHistory {
 public:
  explicit HonourHistory(World& w) : w_(w), honours_(w.app.db(), w.clock, random_, w.app.audit()) {
    // The other street of 东城 with the most members.
    std::size_t most = 0;
    for (const auto& o : w.orgs) {
      if (o.parent_id != w.dongcheng.id || o.kind != "street" || o.id == w.donghuamen.id) continue;
      const OrgPath under = OrgPath::FromStored(o.path);
      const auto n = static_cast<std::size_t>(
          std::count_if(w.members.begin(), w.members.end(), [&](const store::MemberRow& m) {
            return under.Contains(OrgPath::FromStored(m.org_path));
          }));
      if (n > most) {
        most = n;
        other_street_ = o;
      }
    }
  }

  bool Empty() const { return !other_street_; }

  Result<void> Open(std::int64_t opens, std::int64_t closes) {
    NewHonourRound r;
    r.org_id = w_.dongcheng.id;
    const int year = static_cast<int>(members::Date(World::DayOf(opens)).year());
    r.title = std::to_string(year) + "年东城区五一劳动奖章评选";
    r.year = year;
    r.rules_text = "woman,>=,30\nfrontline,>=,50\nunit_head,<=,15\n";
    r.opens_on = Day(opens);
    r.closes_on = Day(closes);
    r.quotas = {{w_.donghuamen.id, "", 5}};
    ZJ_ASSIGN_OR_RETURN(HonourRoundView v, honours_.CreateRound(w_.dongcheng_staff, r));
    id_ = v.row.id;
    return {};
  }

  //! 东华门's list: up to four members, men first, industrial workers none of them ticked as
  //! frontline yet — the frontline rule fails (and the women's, with men only).
  Result<void> NominateDonghuamen() {
    ZJ_ASSIGN_OR_RETURN(auto people, Pick(w_.donghuamen, "male", 4));
    if (people.size() < 4) {
      ZJ_ASSIGN_OR_RETURN(auto women, Pick(w_.donghuamen, "female", 4 - people.size()));
      people.insert(people.end(), women.begin(), women.end());
    }
    for (const std::int64_t member : people) {
      NewNomination n;
      n.org_id = w_.donghuamen.id;
      n.member_id = member;
      n.ticked = {"industrial_worker"};
      ZJ_RETURN_IF_ERROR(honours_.Nominate(w_.cadre, id_, n));
    }
    return {};
  }

  //! The other street's list: two women and a man, forwarded to the district.
  Result<void> NominateAndForwardOther() {
    ZJ_ASSIGN_OR_RETURN(auto women, Pick(*other_street_, "female", 2));
    ZJ_ASSIGN_OR_RETURN(auto men, Pick(*other_street_, "male", 1));
    women.insert(women.end(), men.begin(), men.end());
    if (women.empty()) return {};
    for (std::size_t i = 0; i < women.size(); ++i) {
      NewNomination n;
      n.org_id = other_street_->id;
      n.member_id = women[i];
      if (i != 1) n.ticked = {"frontline"};
      ZJ_RETURN_IF_ERROR(honours_.Nominate(w_.dongcheng_staff, id_, n));
    }
    ZJ_RETURN_IF_ERROR(honours_.Forward(w_.dongcheng_staff, id_, other_street_->id,
                                        "结构不符时的说明：候选人均来自生产一线"));
    return {};
  }

 private:
  //! Up to `n` members of the org's subtree, active now, of the gender.
  Result<std::vector<std::int64_t>> Pick(const store::OrgRow& org, const std::string& gender,
                                         std::size_t n) {
    std::vector<std::int64_t> out;
    const OrgPath under = OrgPath::FromStored(org.path);
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, w_.app.db().Acquire());
    for (const auto& m : w_.members) {
      if (out.size() >= n) break;
      if (m.gender != gender || !under.Contains(OrgPath::FromStored(m.org_path))) continue;
      ZJ_ASSIGN_OR_RETURN(auto now, store::FindMemberById(*lease, m.id));
      if (now && now->status == "active" && under.Contains(OrgPath::FromStored(now->org_path))) {
        out.push_back(m.id);
      }
    }
    return out;
  }

  World& w_;
  DemoRandom random_;
  HonourService honours_;
  std::optional<store::OrgRow> other_street_;
  std::int64_t id_ = 0;
};

}  // namespace

void ScheduleHonours(World& w, Timeline& timeline) {
  auto h = std::make_shared<HonourHistory>(w);
  if (h->Empty() || w.now_ms - 11 * kDayMs <= w.start_ms) return;
  const std::int64_t opens = World::At(w.WorkingDay(w.now_ms - 10 * kDayMs, 0), 9 * 60);
  timeline.At(opens, [h, opens, &w] { return h->Open(opens, w.now_ms + 20 * kDayMs); });
  timeline.At(World::At(w.WorkingDaysBeforeNow(6), 10 * 60),
              [h] { return h->NominateAndForwardOther(); });
  timeline.At(World::At(w.WorkingDaysBeforeNow(2), 16 * 60),
              [h] { return h->NominateDonghuamen(); });
}

}  // namespace zj::app::demo

// The demo's requests over the weeks (demo_history.h): how many a week (growing as the
// channel becomes known, fewer in holiday weeks), on which days and hours, about what (a
// capital's 12351 mix, wage claims and hardship before the Spring Festival, jobs in March and
// July), from whom (members through the hotline or their union, other workers by phone or on
// the portal) and where (their employer, or the street they name).
#include <algorithm>
#include <cmath>
#include <map>

#include "app/demo/demo_history_parts.h"
#include "app/demo/demo_topics.h"
#include "core/orgs/org_path.h"

namespace zj::app::demo {

namespace {

constexpr std::int64_t kWeekMs = 7 * kDayMs;

struct CategoryWeight {
  const char* code;
  double weight;
};

constexpr CategoryWeight kCategoryWeights[] = {
    {"consultation", 22},
    {"rights.wage_arrears", 12},
    {"legal_aid", 12},
    {"hardship", 10},
    {"employment", 10},
    {"suggestion", 8},
    {"rights.contract", 8},
    {"rights.social_insurance", 7},
    {"rights.overtime_leave", 7},
    {"rights.work_injury", 4},
};

constexpr const char* kAddressing[] = {"先生", "女士", "师傅"};

//! True when the Spring Festival holiday starts within the next `days` days of `day`.
bool BeforeSpringFestival(const calendar::WorkCalendar& cal, std::chrono::sys_days day, int days) {
  for (int i = 0; i < days; ++i) {
    if (cal.HolidayName(day + std::chrono::days(i)) == "春节") return true;
  }
  return false;
}

struct Planner {
  World& w;
  std::map<std::int64_t, const store::EnterpriseRow*> enterprise_by_id;
  std::map<std::string, const store::OrgRow*> org_by_code;
  std::vector<const store::OrgRow*> streets;

  std::map<std::string, std::vector<const store::EnterpriseRow*>> by_district;

  explicit Planner(World& world) : w(world) {
    for (const auto& e : w.enterprises) {
      enterprise_by_id.emplace(e.id, &e);
      by_district[e.region_code.substr(0, 6)].push_back(&e);
    }
    for (const auto& o : w.orgs) {
      org_by_code.emplace(o.code, &o);
      if (o.kind == "street" && o.status == "active" && o.region_code) streets.push_back(&o);
    }
    std::sort(streets.begin(), streets.end(), [](auto* a, auto* b) { return a->code < b->code; });
  }

  std::string Category(std::chrono::sys_days day) {
    const std::chrono::year_month_day ymd(day);
    const unsigned month = static_cast<unsigned>(ymd.month());
    const bool festival = BeforeSpringFestival(*w.calendar, day, 35);
    std::vector<double> weights;
    std::vector<const char*> codes;
    for (const auto& c : kCategoryWeights) {
      if (std::find(w.categories.begin(), w.categories.end(), c.code) == w.categories.end()) {
        continue;
      }
      double weight = c.weight;
      const std::string_view code = c.code;
      if (festival && code == "rights.wage_arrears") weight *= 2.5;
      if (festival && code == "hardship") weight *= 2.0;
      if ((month == 3 || month == 7) && code == "employment") weight *= 1.6;
      if (month == 10 && code == "rights.overtime_leave") weight *= 1.4;
      weights.push_back(weight);
      codes.push_back(c.code);
    }
    if (codes.empty()) return w.categories[w.people.Pick(w.categories.size())];
    std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
    return codes[pick(w.people.engine())];
  }

  //! A day of the week starting at `monday`: working days four times as likely as others.
  std::chrono::sys_days Day(std::chrono::sys_days first) {
    std::vector<double> weights;
    weights.reserve(7);
    for (int i = 0; i < 7; ++i) {
      weights.push_back(w.calendar->IsWorkingDay(first + std::chrono::days(i)) ? 1.0 : 0.25);
    }
    std::discrete_distribution<int> pick(weights.begin(), weights.end());
    return first + std::chrono::days(pick(w.people.engine()));
  }

  std::string Caller(bool full_name) {
    const bool male = w.people.Chance(0.55);
    if (full_name) return w.people.Name(male);
    std::string name = w.people.Name(male).substr(0, 3);  // the surname: one character
    return name +
           (male ? (w.people.Chance(0.4) ? kAddressing[2] : kAddressing[0]) : kAddressing[1]);
  }

  //! One request on a day of the week beginning `first`, or nothing when it falls after now;
  //! with `district`, from a worker (not a member) of an enterprise there.
  std::optional<PlannedRequest> One(std::chrono::sys_days first, int serial,
                                    const std::string* district = nullptr) {
    PlannedRequest r;
    const auto day = Day(first);
    const bool working = w.calendar->IsWorkingDay(day);
    r.in.category = Category(day);
    const auto topics = TopicsOf(r.in.category);
    const Topic& topic = topics[w.people.Pick(topics.size())];
    r.in.title = topic.title;
    r.in.description = topic.description;
    const double urgent = r.in.category == "rights.wage_arrears"  ? 0.15
                          : r.in.category == "rights.work_injury" ? 0.10
                                                                  : 0.04;
    r.in.priority = w.people.Chance(urgent) ? "urgent" : "normal";

    const store::EnterpriseRow* employer = nullptr;
    const store::MemberRow* member = nullptr;
    if (district == nullptr && !w.members.empty() && w.people.Chance(0.55)) {
      const store::MemberRow& m = w.members[w.people.Pick(w.members.size())];
      if (m.employer_id) {
        if (auto it = enterprise_by_id.find(*m.employer_id); it != enterprise_by_id.end()) {
          member = &m;
          employer = it->second;
        }
      }
    }
    if (member != nullptr) {
      r.in.member_id = member->id;
      r.in.contact_name = member->name;
      r.in.contact_phone = w.people.Phone();
      if (member->phone_cipher) {
        if (auto phone = w.app.vault().Open(kMemberPhoneField, *member->phone_cipher)) {
          r.in.contact_phone = *phone;
        }
      }
      r.in.employer_id = employer->id;
      // Members call the hotline, or go to their union (who registers it on the spot).
      const Actor* local = w.LocalAccountFor(employer->org_path);
      const std::size_t at_union = w.people.Pick(100);
      if (local != nullptr && working && at_union < 30) {
        r.in.channel = at_union < 15 ? "walk_in" : "cadre";
        r.by = local;
      } else {
        r.in.channel = "hotline";
        r.by = &w.operator_actor;
      }
    } else {
      const bool portal = w.people.Chance(0.45);
      r.in.channel = portal ? "portal" : "hotline";
      r.by = portal ? nullptr : &w.operator_actor;
      r.in.contact_name = Caller(portal || w.people.Chance(0.5));
      r.in.contact_phone = w.people.Phone();
      if (district != nullptr) {
        const auto& there = by_district[*district];
        if (there.empty()) return std::nullopt;
        employer = there[w.people.Pick(there.size())];
        r.in.employer_id = employer->id;
      } else if (portal && w.people.Chance(0.15)) {  // no employer the portal knows: the street
        const store::OrgRow* street = streets[w.people.Pick(streets.size())];
        r.in.region_code = street->region_code;
        r.in.employer_name = "个体工商户";
        r.district = street->region_code->substr(0, 6);
        r.street_path = street->path;
      } else {
        employer = &w.enterprises[w.people.Pick(w.enterprises.size())];
        r.in.employer_id = employer->id;
      }
      if (portal) r.remote_addr = "203.0.113." + std::to_string(1 + serial % 254);
    }
    if (employer != nullptr) {
      r.district = employer->region_code.substr(0, 6);
      r.street_path = employer->org_path;
    }
    // The hotline and unions work office hours (the hotline on weekends too, shorter); the
    // portal is open day and night, most of it in the evening.
    int minute = 0;
    if (r.in.channel == "portal") {
      minute = w.people.Chance(0.6) ? w.Minute(18 * 60, 23 * 60 + 30) : w.Minute(7 * 60, 18 * 60);
    } else {
      minute = working ? w.Minute(8 * 60 + 30, 18 * 60 + 30) : w.Minute(9 * 60, 17 * 60);
    }
    r.at = World::At(day, minute);
    if (r.at >= w.now_ms) return std::nullopt;
    r.fate = DrawFate(w, r);
    PlanMoves(w, r);
    return r;
  }
};

//! `count` requests from members the unions under `area` record by hand in the first weeks
//! (so their coverage counts served members too), from the tenth week on.
void PlanRecordedCallers(Planner& planner, std::deque<PlannedRequest>& out,
                         const store::OrgRow& area, int count) {
  World& w = planner.w;
  const OrgPath under = OrgPath::FromStored(area.path);
  std::vector<const store::EnterpriseRow*> employers;
  for (const auto& e : w.enterprises) {
    if (under.Contains(OrgPath::FromStored(e.org_path))) employers.push_back(&e);
  }
  const std::int64_t from = w.start_ms + 10 * kWeekMs;
  if (employers.empty() || from >= w.now_ms) return;
  const Actor& local = w.HandlerFor(area.path);
  for (int i = 0; i < count; ++i) {
    PlannedRequest r;
    const auto day =
        World::DayOf(from + static_cast<std::int64_t>(w.people.Pick(
                                static_cast<std::size_t>((w.now_ms - from) / kDayMs))) *
                                kDayMs);
    r.at = World::At(w.WorkingDay(World::At(day, 0), 0), w.Minute(9 * 60, 17 * 60));
    if (r.at >= w.now_ms) continue;
    r.in.category = planner.Category(day);
    const auto topics = TopicsOf(r.in.category);
    const Topic& topic = topics[w.people.Pick(topics.size())];
    r.in.title = topic.title;
    r.in.description = topic.description;
    const store::EnterpriseRow& e = *employers[w.people.Pick(employers.size())];
    r.in.employer_id = e.id;
    r.in.contact_name = planner.Caller(true);
    r.in.contact_phone = w.people.Phone();
    const bool at_union = w.people.Chance(0.5);
    r.in.channel = at_union ? (w.people.Chance(0.5) ? "walk_in" : "cadre") : "hotline";
    r.by = at_union ? &local : &w.operator_actor;
    r.district = e.region_code.substr(0, 6);
    r.street_path = e.org_path;
    r.recorded_under = &area;
    r.fate = DrawFate(w, r);
    PlanMoves(w, r);
    out.push_back(std::move(r));
  }
}

}  // namespace

std::deque<PlannedRequest> PlanRequests(World& w, std::int64_t count) {
  std::deque<PlannedRequest> out;
  const int weeks = static_cast<int>((w.now_ms - w.start_ms + kWeekMs - 1) / kWeekMs);
  if (count <= 0 || weeks <= 0) return out;
  Planner planner(w);
  // Volume per week: from 70 % of the mean to 130 % over the year as the channel becomes
  // known, less than half in weeks that are mostly holidays, ±15 % noise.
  std::vector<double> factors;
  for (int i = 0; i < weeks; ++i) {
    const auto first = World::DayOf(w.start_ms) + std::chrono::days(7 * i);
    int holidays = 0;
    for (int d = 0; d < 7; ++d) {
      if (!w.calendar->HolidayName(first + std::chrono::days(d)).empty()) ++holidays;
    }
    double f = 0.7 + 0.6 * i / std::max(1, weeks - 1);
    if (holidays >= 3) f *= 0.45;
    f *= 0.85 + 0.3 * std::uniform_real_distribution<double>(0, 1)(w.people.engine());
    factors.push_back(f);
  }
  double total = 0;
  for (double f : factors) total += f;
  double cumulative = 0;
  std::int64_t made = 0;
  int serial = 0;
  for (int i = 0; i < weeks; ++i) {
    cumulative += factors[i];
    const auto target =
        static_cast<std::int64_t>(std::llround(static_cast<double>(count) * cumulative / total));
    const auto first = World::DayOf(w.start_ms) + std::chrono::days(7 * i);
    std::vector<PlannedRequest> week;
    for (; made < target; ++made) {
      if (auto r = planner.One(first, serial++)) week.push_back(std::move(*r));
    }
    std::sort(week.begin(), week.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    for (auto& r : week) out.push_back(std::move(r));
  }
  // The unions where the demo accounts work: 40 and 30 a year, in proportion.
  PlanRecordedCallers(planner, out, w.donghuamen, static_cast<int>(count * 40 / 2600));
  PlanRecordedCallers(planner, out, w.xicheng, static_cast<int>(count * 30 / 2600));
  return out;
}

void EnsureEscalationsPerDistrict(World& w, std::deque<PlannedRequest>& planned) {
  // The service dashboard shows 12 weeks by default: every district gets at least two requests
  // in them that wait long enough for the sweep to escalate (created two working days before
  // today or earlier, so the lapse is past).
  const std::int64_t from = w.now_ms - 12 * kWeekMs;
  const std::int64_t until = World::At(w.WorkingDaysBeforeNow(3), 0);
  std::map<std::string, std::vector<PlannedRequest*>> candidates;
  std::map<std::string, int> late;
  for (auto& r : planned) {
    if (r.at < from || r.at >= until) continue;
    if (r.fate.late_accept > 0 && !r.fate.withdraw) {
      ++late[r.district];
    } else if (!r.fate.withdraw && !r.fate.hand_over) {
      candidates[r.district].push_back(&r);
    }
  }
  for (auto& [district, list] : candidates) {
    const std::size_t step = list.size() >= 6 ? 3 : 1;  // spread over the weeks when it can
    for (std::size_t i = 0; late[district] < 2 && i < list.size(); i += step) {
      list[i]->fate.late_accept = 1;
      list[i]->fate.rating = list[i]->fate.rating ? std::min(*list[i]->fate.rating, 4) : 4;
      PlanMoves(w, *list[i]);
      ++late[district];
    }
  }
  // A district with too few requests in the window to choose from gets more, late ones.
  const auto days = (until - from) / kDayMs - 7;
  if (days <= 0) return;
  Planner planner(w);
  int serial = 0;
  for (const auto& o : w.orgs) {
    if (o.kind != "district" || o.status != "active") continue;
    for (int attempt = 0; late[o.code] < 2 && attempt < 20; ++attempt) {
      const auto first =
          World::DayOf(from) + std::chrono::days(w.people.Pick(static_cast<std::size_t>(days)));
      auto r = planner.One(first, serial++, &o.code);
      if (!r || r->at >= until) continue;
      r->fate.withdraw = r->fate.reject = r->fate.hand_over = false;
      r->fate.late_accept = 1;
      PlanMoves(w, *r);
      planned.push_back(std::move(*r));
      ++late[o.code];
    }
  }
}

}  // namespace zj::app::demo

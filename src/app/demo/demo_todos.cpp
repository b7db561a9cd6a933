// What each demo account finds waiting today (demo_history.h), planned backwards from now on
// the working-day calendar so it holds whatever the day: for the cadre of 东华门街道 requests
// to accept (one due by the end of today), one to contact today, one in progress, one resolved
// and awaiting the worker's rating, follow-up visits owed; for the staff of 东城 and 西城
// requests their streets let lapse (escalated to them by the sweep) and a visit owed; for the
// municipal federation two district cases escalated to it; and worker.demo's own requests on
// the portal, one of them to rate. Member transfers to decide are in demo_member_history.cpp.
#include <algorithm>

#include "app/demo/demo_history_parts.h"
#include "app/demo/demo_requests.h"
#include "app/demo/demo_topics.h"
#include "core/orgs/org_path.h"

namespace zj::app::demo {

namespace {

struct Todos {
  World& w;
  std::deque<PlannedRequest>& planned;

  bool Under(const std::string& path, const store::OrgRow& org) const {
    return OrgPath::FromStored(org.path).Contains(OrgPath::FromStored(path));
  }

  //! An enterprise directly in `street` (no union of its own: requests go to the street), or
  //! with its own union under it when `unionised`.
  const store::EnterpriseRow* Employer(const store::OrgRow& street, bool unionised, int nth = 0) {
    for (const auto& e : w.enterprises) {
      const bool fits =
          unionised ? e.union_org_id && Under(e.org_path, street) : e.org_id == street.id;
      if (fits && nth-- == 0) return &e;
    }
    return nullptr;
  }

  //! A member employed in a union under `street`, with the enterprise employing them.
  const store::MemberRow* Member(const store::OrgRow& street) {
    for (const auto& m : w.members) {
      if (m.employer_id && Under(m.org_path, street)) return &m;
    }
    return nullptr;
  }

  //! The streets of a district other than 东华门, by code.
  std::vector<const store::OrgRow*> Streets(const store::OrgRow& district) {
    std::vector<const store::OrgRow*> out;
    for (const auto& o : w.orgs) {
      if (o.kind == "street" && o.parent_id == district.id && o.id != w.donghuamen.id) {
        out.push_back(&o);
      }
    }
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->code < b->code; });
    return out;
  }

  //! A request about `employer` in `category` at `at` (nothing when the place is missing, as in
  //! a tree without enterprises there).
  PlannedRequest* Add(const store::EnterpriseRow* employer, const char* category, std::int64_t at,
                      const Actor* by, const char* channel,
                      const store::MemberRow* member = nullptr) {
    if (employer == nullptr || at >= w.now_ms ||
        std::find(w.categories.begin(), w.categories.end(), category) == w.categories.end()) {
      return nullptr;
    }
    PlannedRequest r;
    r.at = at;
    r.in.category = category;
    const auto topics = TopicsOf(category);
    const Topic& topic = topics[w.people.Pick(topics.size())];
    r.in.title = topic.title;
    r.in.description = topic.description;
    r.in.channel = channel;
    r.by = by;
    r.in.employer_id = employer->id;
    r.district = employer->region_code.substr(0, 6);
    r.street_path = employer->org_path;
    if (member != nullptr) {
      r.in.member_id = member->id;
      r.in.contact_name = member->name;
    } else {
      r.in.contact_name = by == &w.worker ? w.worker.display_name : w.people.Name(true);
    }
    // The demo worker gives the account's phone, as the portal fills it in when signed in.
    r.in.contact_phone = by == &w.worker ? DemoWorkerPhone() : w.people.Phone();
    if (by == nullptr || by == &w.worker) r.remote_addr = "198.51.100.7";
    planned.push_back(std::move(r));
    return &planned.back();
  }

  std::int64_t On(int working_days_ago, int hour, int minute = 0) const {
    return World::At(w.WorkingDaysBeforeNow(working_days_ago), hour * 60 + minute);
  }

  //! Moves at the given instants, in order: accept, contact, resolve, then a rating.
  void Handle(PlannedRequest* r, std::vector<std::int64_t> at, std::optional<int> stars = {},
              std::int64_t rated = 0) {
    if (r == nullptr) return;
    const MoveKind kinds[] = {MoveKind::kAccept, MoveKind::kContact, MoveKind::kResolve};
    for (std::size_t i = 0; i < at.size() && i < 3; ++i) {
      std::string text;
      if (kinds[i] == MoveKind::kResolve) text = ResolutionsOf(r->in.category).front();
      r->moves.push_back(PlannedMove{at[i], kinds[i], 0, text, 0});
    }
    if (stars && at.size() == 3) {
      // Within the rating window even when holidays stretch the working days between.
      rated = std::min(rated, at[2] + 6 * kDayMs);
      r->moves.push_back(
          PlannedMove{rated, MoveKind::kRate, *stars, RatingComments(*stars).front(), 0});
    }
  }
};

}  // namespace

void PlanAccountTodos(World& w, std::deque<PlannedRequest>& planned) {
  Todos t{w, planned};
  const store::OrgRow& dhm = w.donghuamen;
  const Actor* op = &w.operator_actor;
  const std::int64_t now = w.now_ms;

  // 东华门街道: to accept (one new, one due by the end of today), to contact today, in hand,
  // awaiting a rating, and two follow-up visits owed.
  t.Add(t.Employer(dhm, true), "rights.wage_arrears", now - 2 * kHourMs, op, "hotline",
        t.Member(dhm));
  t.Add(t.Employer(dhm, false), "consultation", t.On(1, 16, 40), op, "hotline");
  t.Handle(t.Add(t.Employer(dhm, false, 1), "employment", t.On(2, 10, 15), op, "hotline"),
           {t.On(2, 11)});
  t.Handle(t.Add(t.Employer(dhm, true, 1), "rights.social_insurance", t.On(3, 9, 30), &w.cadre,
                 "walk_in"),
           {t.On(3, 10), t.On(2, 15)});
  t.Handle(t.Add(t.Employer(dhm, false, 2), "rights.overtime_leave", t.On(6, 10), op, "hotline"),
           {t.On(6, 11), t.On(5, 10), t.On(2, 16)});
  t.Handle(t.Add(t.Employer(dhm, false), "rights.contract", t.On(8, 9, 20), op, "hotline"),
           {t.On(8, 10), t.On(7, 14), t.On(5, 15)}, 2, t.On(4, 20));
  t.Handle(t.Add(t.Employer(dhm, true), "hardship", t.On(16, 14), &w.cadre, "cadre"),
           {t.On(16, 15), t.On(15, 10), t.On(12, 16)});  // never rated: the sweep closes it
  // Let lapse: escalated to 东城 by the sweep, waiting there.
  t.Add(t.Employer(dhm, false, 1), "employment", t.On(2, 9), op, "hotline");

  // 东城: two more lapsed at its streets, a legal-aid case in hand, a visit owed.
  const auto dongcheng = t.Streets(w.dongcheng);
  for (std::size_t i = 0; i < dongcheng.size() && i < 2; ++i) {
    t.Add(t.Employer(*dongcheng[i], false), i == 0 ? "rights.wage_arrears" : "consultation",
          t.On(2, 14 - 4 * static_cast<int>(i), 20), op, "hotline");
  }
  if (!dongcheng.empty()) {
    const store::OrgRow& s = *dongcheng.front();
    t.Handle(t.Add(t.Employer(s, true), "legal_aid", t.On(4, 10), op, "hotline", t.Member(s)),
             {t.On(4, 14), t.On(3, 10)});
    t.Handle(t.Add(t.Employer(s, false, 1), "legal_aid", t.On(10, 9, 45), op, "hotline"),
             {t.On(10, 11), t.On(9, 10), t.On(6, 16)}, 1, t.On(5, 19));
  }

  // 西城: one lapsed, one new, a visit owed.
  const auto xicheng = t.Streets(w.xicheng);
  if (!xicheng.empty()) {
    const store::OrgRow& s = *xicheng.front();
    t.Add(t.Employer(s, false), "employment", t.On(2, 11), op, "hotline");
    t.Add(t.Employer(s, false, 1), "hardship", t.On(1, 10, 30), op, "hotline");
    t.Handle(t.Add(t.Employer(s, false, 2), "rights.contract", t.On(9, 9), op, "hotline"),
             {t.On(9, 10), t.On(8, 11), t.On(6, 15)}, 2, t.On(5, 21));
  }

  // The municipal federation: district cases (legal aid) that lapsed there.
  for (const char* code : {"110105", "110108"}) {
    for (const auto& o : w.orgs) {
      if (o.code != code) continue;
      const auto streets = t.Streets(o);
      if (!streets.empty()) {
        t.Add(t.Employer(*streets.front(), false), "legal_aid",
              t.On(2, code[5] == '5' ? 9 : 15, 40), op, "hotline");
      }
    }
  }

  // worker.demo on the portal: one closed months ago, one to rate, one in hand.
  const Actor* worker = &w.worker;
  const std::int64_t months_ago = World::At(World::DayOf(now - 150 * kDayMs), 20 * 60);
  auto* old = t.Add(t.Employer(dhm, false), "rights.overtime_leave", months_ago, worker, "portal");
  if (old != nullptr) {
    const auto day = [&](int n, int minute) {
      return World::At(w.WorkingDay(months_ago, n), minute);
    };
    t.Handle(old, {day(1, 600), day(1, 660), day(4, 900)}, 5, day(4, 1200));
  }
  w.worker_to_rate = t.Add(t.Employer(dhm, false), "consultation", t.On(3, 20), worker, "portal");
  t.Handle(w.worker_to_rate, {t.On(2, 9, 30), t.On(2, 9, 45), t.On(1, 10)});
  t.Handle(
      t.Add(t.Employer(dhm, false, 1), "rights.social_insurance", t.On(2, 21), worker, "portal"),
      {t.On(1, 9, 40)});
}

}  // namespace zj::app::demo

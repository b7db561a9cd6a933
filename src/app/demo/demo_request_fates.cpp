// How each demo request goes (demo_history.h): a fate drawn from what usually happens, then
// the moves it takes, at office hours on the working-day calendar. On time, an org accepts the
// same day or the next morning (the deadline is the end of the next working day); a late one
// waits two working days, so the real sweep escalates it first and the parent accepts it (a
// very late one twice). First contact follows within a working day, resolution after a few
// working days that depend on the category; workers rate within the week or never (the sweep
// then closes the request and opens a follow-up visit), low ratings open one too, and most
// visits are made within a couple of weeks.
#include <algorithm>

#include "app/demo/demo_history_parts.h"
#include "app/demo/demo_topics.h"

namespace zj::app::demo {

namespace {

//! Working days from first contact to resolution, by category: [min, max].
std::pair<int, int> ResolveDays(const std::string& category) {
  if (category == "consultation") return {0, 2};
  if (category == "suggestion") return {3, 12};
  if (category == "legal_aid") return {4, 14};
  if (category == "hardship") return {3, 12};
  if (category == "employment") return {1, 8};
  if (category == "rights.wage_arrears") return {2, 12};
  return {1, 10};
}

int Stars(World& w, bool late) {
  // Most workers are satisfied (the 12351 reports 97 %); late handling costs stars.
  static constexpr double kOnTime[] = {3, 4, 7, 26, 60};
  static constexpr double kLate[] = {10, 15, 20, 30, 25};
  const double* weights = late ? kLate : kOnTime;
  std::discrete_distribution<int> pick(weights, weights + 5);
  return 1 + pick(w.people.engine());
}

template <class Texts>
std::string Any(World& w, const Texts& texts) {
  return texts.empty() ? std::string() : std::string(texts[w.people.Pick(texts.size())]);
}

//! A street of the same district other than the one `path` lies in, to hand a request to.
std::int64_t OtherStreet(World& w, const PlannedRequest& r) {
  std::vector<const store::OrgRow*> streets;
  for (const auto& o : w.orgs) {
    if (o.kind == "street" && o.status == "active" && o.code.starts_with(r.district) &&
        !r.street_path.starts_with(o.path)) {
      streets.push_back(&o);
    }
  }
  if (streets.empty()) return 0;
  std::sort(streets.begin(), streets.end(), [](auto* a, auto* b) { return a->code < b->code; });
  return streets[w.people.Pick(streets.size())]->id;
}

}  // namespace

Fate DrawFate(World& w, const PlannedRequest& r) {
  Fate f;
  const int roll = static_cast<int>(w.people.Pick(1000));
  f.withdraw = roll < 20;
  f.reject = roll >= 20 && roll < 60;
  f.hand_over = roll >= 60 && roll < 90;
  const int lateness = static_cast<int>(w.people.Pick(1000));
  f.late_accept = lateness < 15 ? 2 : lateness < 115 ? 1 : 0;
  f.late_contact = !f.late_accept && w.people.Chance(0.03);
  f.late_resolve = !f.late_accept && !f.late_contact && w.people.Chance(0.03);
  const auto [low, high] = ResolveDays(r.in.category);
  f.resolve_days = low + static_cast<int>(w.people.Pick(static_cast<std::size_t>(high - low) + 1));
  if (f.late_resolve) f.resolve_days = 16 + static_cast<int>(w.people.Pick(7));
  f.reopen = w.people.Chance(0.02);
  if (w.people.Chance(0.72)) {
    f.rating = Stars(w, f.late_accept > 0 || f.late_contact || f.late_resolve);
    // Within the 7-day window: mostly the same or the next day.
    f.rate_after_ms = w.people.Chance(0.6) ? (1 + static_cast<int>(w.people.Pick(20))) * kHourMs
                                           : (1 + static_cast<int>(w.people.Pick(5))) * kDayMs +
                                                 static_cast<int>(w.people.Pick(12)) * kHourMs;
  }
  f.follow_up_done = w.people.Chance(0.88);
  return f;
}

void PlanMoves(World& w, PlannedRequest& r) {
  const Fate& f = r.fate;
  r.moves.clear();
  auto add = [&r](std::int64_t at, MoveKind kind, std::string text = {}) -> PlannedMove& {
    r.moves.push_back(PlannedMove{at, kind, 0, std::move(text), 0});
    return r.moves.back();
  };
  // Later than `after` by at least a few minutes: moves of one request never share a moment.
  auto after = [](std::int64_t at, std::int64_t earlier) {
    return std::max(at, earlier + 5 * kMinuteMs);
  };
  if (f.withdraw) {
    add(r.at + (1 + static_cast<int>(w.people.Pick(20))) * kHourMs, MoveKind::kWithdraw);
    return;
  }
  // Acceptance (or turning down, or handing over): the first move of the handling org.
  std::int64_t accept = 0;
  const bool same_day =
      w.calendar->IsWorkingDay(World::DayOf(r.at)) && World::MinuteOf(r.at) < 15 * 60 + 30;
  if (f.late_accept == 0 && same_day) {
    accept = std::min(r.at + (15 + static_cast<int>(w.people.Pick(150))) * kMinuteMs,
                      World::At(World::DayOf(r.at), 17 * 60 + 45));
  } else {
    const int day = f.late_accept == 0 ? 1 : f.late_accept == 1 ? 2 : 4;
    accept = World::At(w.WorkingDay(r.at, day), w.Minute(9 * 60, 11 * 60 + 30));
  }
  accept = after(accept, r.at);
  if (f.hand_over) {
    if (const std::int64_t to = OtherStreet(w, r); to != 0) {
      add(accept, MoveKind::kHandOver, "职工实际工作地点不在本辖区，转属地街道工会办理。").to_org =
          to;
      accept = World::At(w.WorkingDay(accept, 1), w.Minute(9 * 60, 11 * 60 + 30));
    }
  }
  if (f.reject) {
    add(accept, MoveKind::kReject, Any(w, RejectionReasons()));
    return;
  }
  add(accept, MoveKind::kAccept);
  std::int64_t contact = 0;
  if (f.late_contact) {
    contact = World::At(w.WorkingDay(accept, 3), w.Minute(10 * 60, 16 * 60));
  } else if (w.people.Chance(0.5) && World::MinuteOf(accept) < 16 * 60) {
    contact = accept + (10 + static_cast<int>(w.people.Pick(90))) * kMinuteMs;
  } else {
    contact = World::At(w.WorkingDay(accept, 1), w.Minute(9 * 60, 17 * 60));
  }
  contact = after(contact, accept);
  add(contact, MoveKind::kContact);
  std::int64_t resolve =
      f.resolve_days == 0
          ? contact + (30 + static_cast<int>(w.people.Pick(180))) * kMinuteMs
          : World::At(w.WorkingDay(contact, f.resolve_days), w.Minute(10 * 60, 17 * 60 + 30));
  resolve = after(resolve, contact);
  const auto answers = ResolutionsOf(r.in.category);
  add(resolve, MoveKind::kResolve, Any(w, answers));
  if (f.reopen) {
    const std::int64_t reopen = resolve + (1 + static_cast<int>(w.people.Pick(3))) * kDayMs;
    add(reopen, MoveKind::kReopen, "单位答应的事情还没有落实");
    resolve = after(World::At(w.WorkingDay(reopen, 2 + static_cast<int>(w.people.Pick(4))),
                              w.Minute(10 * 60, 17 * 60)),
                    reopen);
    add(resolve, MoveKind::kResolve, Any(w, answers));
  }
  std::int64_t visit_from = 0;  // when a follow-up visit is owed
  if (f.rating) {
    const std::int64_t rated = resolve + f.rate_after_ms;
    PlannedMove& rate = add(rated, MoveKind::kRate, Any(w, RatingComments(*f.rating)));
    rate.rating = *f.rating;
    if (*f.rating <= 2) visit_from = rated;
  } else {
    visit_from = resolve + 7 * kDayMs + kDayMs / 2;  // the sweep has closed it by then
  }
  if (visit_from != 0 && f.follow_up_done) {
    const int days = 1 + static_cast<int>(w.people.Pick(8));
    add(World::At(w.WorkingDay(visit_from, days), w.Minute(9 * 60 + 30, 17 * 60)),
        MoveKind::kFollowUp, Any(w, FollowUpNotes()));
  }
}

}  // namespace zj::app::demo

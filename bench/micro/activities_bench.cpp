// The hot pure parts of issue 22. MutualAidRosterMillion: the additions-and-removals list of a
// city-wide plan — 1,000,000 enrolled members and 1,000,000 registry changes over the period
// (a fifth of them outside the range, members changing several times), the list a union's
// sweep computes before each period ends. RebalanceTenThousand: the benchmark's activity, 2,000
// seats and 8,000 on the waitlist, with one seat in a hundred freed (cancelled or a lapsed
// offer): the seat rules a cancellation or the confirm-by sweep runs inside its transaction.
// TrainingRemindersMillion: the expiry reminder job's decision over 1,000,000 training
// certificates (each expiry instant to its Beijing day, core ReminderDue against today), beside
// TrainingRemindersMillionBare, its limit: the same rows compared as plain instants (expiry −
// days ≤ now < expiry), which gets the day boundaries wrong but costs nothing more; the ratio of
// the two is the price of deciding by the calendar day, per run of the job.
#include <cstdint>
#include <vector>

#include "core/activities/registration.h"
#include "core/calendar/work_calendar.h"
#include "core/mutual_aid/roster_changes.h"
#include "core/training/training_rules.h"
#include "registry.h"

namespace zj::bench {
namespace {

using mutual_aid::MemberChange;
using mutual_aid::RegistryChange;

struct Roster {
  std::vector<std::int64_t> enrolled;
  std::vector<MemberChange> changes;
};

//! The same data every run: a small linear congruential generator, no clock.
Roster GenerateRoster(int members, int changes) {
  Roster r;
  std::uint64_t seed = 22;
  const auto next = [&](std::int64_t bound) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::int64_t>((seed >> 33) % static_cast<std::uint64_t>(bound));
  };
  r.enrolled.reserve(static_cast<std::size_t>(members));
  for (std::int64_t id = 1; id <= members; ++id) r.enrolled.push_back(id);
  const std::chrono::sys_days first{
      mutual_aid::Date{std::chrono::year{2025}, std::chrono::month{5}, std::chrono::day{1}}};
  r.changes.reserve(static_cast<std::size_t>(changes));
  for (int i = 0; i < changes; ++i) {
    // Members up to 1.2 × the enrolled: the rest are joiners.
    const std::int64_t member = 1 + next(members + members / 5);
    const auto on = mutual_aid::Date{first + std::chrono::days{next(420)}};
    r.changes.push_back({member, on, static_cast<RegistryChange>(next(7))});
  }
  return r;
}

void MutualAidRosterMillion(benchmark::State& state) {
  const Roster r = GenerateRoster(1'000'000, 1'000'000);
  const mutual_aid::Date from{std::chrono::year{2025}, std::chrono::month{6}, std::chrono::day{1}};
  const mutual_aid::Date to{std::chrono::year{2026}, std::chrono::month{5}, std::chrono::day{16}};
  for (auto _ : state) {
    auto list = mutual_aid::Diff(r.enrolled, r.changes, from, to);
    benchmark::DoNotOptimize(list);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(r.changes.size()));
}
ZJ_BENCHMARK(MutualAidRosterMillion);

void RebalanceTenThousand(benchmark::State& state) {
  constexpr std::int64_t kHour = 3'600'000;
  activities::SeatRules rules;
  rules.capacity = 2'000;
  rules.opens_at_ms = 0;
  rules.closes_at_ms = 100 * kHour;
  rules.starts_at_ms = 200 * kHour;
  std::vector<activities::Seat> seats;
  for (std::int64_t id = 1; id <= 10'000; ++id) {
    const bool seated = id <= 2'000;
    const bool freed = seated && id % 100 == 0;
    seats.push_back({id,
                     freed    ? activities::SeatState::kCancelled
                     : seated ? activities::SeatState::kSeated
                              : activities::SeatState::kWaitlisted,
                     id,
                     {}});
  }
  for (auto _ : state) {
    auto transitions = activities::Rebalance(rules, seats, 50 * kHour);
    benchmark::DoNotOptimize(transitions);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(seats.size()));
}
ZJ_BENCHMARK(RebalanceTenThousand);

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kToday = 1'796'000'000'000;  // 2026-11-30, a fixed instant

struct Expiry {
  std::int64_t expires_at = 0;
  int days_before = 30;
};

//! 1,000,000 certificates expiring over the next two years, reminded 7, 30 or 60 days before.
std::vector<Expiry> Expiries() {
  std::vector<Expiry> out;
  out.reserve(1'000'000);
  std::uint64_t seed = 7;
  for (int i = 0; i < 1'000'000; ++i) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto offset = static_cast<std::int64_t>((seed >> 33) % (730ULL * 86'400'000ULL));
    out.push_back({kToday + offset, i % 3 == 0 ? 7 : (i % 3 == 1 ? 30 : 60)});
  }
  return out;
}

void TrainingRemindersMillion(benchmark::State& state) {
  const auto rows = Expiries();
  const training::Date today{calendar::LocalDay(kToday, 480)};
  for (auto _ : state) {
    std::int64_t due = 0;
    for (const auto& r : rows) {
      const training::Date expires{calendar::LocalDay(r.expires_at, 480)};
      due += training::ReminderDue(expires, r.days_before, today, false) ? 1 : 0;
    }
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows.size()));
}
ZJ_BENCHMARK(TrainingRemindersMillion);

void TrainingRemindersMillionBare(benchmark::State& state) {
  const auto rows = Expiries();
  for (auto _ : state) {
    std::int64_t due = 0;
    for (const auto& r : rows) {
      due += r.expires_at - r.days_before * kDayMs <= kToday && kToday < r.expires_at ? 1 : 0;
    }
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows.size()));
}
ZJ_BENCHMARK(TrainingRemindersMillionBare);

}  // namespace
}  // namespace zj::bench

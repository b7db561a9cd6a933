#include "core/mutual_aid/roster_changes.h"

#include <algorithm>
#include <array>

namespace zj::mutual_aid {

namespace {

constexpr std::array<std::string_view, 7> kCodes{"joined", "moved_in", "moved_out", "retired",
                                                 "died",   "left",     "reinstated"};

}  // namespace

std::string_view RegistryChangeCode(RegistryChange change) {
  return kCodes[static_cast<std::size_t>(change)];
}

std::optional<RegistryChange> ParseRegistryChange(std::string_view code) {
  for (std::size_t i = 0; i < kCodes.size(); ++i) {
    if (kCodes[i] == code) return static_cast<RegistryChange>(i);
  }
  return std::nullopt;
}

bool Joins(RegistryChange change) {
  return change == RegistryChange::kJoined || change == RegistryChange::kMovedIn ||
         change == RegistryChange::kReinstated;
}

RosterChanges Diff(std::span<const std::int64_t> enrolled, std::span<const MemberChange> changes,
                   Date from, Date to) {
  // The changes in range, by member, then date, then input order (a total order: one day's
  // changes keep the order given without a stable sort).
  std::vector<std::size_t> in_range;
  in_range.reserve(changes.size());
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (from <= changes[i].on && changes[i].on <= to) in_range.push_back(i);
  }
  std::sort(in_range.begin(), in_range.end(), [&](std::size_t a, std::size_t b) {
    const MemberChange& x = changes[a];
    const MemberChange& y = changes[b];
    if (x.member_id != y.member_id) return x.member_id < y.member_id;
    if (x.on != y.on) return x.on < y.on;
    return a < b;
  });
  RosterChanges out;
  for (std::size_t i = 0; i < in_range.size();) {
    std::size_t j = i;
    while (j + 1 < in_range.size() &&
           changes[in_range[j + 1]].member_id == changes[in_range[i]].member_id) {
      ++j;
    }
    const MemberChange& last = changes[in_range[j]];
    const bool is_enrolled = std::binary_search(enrolled.begin(), enrolled.end(), last.member_id);
    if (Joins(last.change) && !is_enrolled) {
      out.additions.push_back({last.member_id, last.on, last.change});
    } else if (!Joins(last.change) && is_enrolled) {
      out.removals.push_back({last.member_id, last.on, last.change});
    }
    i = j + 1;
  }
  return out;
}

}  // namespace zj::mutual_aid

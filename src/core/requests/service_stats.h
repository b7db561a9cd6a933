// The figures of the service dashboard as additive counters, so they can be kept per org and
// week by deltas and summed over any set of weeks and categories: volume, acceptance and
// resolution (each also "on time"), escalations, ratings, and resolutions by how many days
// they took, bucketed so a median can be located without keeping every duration.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace zj::requests {

//! Upper bounds (in days, inclusive) of the resolution-time buckets; the last is "later".
inline constexpr std::array<int, 5> kResolveBucketDays{1, 3, 7, 15, 30};
inline constexpr std::size_t kResolveBuckets = kResolveBucketDays.size() + 1;

struct StatsDelta {
  std::int64_t submitted = 0;
  std::int64_t urgent = 0;
  std::int64_t accepted = 0;
  std::int64_t accepted_on_time = 0;
  std::int64_t resolved = 0;
  std::int64_t resolved_on_time = 0;
  std::int64_t escalated = 0;
  std::int64_t rated = 0;
  std::int64_t rating_sum = 0;
  std::int64_t low_ratings = 0;
  std::int64_t reopened = 0;
  std::array<std::int64_t, kResolveBuckets> resolved_within{};  //!< per bucket

  StatsDelta& operator+=(const StatsDelta& other);
  bool IsZero() const;
};

//! The bucket of a resolution that took `duration_ms` from submission.
std::size_t ResolveBucket(std::int64_t duration_ms);

//! The bucket holding the median of the histogram; nothing when it is empty.
std::optional<std::size_t> MedianBucket(const std::array<std::int64_t, kResolveBuckets>& hist);

//! The local (UTC+8) Monday of the week holding `ms`, as YYYY-MM-DD: the key of a week.
std::string WeekOf(std::int64_t ms, int utc_offset_minutes = 480);

//! `part` of `whole` as a rate in [0, 1]; nothing when `whole` is 0.
std::optional<double> Rate(std::int64_t part, std::int64_t whole);

}  // namespace zj::requests

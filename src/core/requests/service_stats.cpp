#include "core/requests/service_stats.h"

#include <chrono>
#include <cstdio>

#include "core/calendar/work_calendar.h"

namespace zj::requests {

StatsDelta& StatsDelta::operator+=(const StatsDelta& o) {
  submitted += o.submitted;
  urgent += o.urgent;
  accepted += o.accepted;
  accepted_on_time += o.accepted_on_time;
  resolved += o.resolved;
  resolved_on_time += o.resolved_on_time;
  escalated += o.escalated;
  rated += o.rated;
  rating_sum += o.rating_sum;
  low_ratings += o.low_ratings;
  reopened += o.reopened;
  for (std::size_t i = 0; i < kResolveBuckets; ++i) resolved_within[i] += o.resolved_within[i];
  return *this;
}

bool StatsDelta::IsZero() const {
  if (submitted || urgent || accepted || accepted_on_time || resolved || resolved_on_time ||
      escalated || rated || rating_sum || low_ratings || reopened) {
    return false;
  }
  for (const auto n : resolved_within) {
    if (n != 0) return false;
  }
  return true;
}

std::size_t ResolveBucket(std::int64_t duration_ms) {
  constexpr std::int64_t kDay = 24LL * 3600 * 1000;
  for (std::size_t i = 0; i < kResolveBucketDays.size(); ++i) {
    if (duration_ms <= kResolveBucketDays[i] * kDay) return i;
  }
  return kResolveBucketDays.size();
}

std::optional<std::size_t> MedianBucket(const std::array<std::int64_t, kResolveBuckets>& hist) {
  std::int64_t total = 0;
  for (const auto n : hist) total += n;
  if (total <= 0) return std::nullopt;
  std::int64_t seen = 0;
  for (std::size_t i = 0; i < hist.size(); ++i) {
    seen += hist[i];
    if (2 * seen >= total) return i;  // the lower median for an even count
  }
  return hist.size() - 1;
}

std::string WeekOf(std::int64_t ms, int utc_offset_minutes) {
  using namespace std::chrono;
  const sys_days day = calendar::LocalDay(ms, utc_offset_minutes);
  const sys_days monday = day - (weekday(day) - Monday);
  const year_month_day ymd(monday);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

std::optional<double> Rate(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace zj::requests

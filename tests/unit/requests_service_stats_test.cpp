// The dashboard's counters: weeks keyed by their local Monday (also across a year's end and
// for Sunday night in Beijing, which is still Sunday afternoon in UTC), resolution buckets
// and the median's bucket, deltas that add up and rates that refuse a zero base.
#include <gtest/gtest.h>

#include "core/requests/service_stats.h"

namespace zj::requests {
namespace {

constexpr std::int64_t kHour = 3600LL * 1000;
constexpr std::int64_t kDay = 24 * kHour;

// 2026-11-25T08:00:00Z: Wednesday 16:00 in Beijing.
constexpr std::int64_t kWednesday = 1795593600000;

TEST(ServiceStats, WeeksAreKeyedByTheirLocalMonday) {
  EXPECT_EQ(WeekOf(kWednesday), "2026-11-23");
  // Sunday 2026-11-29 23:30 in Beijing (15:30 UTC) still belongs to the week of 11-23 …
  constexpr std::int64_t kHalfHour = 30 * 60 * 1000;
  EXPECT_EQ(WeekOf(kWednesday + 4 * kDay + 7 * kHour + kHalfHour), "2026-11-23");
  // … and Monday 00:30 in Beijing (Sunday 16:30 UTC) to the next one.
  EXPECT_EQ(WeekOf(kWednesday + 4 * kDay + 8 * kHour + kHalfHour), "2026-11-30");
  // 2027-01-01 is a Friday: its week began on Monday 2026-12-28.
  EXPECT_EQ(WeekOf(kWednesday + 37 * kDay), "2026-12-28");
}

TEST(ServiceStats, ResolutionBucketsAndTheMedian) {
  EXPECT_EQ(ResolveBucket(kHour), 0u);
  EXPECT_EQ(ResolveBucket(kDay), 0u);
  EXPECT_EQ(ResolveBucket(kDay + 1), 1u);
  EXPECT_EQ(ResolveBucket(15 * kDay), 3u);
  EXPECT_EQ(ResolveBucket(31 * kDay), 5u);

  EXPECT_FALSE(MedianBucket({}));
  EXPECT_EQ(MedianBucket({5, 0, 0, 0, 0, 0}), 0u);
  EXPECT_EQ(MedianBucket({1, 1, 3, 0, 0, 0}), 2u);
  EXPECT_EQ(MedianBucket({2, 0, 2, 0, 0, 0}), 0u) << "the lower median of an even count";
  EXPECT_EQ(MedianBucket({0, 0, 0, 0, 1, 9}), 5u);
}

TEST(ServiceStats, DeltasAddUpAndRatesNeedABase) {
  StatsDelta a;
  a.submitted = 3;
  a.resolved_within[2] = 1;
  StatsDelta b;
  b.submitted = 2;
  b.low_ratings = 1;
  b.resolved_within[2] = 4;
  EXPECT_TRUE(StatsDelta{}.IsZero());
  a += b;
  EXPECT_FALSE(a.IsZero());
  EXPECT_EQ(a.submitted, 5);
  EXPECT_EQ(a.low_ratings, 1);
  EXPECT_EQ(a.resolved_within[2], 5);
  EXPECT_FALSE(Rate(1, 0));
  EXPECT_DOUBLE_EQ(*Rate(3, 4), 0.75);
}

}  // namespace
}  // namespace zj::requests

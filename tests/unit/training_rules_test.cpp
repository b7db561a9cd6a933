// Training classes at their boundaries: the attendance share rounded up (80 % of 6 sessions is
// 5), a certificate's expiry months later clamped to the month's end (31 January + 1 month, in a
// leap year and not), no expiry for 0 months, and the reminder window from N days before the
// expiry to the day before it, sent once.
#include "core/training/training_rules.h"

#include <gtest/gtest.h>

namespace zj::training {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date D(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

TEST(TrainingAttendance, TheShareOfSessionsIsRoundedUp) {
  EXPECT_EQ(SessionsNeeded(6, 80), 5);  // 4.8
  EXPECT_EQ(SessionsNeeded(5, 80), 4);  // exactly 4
  EXPECT_EQ(SessionsNeeded(10, 100), 10);
  EXPECT_EQ(SessionsNeeded(10, 0), 0);
  EXPECT_TRUE(MayBeAssessed(5, 6, 80));
  EXPECT_FALSE(MayBeAssessed(4, 6, 80));
  EXPECT_TRUE(MayBeAssessed(0, 0, 80));
}

TEST(TrainingCertificate, ExpiresMonthsLaterOnTheSameDayOrTheMonthsLastDay) {
  EXPECT_EQ(ExpiresOn(D(2026, 3, 15), 24), D(2028, 3, 15));
  EXPECT_EQ(ExpiresOn(D(2026, 1, 31), 1), D(2026, 2, 28));
  EXPECT_EQ(ExpiresOn(D(2028, 1, 31), 1), D(2028, 2, 29));
  EXPECT_EQ(ExpiresOn(D(2026, 12, 31), 3), D(2027, 3, 31));
  EXPECT_EQ(ExpiresOn(D(2026, 8, 31), 1), D(2026, 9, 30));
  EXPECT_EQ(ExpiresOn(D(2026, 3, 15), 0), std::nullopt);
}

TEST(TrainingCertificate, TheReminderIsDueFromNDaysBeforeUntilTheExpiryOnce) {
  const std::optional<Date> expiry = D(2026, 6, 30);
  EXPECT_FALSE(ReminderDue(expiry, 30, D(2026, 5, 30), false));
  EXPECT_TRUE(ReminderDue(expiry, 30, D(2026, 5, 31), false));
  EXPECT_TRUE(ReminderDue(expiry, 30, D(2026, 6, 29), false));
  EXPECT_FALSE(ReminderDue(expiry, 30, D(2026, 6, 30), false));  // lapsed: no reminder
  EXPECT_FALSE(ReminderDue(expiry, 30, D(2026, 6, 1), true));
  EXPECT_FALSE(ReminderDue(std::nullopt, 30, D(2026, 6, 1), false));
}

}  // namespace
}  // namespace zj::training

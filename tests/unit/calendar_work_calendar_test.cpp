// The working-day calendar with the real 2025 and 2026 Chinese holidays and 调休 days as
// shipped, deadline arithmetic across weekends, Spring Festival and National Day, and the
// refusals of a malformed calendar file.
#include <gtest/gtest.h>

#include "app/calendar/builtin_calendars.h"
#include "core/calendar/work_calendar.h"
#include "core/i18n/messages.h"

namespace zj::calendar {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;

sys_days D(int y, unsigned m, unsigned d) { return sys_days{Date{year{y}, month{m}, day{d}}}; }

// Unix ms of a Beijing local time.
std::int64_t BeijingMs(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  return (static_cast<std::int64_t>(D(y, m, d).time_since_epoch().count()) * 86'400 +
          (hour - 8) * 3600 + minute * 60) *
         1000;
}

class ShippedCalendar : public ::testing::Test {
 protected:
  WorkCalendar cal_ = app::BuiltinWorkCalendar();
};

TEST_F(ShippedCalendar, HolidaysAreOffAndAdjustedWeekendsAreWorked) {
  EXPECT_TRUE(cal_.HasYear(2025));
  EXPECT_TRUE(cal_.HasYear(2026));
  EXPECT_FALSE(cal_.IsWorkingDay(D(2026, 2, 16)));  // 春节, a Monday
  EXPECT_EQ(cal_.HolidayName(D(2026, 2, 16)), "春节");
  EXPECT_TRUE(cal_.IsWorkingDay(D(2026, 2, 14)));  // Saturday worked (调休)
  EXPECT_TRUE(cal_.IsWorkingDay(D(2026, 2, 28)));
  EXPECT_FALSE(cal_.IsWorkingDay(D(2026, 10, 7)));   // 国庆节, a Wednesday
  EXPECT_TRUE(cal_.IsWorkingDay(D(2026, 10, 10)));   // Saturday worked
  EXPECT_TRUE(cal_.IsWorkingDay(D(2025, 9, 28)));    // Sunday worked
  EXPECT_FALSE(cal_.IsWorkingDay(D(2025, 10, 8)));   // 国庆节、中秋节
  EXPECT_FALSE(cal_.IsWorkingDay(D(2026, 11, 28)));  // a plain Saturday
  EXPECT_TRUE(cal_.IsWorkingDay(D(2026, 11, 26)));   // a plain Thursday
  EXPECT_EQ(cal_.HolidayName(D(2026, 11, 28)), "");
}

TEST_F(ShippedCalendar, ShippedYearsHaveTheRightNumberOfWorkingDays) {
  // Counted independently from the State Council notices: 248 working days in each year.
  for (const auto& [y, expected] : {std::pair{2025, 248}, std::pair{2026, 248}}) {
    int working = 0;
    for (sys_days d = D(y, 1, 1); d <= D(y, 12, 31); d += std::chrono::days{1}) {
      working += cal_.IsWorkingDay(d);
    }
    EXPECT_EQ(working, expected) << y;
  }
}

TEST_F(ShippedCalendar, DeadlinesSkipWeekendsAndHolidays) {
  // Friday afternoon, one working day: the end of Monday.
  EXPECT_EQ(cal_.DeadlineMs(BeijingMs(2026, 11, 20, 15), 1), BeijingMs(2026, 11, 24, 0));
  // Arrived on a Saturday: counting starts on Monday, so still the end of Monday.
  EXPECT_EQ(cal_.DeadlineMs(BeijingMs(2026, 11, 21, 10), 1), BeijingMs(2026, 11, 24, 0));
  // Just before midnight on Thursday 2026-02-12, two working days: Friday, then the worked
  // Saturday 02-14; Spring Festival runs 02-15 … 02-23.
  EXPECT_EQ(cal_.DeadlineMs(BeijingMs(2026, 2, 12, 23, 59), 2), BeijingMs(2026, 2, 15, 0));
  // Three: the next working day after 02-14 is 02-24.
  EXPECT_EQ(cal_.DeadlineMs(BeijingMs(2026, 2, 12, 23, 59), 3), BeijingMs(2026, 2, 25, 0));
  // 15 working days from 2026-09-18 (Fri) across Mid-Autumn and National Day: Sep 20 (Sun,
  // worked), 21–24, 28–30, Oct 8, 9, 10 (Sat, worked), 12, 13, 14, 15.
  EXPECT_EQ(cal_.AddWorkingDays(D(2026, 9, 18), 15), D(2026, 10, 15));
  // The local day decides: 2026-11-20 23:30 in Beijing is 15:30 UTC of the same day.
  EXPECT_EQ(LocalDay(BeijingMs(2026, 11, 20, 23, 30)), D(2026, 11, 20));
  EXPECT_EQ(LocalDay(BeijingMs(2026, 11, 21, 0, 30)), D(2026, 11, 21));
}

TEST_F(ShippedCalendar, WorkingDaysBetweenCountsTheDaysAfterTheStart) {
  EXPECT_EQ(cal_.WorkingDaysBetween(BeijingMs(2026, 11, 20, 9), BeijingMs(2026, 11, 20, 18)), 0);
  EXPECT_EQ(cal_.WorkingDaysBetween(BeijingMs(2026, 11, 20, 9), BeijingMs(2026, 11, 23, 9)), 1);
  EXPECT_EQ(cal_.WorkingDaysBetween(BeijingMs(2026, 9, 30, 9), BeijingMs(2026, 10, 8, 9)), 1);
}

TEST(WorkCalendar, YearsWithoutDataFollowTheMondayToFridayWeek) {
  const WorkCalendar cal = app::BuiltinWorkCalendar();
  EXPECT_FALSE(cal.HasYear(2027));
  EXPECT_TRUE(cal.IsWorkingDay(D(2027, 1, 1)));  // a Friday; its holiday is not loaded yet
  EXPECT_FALSE(cal.IsWorkingDay(D(2027, 1, 2)));
}

TEST(WorkCalendar, ALoadedYearReplacesTheDefaultWeek) {
  WorkCalendar cal;
  auto y = ParseCalendarYear("year 2027\noff 2027-01-01 元旦\n");
  ASSERT_TRUE(y.has_value());
  cal.Load(std::move(*y));
  EXPECT_FALSE(cal.IsWorkingDay(D(2027, 1, 1)));
}

TEST(CalendarFile, BadLinesAreRefusedWithTheirNumberAndReason) {
  const auto reason = [](std::string_view text) {
    auto parsed = ParseCalendarYear(text);
    EXPECT_FALSE(parsed.has_value()) << text;
    if (parsed) return std::string();
    EXPECT_TRUE(parsed.error().message_key.starts_with("error.calendar."));
    return parsed.error().detail;
  };
  EXPECT_EQ(reason("off 2026-01-01\n"), "line 1: the year line must come first");
  EXPECT_EQ(reason("year 2026\n\nholiday 2026-01-01\n"), "line 3: unknown keyword holiday");
  EXPECT_EQ(reason("year 2026\noff 2026-02-30\n"), "line 2: not a date: 2026-02-30");
  EXPECT_EQ(reason("year 2026\noff 2027-01-01\n"), "line 2: a date outside year 2026");
  EXPECT_EQ(reason("year 2026\noff 2026-01-03 2026-01-01\n"), "line 2: the range runs backwards");
  EXPECT_EQ(reason("year 2026\nwork 2026-01-05\n"),
            "line 2: a worked day must be a weekend day");  // a Monday
  EXPECT_EQ(reason("year 2026\noff 2026-01-04\nwork 2026-01-04\n"),
            "line 3: a day both off and worked");
  EXPECT_EQ(reason("# nothing\n"), "line 1: no year line");
  EXPECT_EQ(reason("year 2026\nyear 2026\n"), "line 2: a second year line");
  auto weekday = ParseCalendarYear("year 2026\nwork 2026-01-05\n");
  ASSERT_FALSE(weekday.has_value());
  EXPECT_EQ(i18n::Translate(i18n::Locale::kZhCN, weekday.error().message_key, weekday.error().args),
            "日历文件第 2 行：调休上班日应为周六或周日");
}

}  // namespace
}  // namespace zj::calendar

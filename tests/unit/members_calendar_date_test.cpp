// Roster dates: every accepted way of writing one, Excel serial numbers (with Excel's 1900 leap
// day), and refusal of dates that do not exist.
#include <gtest/gtest.h>

#include "core/members/calendar_date.h"

namespace zj::members {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kJuly25{year{2015}, month{7}, day{25}};

TEST(RosterDate, EveryWrittenFormParsesToTheSameDay) {
  for (const std::string_view text :
       {"2015-07-25", "2015/7/25", "2015.7.25", "2015年7月25日", "20150725", " 2015-7-25 ",
        "２０１５－０７－２５", "2015-07-25 00:00:00", "2015/07/25 00:00", "42210", "42210.0"}) {
    const auto parsed = ParseRosterDate(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(*parsed, kJuly25) << text;
  }
}

TEST(RosterDate, ImpossibleOrMalformedDatesAreRefused) {
  for (const std::string_view text :
       {"2015-02-30", "2015-13-01", "2015-00-10", "20150230", "2015-7", "2015/7-25", "15-7-25",
        "2015年7月", "July 25, 2015", "42210.5", "", "   ", "2015-07-25 08:30:00", "0"}) {
    EXPECT_FALSE(ParseRosterDate(text).has_value()) << text;
  }
}

TEST(RosterDate, LeapDaysAreRealOnlyInLeapYears) {
  EXPECT_TRUE(ParseRosterDate("2016-02-29").has_value());
  EXPECT_TRUE(ParseRosterDate("2000-02-29").has_value());
  EXPECT_FALSE(ParseRosterDate("1900-02-29").has_value());
  EXPECT_FALSE(ParseRosterDate("2015-02-29").has_value());
}

TEST(RosterDate, ExcelSerialsFollowThe1900DateSystem) {
  EXPECT_EQ(FromExcelSerial(1), (Date{year{1900}, month{1}, day{1}}));
  EXPECT_EQ(FromExcelSerial(59), (Date{year{1900}, month{2}, day{28}}));
  EXPECT_FALSE(FromExcelSerial(60).has_value());  // Excel's 1900-02-29, which never was
  EXPECT_EQ(FromExcelSerial(61), (Date{year{1900}, month{3}, day{1}}));
  EXPECT_EQ(FromExcelSerial(45658), (Date{year{2025}, month{1}, day{1}}));
  EXPECT_FALSE(FromExcelSerial(0).has_value());
  EXPECT_FALSE(FromExcelSerial(2958466).has_value());
}

TEST(RosterDate, FormatsAndAges) {
  EXPECT_EQ(FormatDate(kJuly25), "2015-07-25");
  const Date birth{year{1990}, month{3}, day{7}};
  EXPECT_EQ(YearsBetween(birth, Date{year{2026}, month{3}, day{6}}), 35);
  EXPECT_EQ(YearsBetween(birth, Date{year{2026}, month{3}, day{7}}), 36);
}

}  // namespace
}  // namespace zj::members

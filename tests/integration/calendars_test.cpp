// Working-day calendars loaded by an administrator: the year is stored and audited, deadlines
// use it at once, another process (a server beside `zhijia calendar load`) sees it after a
// reload; a malformed text names its line and changes nothing; only administrators load.
#include "app/calendar/calendar_service.h"
#include "app/requests/request_service.h"
#include "coverage_fixture.h"

namespace zj::test {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

constexpr std::string_view k2027 =
    "# a test calendar for 2027\n"
    "year 2027\n"
    "off 2027-02-08 2027-02-12 测试假期\n"
    "work 2027-02-20 测试调休\n";

class CalendarsTest : public CoverageTest {
 protected:
  app::Actor Admin() {
    if (admin_.user_id == 0) admin_ = MakeUser("admin.cal", "admin", root_);
    return admin_;
  }
  app::Actor admin_;
};

TEST_P(CalendarsTest, ALoadedYearDrivesDeadlinesAndIsAudited) {
  app::CalendarBook book;
  app::CalendarService calendars(*db_, clock_, app_->audit(), book);
  EXPECT_FALSE(book.Current()->HasYear(2027));

  auto info = calendars.Load(Admin(), k2027);
  ASSERT_OK(info);
  EXPECT_EQ(info->year, 2027);
  EXPECT_EQ(info->holidays, 5);
  EXPECT_EQ(info->worked_weekends, 1);
  EXPECT_EQ(info->working_days, 261 - 5 + 1);  // 2027 has 261 weekdays
  EXPECT_TRUE(book.Current()->HasYear(2027));

  // Friday 2027-02-05 16:00 in Beijing: the next working day is Monday 02-15.
  clock_.Advance(72 * kDay);
  app::RequestService requests(*db_, clock_, random_, app_->audit(), app_->vault(), book);
  app::NewRequest r;
  r.channel = "portal";
  r.category = "consultation";
  r.title = "春节加班费";
  r.description = "咨询";
  r.contact_name = "赵师傅";
  r.contact_phone = "13700001111";
  r.region_code = streets_a_[0].code;
  auto submitted = requests.Submit(std::nullopt, r);
  ASSERT_OK(submitted);
  EXPECT_EQ(calendar::LocalDay(submitted->row.accept_by - 1),
            std::chrono::sys_days{std::chrono::year{2027} / 2 / 15});

  // A second process's book sees the year after reloading from the store.
  app::CalendarBook other;
  app::CalendarService elsewhere(*db_, clock_, app_->audit(), other);
  EXPECT_FALSE(other.Current()->HasYear(2027));
  ASSERT_OK(elsewhere.Reload());
  EXPECT_TRUE(other.Current()->HasYear(2027));

  auto years = calendars.Years();
  ASSERT_OK(years);
  ASSERT_EQ(years->size(), 3u);
  EXPECT_EQ(years->at(0).year, 2025);
  EXPECT_EQ(years->at(0).source, "shipped");
  EXPECT_EQ(years->at(1).working_days, 248);
  EXPECT_EQ(years->at(2).source, "loaded");

  app::AuditFilter filter;
  filter.action = "calendar.load";
  auto audit = app_->audit().Search(Admin(), filter);
  ASSERT_OK(audit);
  ASSERT_EQ(audit->entries.size(), 1u);
  EXPECT_EQ(audit->entries[0].target_id, "2027");
}

TEST_P(CalendarsTest, BadTextsAndNonAdministratorsChangeNothing) {
  app::CalendarBook book;
  app::CalendarService calendars(*db_, clock_, app_->audit(), book);
  auto bad = calendars.Load(Admin(), "year 2027\noff 2027-02-30 不存在的日子\n");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "text");
  EXPECT_EQ(bad.error().fields[0].message_key, "error.calendar.date");
  ExpectError(calendars.Load(staff_a_, k2027), ErrorCode::kPermissionDenied, "error.forbidden");
  auto years = calendars.Years();
  ASSERT_OK(years);
  EXPECT_EQ(years->size(), 2u);
  EXPECT_FALSE(book.Current()->HasYear(2027));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(CalendarsTest);

}  // namespace
}  // namespace zj::test

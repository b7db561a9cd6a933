#include "app/calendar/calendar_service.h"

#include <chrono>
#include <map>

#include "app/calendar/builtin_calendars.h"
#include "store/work_calendars.h"

namespace zj::app {

namespace {

CalendarYearInfo InfoOf(const calendar::WorkCalendar& cal, const calendar::CalendarYear& y,
                        std::string source, std::optional<std::int64_t> loaded_at) {
  using namespace std::chrono;
  CalendarYearInfo info;
  info.year = y.year;
  info.source = std::move(source);
  info.loaded_at = loaded_at;
  for (sys_days d{year{y.year} / January / 1}; d <= sys_days{year{y.year} / December / 31};
       d += days{1}) {
    if (cal.IsWorkingDay(d)) ++info.working_days;
  }
  for (const auto& [day, name] : y.off) {
    const weekday wd{day};
    if (wd != Saturday && wd != Sunday) ++info.holidays;
  }
  info.worked_weekends = static_cast<int>(y.work.size());
  return info;
}

struct StoredYears {
  std::map<int, calendar::CalendarYear> years;
  std::map<int, std::optional<std::int64_t>> loaded_at;  //!< set for loaded years
};

//! The shipped years overlaid by the stored ones; a stored text that no longer parses (it was
//! checked when loaded) is skipped rather than breaking every deadline.
Result<StoredYears> AllYears(store::Connection& conn) {
  StoredYears out;
  for (const std::string_view text : BuiltinCalendarTexts()) {
    if (auto y = calendar::ParseCalendarYear(text)) out.years[y->year] = std::move(*y);
  }
  ZJ_ASSIGN_OR_RETURN(auto rows, store::CalendarYears(conn));
  for (const auto& row : rows) {
    if (auto y = calendar::ParseCalendarYear(row.source)) {
      out.years[y->year] = std::move(*y);
      out.loaded_at[y->year] = row.loaded_at;
    }
  }
  return out;
}

std::shared_ptr<const calendar::WorkCalendar> Build(const StoredYears& years) {
  auto cal = std::make_shared<calendar::WorkCalendar>();
  for (const auto& [year, y] : years.years) cal->Load(y);
  return cal;
}

}  // namespace

CalendarBook::CalendarBook()
    : current_(std::make_shared<const calendar::WorkCalendar>(BuiltinWorkCalendar())) {}

std::shared_ptr<const calendar::WorkCalendar> CalendarBook::Current() const {
  const std::lock_guard lock(mutex_);
  return current_;
}

void CalendarBook::Replace(std::shared_ptr<const calendar::WorkCalendar> calendar) {
  const std::lock_guard lock(mutex_);
  current_ = std::move(calendar);
}

Result<CalendarYearInfo> CalendarService::Load(const Actor& actor, std::string_view text,
                                               std::optional<int> year) {
  if (actor.role != "admin") return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  auto parsed = calendar::ParseCalendarYear(text);
  if (!parsed) {
    Error e = parsed.error();
    e.fields.push_back({"text", e.message_key, e.args});
    return Fail(std::move(e));
  }
  if (year && parsed->year != *year) {
    const std::vector<std::pair<std::string, std::string>> args{
        {"year", std::to_string(parsed->year)}, {"expected", std::to_string(*year)}};
    Error e{ErrorCode::kInvalidArgument, "error.calendar.other_year", "", {}, args};
    e.fields.push_back({"text", "error.calendar.other_year", args});
    return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  const std::int64_t now = clock_.NowMs();
  ZJ_RETURN_IF_ERROR(store::SaveCalendarYear(
      *lease,
      store::CalendarYearRow{parsed->year, std::string(text),
                             actor.user_id ? std::optional(actor.user_id) : std::nullopt, now}));
  ZJ_RETURN_IF_ERROR(
      audit_.Record(*lease, AuditActor::From(actor),
                    AuditEvent{"calendar.load",
                               "calendar",
                               std::to_string(parsed->year),
                               "ok",
                               actor.remote_addr,
                               {{"days_off", std::to_string(parsed->off.size())},
                                {"days_worked", std::to_string(parsed->work.size())}}}));
  ZJ_ASSIGN_OR_RETURN(StoredYears years, AllYears(*lease));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  auto cal = Build(years);
  book_.Replace(cal);
  return InfoOf(*cal, *parsed, "loaded", now);
}

Result<void> CalendarService::Reload() {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(StoredYears years, AllYears(*lease));
  book_.Replace(Build(years));
  return {};
}

Result<std::vector<CalendarYearInfo>> CalendarService::Years(const Actor& actor) {
  if (actor.role != "admin" && actor.role != "staff") {
    return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  }
  return Years();
}

Result<std::vector<CalendarYearInfo>> CalendarService::Years() {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto years, AllYears(*lease));
  auto cal = Build(years);
  std::vector<CalendarYearInfo> out;
  for (const auto& [year, y] : years.years) {
    const auto loaded = years.loaded_at.find(year);
    const bool is_loaded = loaded != years.loaded_at.end();
    out.push_back(InfoOf(*cal, y, is_loaded ? "loaded" : "shipped",
                         is_loaded ? loaded->second : std::nullopt));
  }
  return out;
}

}  // namespace zj::app

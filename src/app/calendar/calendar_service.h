// The working-day calendars in use: the shipped years (cn-2025, cn-2026) overlaid by the years
// an administrator has loaded (table work_calendar_years, text form of core/calendar). The
// current calendar is an immutable snapshot swapped as a whole, so deadline arithmetic never
// sees half a year; a server picks up years loaded by `zhijia calendar load` when it reloads
// (a periodic job).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/calendar/work_calendar.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! Thread-safe holder of the calendar in use.
class CalendarBook {
 public:
  CalendarBook();  //!< the shipped years only
  std::shared_ptr<const calendar::WorkCalendar> Current() const;
  void Replace(std::shared_ptr<const calendar::WorkCalendar> calendar);

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const calendar::WorkCalendar> current_;
};

struct CalendarYearInfo {
  int year = 0;
  std::string source;  //!< "shipped" or "loaded"
  int working_days = 0;
  int holidays = 0;         //!< weekdays off
  int worked_weekends = 0;  //!< 调休 days
  std::optional<std::int64_t> loaded_at;
};

class CalendarService {
 public:
  CalendarService(store::Database& db, const Clock& clock, AuditService& audit, CalendarBook& book)
      : db_(db), clock_(clock), audit_(audit), book_(book) {}

  //! Parses `text` (one year), stores it in place of that year's earlier text, audits, and
  //! makes it current. Administrators only; a bad text is kInvalidArgument on field "text"
  //! naming the line (error.calendar.*), and so is a text for another year than `year` when
  //! one is given (error.calendar.other_year).
  Result<CalendarYearInfo> Load(const Actor& actor, std::string_view text,
                                std::optional<int> year = std::nullopt);
  //! Rebuilds the current calendar from the shipped and the stored years.
  Result<void> Reload();
  //! Every year known, oldest first.
  Result<std::vector<CalendarYearInfo>> Years();
  //! The same for a signed-in reader: administrators and staff (kPermissionDenied otherwise).
  Result<std::vector<CalendarYearInfo>> Years(const Actor& actor);

 private:
  store::Database& db_;
  const Clock& clock_;
  AuditService& audit_;
  CalendarBook& book_;
};

}  // namespace zj::app

#include "store/work_calendars.h"

namespace zj::store {

namespace {
constexpr Sql kSave{"calendars.save",
                    "INSERT INTO work_calendar_years (year, source, loaded_by, loaded_at)"
                    " VALUES ($1, $2, $3, $4) ON CONFLICT (year) DO UPDATE SET"
                    " source = excluded.source, loaded_by = excluded.loaded_by,"
                    " loaded_at = excluded.loaded_at"};
constexpr Sql kAll{"calendars.all",
                   "SELECT year, source, loaded_by, loaded_at FROM work_calendar_years"
                   " ORDER BY year"};
}  // namespace

Result<void> SaveCalendarYear(Connection& conn, const CalendarYearRow& row) {
  const std::vector<Value> p{std::int64_t{row.year}, row.source,
                             row.loaded_by ? Value(*row.loaded_by) : Value(), row.loaded_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kSave, p));
  return {};
}

Result<std::vector<CalendarYearRow>> CalendarYears(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kAll, {}));
  std::vector<CalendarYearRow> out;
  for (const Row& r : rows) {
    out.push_back({static_cast<int>(r.Int(0)), r.Text(1), r.OptInt(2), r.Int(3)});
  }
  return out;
}

}  // namespace zj::store

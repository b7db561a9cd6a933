// Working-day calendars: GET /api/v1/calendars (administrators and staff read the years known,
// shipped or loaded) and PUT /api/v1/calendars/:year (administrators load one year; the body is
// the text form of src/app/calendar/cn-2026.txt, as text/plain). A bad text is a field error on
// "text" naming the line; the use case in app/calendar decides who may do what.
#include <charconv>

#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json YearJson(const app::CalendarYearInfo& y) {
  return {{"year", y.year},
          {"source", y.source},
          {"working_days", y.working_days},
          {"holidays", y.holidays},
          {"worked_weekends", y.worked_weekends},
          {"loaded_at", y.loaded_at ? nlohmann::json(*y.loaded_at) : nlohmann::json(nullptr)}};
}

Result<Reply> ListCalendars(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto years, call.app.calendars().Years(*call.actor));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& y : years) out.push_back(YearJson(y));
  return Reply{beast_http::status::ok, std::move(out)};
}

Result<Reply> LoadCalendar(Call& call) {
  const std::string& text = call.params["year"];
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() != 4) {
    return Fail(Error{ErrorCode::kNotFound,
                      "error.route_not_found",
                      text,
                      {},
                      {{"path", std::string(call.request.target())}}});
  }
  ZJ_ASSIGN_OR_RETURN(app::CalendarYearInfo info,
                      call.app.calendars().Load(*call.actor, call.request.body(), year));
  return Reply{beast_http::status::ok, YearJson(info)};
}

}  // namespace

void AddCalendarRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/calendars", Access::kSession, ListCalendars});
  routes.push_back({verb::put, "/api/v1/calendars/:year", Access::kSession, LoadCalendar});
}

}  // namespace zj::http

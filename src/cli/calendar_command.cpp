// `zhijia calendar load FILE` and `zhijia calendar list`: the working-day calendars that
// service deadlines run on (acting as the system administrator). A running server picks up a
// loaded year within minutes (it reloads the calendars periodically).
#include <iostream>

#include "app/application.h"
#include "cli/commands.h"

namespace zj::cli {

namespace {

void PrintYear(const app::CalendarYearInfo& y) {
  std::cout << i18n::Translate(
                   CliLocale(), "cli.calendar.year",
                   {{"year", std::to_string(y.year)},
                    {"source", i18n::Translate(CliLocale(), "cli.calendar." + y.source)},
                    {"working_days", std::to_string(y.working_days)},
                    {"holidays", std::to_string(y.holidays)},
                    {"worked", std::to_string(y.worked_weekends)}})
            << "\n";
}

int RunLoad(const GlobalOptions& global, const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return ReportError(text.error());
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  auto loaded = (*runtime)->app->calendars().Load(app::SystemActor(), *text);
  if (!loaded) {
    Error e = loaded.error();
    e.detail = path + ": " + e.detail;  // the message names the line, this the file
    return ReportError(e);
  }
  PrintYear(*loaded);
  return kExitOk;
}

int RunList(const GlobalOptions& global) {
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  auto years = (*runtime)->app->calendars().Years();
  if (!years) return ReportError(years.error());
  for (const auto& y : *years) PrintYear(y);
  return kExitOk;
}

}  // namespace

void AddCalendarCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* calendar = app.add_subcommand("calendar", "Working-day calendars (工作日历)");
  calendar->require_subcommand(1);
  auto* load = calendar->add_subcommand(
      "load", "Load one year's holidays and adjusted working days from a text file");
  auto path = std::make_shared<std::string>();
  load->add_option("FILE", *path, "The year's calendar (see app/calendar/cn-2026.txt)")->required();
  load->callback(
      [&global, &run, path] { run = [&global, path] { return RunLoad(global, *path); }; });
  auto* list = calendar->add_subcommand("list", "List the years known, shipped or loaded");
  list->callback([&global, &run] { run = [&global] { return RunList(global); }; });
}

}  // namespace zj::cli

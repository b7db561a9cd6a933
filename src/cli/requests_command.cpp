// `zhijia requests sweep [--now TIME]`: runs the escalation sweep once, as the system, and
// prints how many requests went up the tree and how many follow-up visits were opened.
// --now (ISO 8601 with a zone, e.g. 2026-12-10T09:00:00+08:00) runs it as if at that instant:
// for rehearsals and for the browser tests, which make deadlines lapse this way instead of
// through a hidden endpoint. Safe beside a running server (the sweep takes its own
// transactions, and SQLite's WAL lets both write in turn).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "app/application.h"
#include "app/requests/request_service.h"
#include "cli/commands.h"

namespace zj::cli {

namespace {

//! Unix ms of "YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)", or nothing when it is not that shape.
std::optional<std::int64_t> ParseInstant(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &consumed) != 5) {
    return std::nullopt;
  }
  std::string rest = text.substr(static_cast<std::size_t>(consumed));
  if (rest.size() >= 3 && rest[0] == ':') {
    int used = 0;
    if (std::sscanf(rest.c_str(), ":%2d%n", &s, &used) != 1) return std::nullopt;
    rest = rest.substr(static_cast<std::size_t>(used));
  }
  int offset_min = 0;
  if (rest == "Z") {
    offset_min = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    int oh = 0, om = 0;
    if (std::sscanf(rest.c_str() + 1, "%2d:%2d", &oh, &om) != 2) return std::nullopt;
    offset_min = (rest[0] == '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{unsigned(mo)},
                                        std::chrono::day{unsigned(d)}};
  if (!day.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
  const auto days = std::chrono::sys_days{day}.time_since_epoch().count();
  const std::int64_t seconds = static_cast<std::int64_t>(days) * 86400 + h * 3600 + mi * 60 + s -
                               static_cast<std::int64_t>(offset_min) * 60;
  return seconds * 1000;
}

int RunSweep(const GlobalOptions& global, const std::string& now) {
  std::optional<std::int64_t> at;
  if (!now.empty()) {
    at = ParseInstant(now);
    if (!at) {
      std::cerr << i18n::Translate(CliLocale(), "cli.requests.bad_time", {{"time", now}}) << "\n";
      return kExitUsage;
    }
  }
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  app::Application& application = *(*runtime)->app;
  Result<app::SweepReport> report = [&]() -> Result<app::SweepReport> {
    if (!at) return application.requests().Sweep();
    // The same use case on a clock standing at --now.
    app::FixedClock clock(*at);
    app::RequestService at_time(application.db(), clock, (*runtime)->random, application.audit(),
                                application.vault(), application.calendar_book());
    return at_time.Sweep();
  }();
  if (!report) return ReportError(report.error());
  std::cout << i18n::Translate(CliLocale(), "cli.requests.swept",
                               {{"escalated", std::to_string(report->escalated)},
                                {"follow_ups", std::to_string(report->follow_ups)}})
            << "\n";
  return kExitOk;
}

}  // namespace

void AddRequestsCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* requests = app.add_subcommand("requests", "Service requests (诉求)");
  requests->require_subcommand(1);
  auto* sweep = requests->add_subcommand(
      "sweep", "Escalate requests whose deadlines lapsed and open due follow-up visits, once");
  auto now = std::make_shared<std::string>();
  sweep->add_option(
      "--now", *now,
      "Run as if at this instant (ISO 8601 with zone, e.g. 2026-12-10T09:00:00+08:00)");
  sweep->callback(
      [&global, &run, now] { run = [&global, now] { return RunSweep(global, *now); }; });
}

}  // namespace zj::cli

// `zhijia coverage verify`: recounts every coverage rollup from the enterprises and prints each
// difference; exit 1 when there is any.
#include <iostream>

#include "app/application.h"
#include "cli/commands.h"

namespace zj::cli {

namespace {

int RunVerify(const GlobalOptions& global) {
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  auto report = (*runtime)->app->coverage().Verify();
  if (!report) return ReportError(report.error());
  const auto locale = CliLocale();
  for (const auto& d : report->differences) {
    std::cout << i18n::Translate(locale, "cli.coverage.difference",
                                 {{"org", d.org_code},
                                  {"figure", d.figure},
                                  {"stored", std::to_string(d.stored)},
                                  {"recounted", std::to_string(d.recounted)}})
              << "\n";
  }
  std::cout << i18n::Translate(locale,
                               report->differences.empty() ? "cli.coverage.verified"
                                                           : "cli.coverage.differences",
                               {{"orgs", std::to_string(report->orgs)},
                                {"enterprises", std::to_string(report->enterprises)},
                                {"count", std::to_string(report->differences.size())}})
            << "\n";
  return report->differences.empty() ? kExitOk : kExitFailure;
}

}  // namespace

void AddCoverageCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* coverage = app.add_subcommand("coverage", "Coverage figures (覆盖面)");
  coverage->require_subcommand(1);
  auto* verify = coverage->add_subcommand(
      "verify", "Recount every rollup from scratch and report differences (exit 1 if any)");
  verify->callback([&global, &run] { run = [&global] { return RunVerify(global); }; });
}

}  // namespace zj::cli

// `zhijia standards load FILE`: the region-year standards of hardship files (the local 低保
// line per region and year, issue 20) from a CSV (UTF-8 or GBK) or XLSX table, acting as the
// system administrator through the same use case as the API. Each bad row is reported as
// "FILE: row R, column C: message" and the good rows are kept; exit code 1 when any row failed
// or the file cannot be read.
#include <iostream>

#include "app/accounts/user_directory.h"
#include "app/imports/table_import.h"
#include "cli/commands.h"
#include "cli/import_output.h"

namespace zj::cli {

namespace {

struct LoadOptions {
  std::string file;
  bool json = false;
};

int RunLoad(const GlobalOptions& global, const LoadOptions& o) {
  const auto fail = [&o](Error e) { return ReportImportFailure(std::move(e), o.file, o.json); };
  auto table = ReadSmallTable(o.file);
  if (!table) return fail(std::move(table).error());
  auto runtime = OpenRuntime(global);
  if (!runtime) return fail(std::move(runtime).error());
  app::Application& application = *(*runtime)->app;
  auto report = application.standards().LoadTable(app::SystemActor(), *table);
  if (!report) return fail(std::move(report).error());
  const auto locale = CliLocale();
  if (o.json) {
    nlohmann::json problems = RowProblemsJson(report->problems, locale);
    const nlohmann::json j{{"file", o.file},
                           {"encoding", report->encoding},
                           {"loaded", report->created},
                           {"failed_rows", report->failed_rows},
                           {"problems", std::move(problems)}};
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return report->failed_rows == 0 ? kExitOk : kExitFailure;
  }
  PrintRowProblems(report->problems, o.file, locale);
  std::cout << i18n::Translate(locale, "cli.standards.loaded",
                               {{"file", o.file},
                                {"loaded", std::to_string(report->created)},
                                {"failed", std::to_string(report->failed_rows)}})
            << "\n";
  return report->failed_rows == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void AddStandardsCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* standards = app.add_subcommand(
      "standards", "Region-year standards of hardship files (acting as the administrator)");
  standards->require_subcommand(1);
  auto* load = standards->add_subcommand(
      "load",
      "Load 低保 lines from XLSX or CSV: region_code,year,dibao_monthly_yuan,source"
      "[,sudden_cost_pct,sudden_medical_pct]");
  auto o = std::make_shared<LoadOptions>();
  load->add_option("FILE", o->file, "The XLSX or CSV file")->required();
  load->add_flag("--json", o->json, "Print the outcome (or the error) as JSON");
  load->callback([&global, &run, o] { run = [&global, o] { return RunLoad(global, *o); }; });
}

}  // namespace zj::cli

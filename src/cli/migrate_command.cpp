// `zhijia migrate`: brings the database schema to this program's version.
#include <iostream>

#include "cli/commands.h"
#include "store/migrations.h"

namespace zj::cli {

void AddMigrateCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  cmd->callback([&global, &run] {
    run = [&global] {
      auto db = OpenDatabase(global);
      if (!db) return ReportError(db.error());
      auto report = store::Migrate(**db);
      if (!report) return ReportError(report.error());
      if (report->applied.empty()) {
        std::cout << i18n::Translate(CliLocale(), "cli.migrate.current",
                                     {{"version", std::to_string(report->to_version)}})
                  << "\n";
      } else {
        std::cout << i18n::Translate(CliLocale(), "cli.migrate.done",
                                     {{"from", std::to_string(report->from_version)},
                                      {"to", std::to_string(report->to_version)}})
                  << "\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace zj::cli

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.h"

namespace zj::cli {

int RunCli(int argc, char** argv) {
  CLI::App app{"Zhijia (职工之家): service platform for trade union federations", "zhijia"};
  app.require_subcommand(1);
  app.fallthrough();  // `zhijia migrate --db X` works as well as `zhijia --db X migrate`
  GlobalOptions global;
  app.add_option("--db", global.db,
                 "Database: sqlite:PATH (default sqlite:./data/zhijia.db) or postgresql://...")
      ->envname("ZHIJIA_DB");
  app.add_option("--key-file", global.key_file,
                 "Personal-data key file (default ./data/zhijia.key; created with mode 0600)")
      ->envname("ZHIJIA_KEY_FILE");
  app.add_option("--log-level", global.log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

  Runner run;
  AddServeCommand(app, global, run);
  AddMigrateCommand(app, global, run);
  AddDemoCommand(app, global, run);
  AddVersionCommand(app, global, run);
  AddUsersCommand(app, global, run);
  AddKeysCommand(app, global, run);
  AddOrgsCommand(app, global, run);
  AddEnterprisesCommand(app, global, run);
  AddCoverageCommand(app, global, run);
  AddRequestsCommand(app, global, run);
  AddCalendarCommand(app, global, run);
  AddMembersCommand(app, global, run);
  AddStandardsCommand(app, global, run);
  AddAidCommand(app, global, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::RequiredError& e) {
    // `zhijia frob`: CLI11 reports a missing subcommand; name the word it did not know instead.
    const auto extra = app.remaining();
    if (!extra.empty()) {
      std::cerr << "zhijia: unknown subcommand '" << extra.front()
                << "' (choose serve, migrate, demo, users or version; run 'zhijia --help')"
                << std::endl;
    } else {
      std::cerr << "zhijia: " << e.what() << " (run 'zhijia --help' for usage)" << std::endl;
    }
    return kExitUsage;
  } catch (const CLI::ParseError& e) {
    // One line, naming what was wrong, instead of CLI11's multi-line default.
    std::cerr << "zhijia: " << e.what() << " (run 'zhijia --help' for usage)" << std::endl;
    return kExitUsage;
  }

  // Logs go to stderr, so stdout stays for the command's own output.
  auto logger = spdlog::stderr_color_mt("zhijia");
  logger->set_pattern(kLogPattern);
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(global.log_level));
  try {
    return run();
  } catch (const std::exception& e) {
    // A bug or a broken environment: one line, non-zero exit.
    std::cerr << "zhijia: internal error: " << e.what() << std::endl;
    return kExitFailure;
  }
}

}  // namespace zj::cli

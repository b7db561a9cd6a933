// `zhijia demo`: loads the demo federation and prints the demo administrator's login.
#include <iostream>

#include "app/application.h"
#include "cli/commands.h"
#include "store/migrations.h"

namespace zj::cli {

void AddDemoCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* cmd = app.add_subcommand(
      "demo", "Load demo data (Beijing federation tree, demo accounts); safe to run again");
  auto password = std::make_shared<std::string>();
  cmd->add_option("--admin-password", *password,
                  "Password for the demo administrator 'admin' (default: a new random one)")
      ->envname("ZHIJIA_DEMO_PASSWORD");
  cmd->callback([&global, &run, password] {
    run = [&global, password] {
      auto db = OpenDatabase(global);
      if (!db) return ReportError(db.error());
      if (auto m = store::Migrate(**db); !m) return ReportError(m.error());
      app::SystemClock clock;
      app::SecureRandom random;
      app::Application application(**db, clock, random);
      app::DemoOptions options;
      if (!password->empty()) options.admin_password = *password;
      auto report = application.demo().Load(options);
      if (!report) return ReportError(report.error());
      std::cout << "demo data loaded: " << report->orgs_created << " organisations added, "
                << report->orgs_total << " in total\n"
                << "demo administrator: user '" << report->admin_username << "', password '"
                << report->admin_password << "'\n";
      return kExitOk;
    };
  });
}

}  // namespace zj::cli

// `zhijia demo`: loads the demo federation and prints the demo administrator's login.
#include <iostream>

#include "app/application.h"
#include "cli/commands.h"

namespace zj::cli {

void AddDemoCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* cmd = app.add_subcommand(
      "demo", "Load demo data (Beijing federation tree, demo accounts); safe to run again");
  auto password = std::make_shared<std::string>();
  cmd->add_option(
         "--admin-password", *password,
         "Password for every demo account, the administrator 'admin' among them (default: a new "
         "random one each)")
      ->envname("ZHIJIA_DEMO_PASSWORD");
  auto scale = std::make_shared<int>(1);
  auto seed = std::make_shared<std::uint64_t>(2026);
  cmd->add_option("--scale", *scale,
                  "Enterprises: 30 per street times this (0: none; 20 makes ~200,000)")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--seed", *seed, "Seed of the generated enterprises (same seed, same data)");
  cmd->callback([&global, &run, password, scale, seed] {
    run = [&global, password, scale, seed] {
      auto runtime = OpenRuntime(global);
      if (!runtime) return ReportError(runtime.error());
      app::DemoOptions options;
      if (!password->empty()) options.admin_password = *password;
      options.enterprises_per_street = 30 * *scale;
      options.seed = *seed;
      auto report = (*runtime)->app->demo().Load(options);
      if (!report) return ReportError(report.error());
      const auto locale = CliLocale();
      std::cout << i18n::Translate(locale, "cli.demo.loaded",
                                   {{"created", std::to_string(report->orgs_created)},
                                    {"total", std::to_string(report->orgs_total)}})
                << "\n";
      if (report->enterprises_created > 0) {
        std::cout << i18n::Translate(locale, "cli.demo.enterprises",
                                     {{"count", std::to_string(report->enterprises_created)}})
                  << "\n";
      }
      if (report->members_created > 0) {
        std::cout << i18n::Translate(locale, "cli.demo.members",
                                     {{"count", std::to_string(report->members_created)}})
                  << "\n";
      }
      for (const auto& account : report->accounts) {
        const bool admin = account.username == report->admin_username;
        std::cout << i18n::Translate(locale, admin ? "cli.demo.admin" : "cli.demo.account",
                                     {{"username", account.username},
                                      {"password", account.password},
                                      {"role", account.role},
                                      {"org", account.org_name.empty() ? "-" : account.org_name}})
                  << "\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace zj::cli

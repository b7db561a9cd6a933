// `zhijia users add|list|disable|reset-password`: account administration from the command line.
// The command line acts as the system actor, an administrator over every org, so the same use
// cases (and the same password policy) apply as through the API.
#include <iostream>

#include "app/accounts/user_directory.h"
#include "cli/commands.h"

namespace zj::cli {

namespace {

//! Field errors folded into the detail, so the one error line names what was wrong.
int Report(Error error) {
  const auto locale = CliLocale();
  std::string detail;
  for (const auto& f : error.fields) {
    if (!detail.empty()) detail += "; ";
    detail += f.field + ": " + i18n::Translate(locale, f.message_key, f.args);
  }
  if (!detail.empty()) error.detail = detail;
  return ReportError(error);
}

struct AddOptions {
  std::string username;
  std::string display_name;
  std::string role;
  std::string org;
  std::string password;
};

int RunAdd(const GlobalOptions& global, const AddOptions& o) {
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  app::Application& application = *(*runtime)->app;
  const app::Actor system = app::SystemActor();
  app::NewUser user{o.username, o.display_name, o.password, o.role, std::nullopt};
  if (!o.org.empty()) {
    auto org = application.users().OrgIdByCode(system, o.org);
    if (!org) return Report(std::move(org).error());
    user.org_id = *org;
  }
  const bool generated = user.password.empty();
  if (generated) user.password = (*runtime)->random.Token(12);
  auto created = application.users().Create(system, user);
  if (!created) return Report(std::move(created).error());
  const auto locale = CliLocale();
  std::cout << i18n::Translate(locale, "cli.users.created",
                               {{"username", created->username}, {"role", created->role}})
            << "\n";
  if (generated) {
    std::cout << i18n::Translate(locale, "cli.users.password",
                                 {{"username", created->username}, {"password", user.password}})
              << "\n";
  }
  return kExitOk;
}

int RunList(const GlobalOptions& global, const std::string& org_code) {
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  app::Application& application = *(*runtime)->app;
  const app::Actor system = app::SystemActor();
  app::UserFilter filter;
  filter.limit = 200;
  if (!org_code.empty()) {
    auto org = application.users().OrgIdByCode(system, org_code);
    if (!org) return Report(std::move(org).error());
    filter.org_id = *org;
  }
  std::cout << i18n::Translate(CliLocale(), "cli.users.columns") << "\n";
  while (true) {
    auto page = application.users().List(system, filter);
    if (!page) return Report(std::move(page).error());
    for (const auto& u : page->items) {
      std::cout << u.username << '\t' << u.display_name << '\t' << u.role << '\t' << u.status
                << '\t' << (u.org_code.empty() ? "-" : u.org_code) << '\t'
                << (u.org_name.empty() ? "-" : u.org_name) << "\n";
    }
    if (!page->next_cursor) break;
    filter.after_id = *page->next_cursor;
  }
  return kExitOk;
}

int RunDisable(const GlobalOptions& global, const std::string& username) {
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  app::Application& application = *(*runtime)->app;
  const app::Actor system = app::SystemActor();
  auto user = application.users().GetByUsername(system, username);
  if (!user) return Report(std::move(user).error());
  app::UserPatch patch;
  patch.status = "disabled";
  auto updated = application.users().Update(system, user->id, patch);
  if (!updated) return Report(std::move(updated).error());
  std::cout << i18n::Translate(CliLocale(), "cli.users.disabled", {{"username", username}}) << "\n";
  return kExitOk;
}

int RunResetPassword(const GlobalOptions& global, const std::string& username,
                     std::string password) {
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  app::Application& application = *(*runtime)->app;
  const app::Actor system = app::SystemActor();
  auto user = application.users().GetByUsername(system, username);
  if (!user) return Report(std::move(user).error());
  const bool generated = password.empty();
  if (generated) password = (*runtime)->random.Token(12);
  auto reset = application.users().ResetPassword(system, user->id, password);
  if (!reset) return Report(std::move(reset).error());
  const auto locale = CliLocale();
  std::cout << i18n::Translate(locale, "cli.users.password_reset", {{"username", username}})
            << "\n";
  if (generated) {
    std::cout << i18n::Translate(locale, "cli.users.password",
                                 {{"username", username}, {"password", password}})
              << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddUsersCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* users = app.add_subcommand("users", "Manage accounts (acting as the system administrator)");
  users->require_subcommand(1);

  auto* add = users->add_subcommand("add", "Create an account");
  auto add_options = std::make_shared<AddOptions>();
  add->add_option("--username", add_options->username, "3-32 of a-z 0-9 . _ -")->required();
  add->add_option("--display-name", add_options->display_name, "Name shown to others")->required();
  add->add_option("--role", add_options->role, "worker, cadre, staff, operator or admin")
      ->required();
  add->add_option("--org", add_options->org,
                  "Code of the org the account belongs to (required for all roles but worker)");
  add->add_option("--password", add_options->password,
                  "Initial password (default: a new random one, printed)");
  add->callback([&global, &run, add_options] {
    run = [&global, add_options] { return RunAdd(global, *add_options); };
  });

  auto* list = users->add_subcommand("list", "List accounts as a table");
  auto org = std::make_shared<std::string>();
  list->add_option("--org", *org, "Only accounts of this org's subtree (by org code)");
  list->callback([&global, &run, org] { run = [&global, org] { return RunList(global, *org); }; });

  auto* disable = users->add_subcommand("disable", "Disable an account and end its sessions");
  auto disable_name = std::make_shared<std::string>();
  disable->add_option("username", *disable_name, "The account's user name")->required();
  disable->callback([&global, &run, disable_name] {
    run = [&global, disable_name] { return RunDisable(global, *disable_name); };
  });

  auto* reset = users->add_subcommand("reset-password",
                                      "Set a new password for an account and end its sessions");
  auto reset_name = std::make_shared<std::string>();
  auto reset_password = std::make_shared<std::string>();
  reset->add_option("username", *reset_name, "The account's user name")->required();
  reset->add_option("--password", *reset_password,
                    "The new password (default: a new random one, printed)");
  reset->callback([&global, &run, reset_name, reset_password] {
    run = [&global, reset_name, reset_password] {
      return RunResetPassword(global, *reset_name, *reset_password);
    };
  });
}

}  // namespace zj::cli

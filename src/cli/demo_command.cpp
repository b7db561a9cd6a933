// `zhijia demo`: loads the demo federation and prints the demo accounts' logins. With
// `--members N` the registry gets N generated members in one bulk load (benchmark data sets); a
// progress line with rows/s is drawn on stderr when it is a terminal. With `--history` the demo
// is a federation a year into service (app/demo/demo_history.h), and each account's line says
// what it can try.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/application.h"
#include "app/demo/demo_cases.h"
#include "app/demo/demo_history.h"
#include "app/demo/demo_park_competition.h"
#include "app/demo/demo_requests.h"
#include "cli/commands.h"
#include "core/members/calendar_date.h"

namespace zj::cli {

namespace {

// Members written of the total and the rate, redrawn in place (like `members import`).
class LoadProgress {
 public:
  explicit LoadProgress(std::int64_t total)
      : on_(::isatty(STDERR_FILENO) == 1),
        total_(total),
        start_(std::chrono::steady_clock::now()) {}
  void Update(std::int64_t rows, bool indexing) {
    if (!on_) return;
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = s > 0 ? static_cast<double>(rows) / s : 0;
    std::fprintf(stderr, "\r%lld/%lld members, %.0f rows/s ", static_cast<long long>(rows),
                 static_cast<long long>(total_), rate);
    if (indexing) {
      std::fprintf(stderr, "\n%s", i18n::Translate(CliLocale(), "cli.demo.indexes", {}).c_str());
    }
    std::fflush(stderr);
    drawn_ = true;
  }
  ~LoadProgress() {
    if (drawn_) std::fputc('\n', stderr);
  }

 private:
  bool on_;
  std::int64_t total_;
  std::chrono::steady_clock::time_point start_;
  bool drawn_ = false;
};

//! The replay's progress: the day it has reached, redrawn in place on a terminal.
class HistoryProgress {
 public:
  HistoryProgress() : on_(::isatty(STDERR_FILENO) == 1) {}
  void Update(std::int64_t at_ms) {
    if (!on_) return;
    const std::string date = members::FormatDate(members::Date{calendar::LocalDay(at_ms)});
    std::fprintf(
        stderr, "\r%s ",
        i18n::Translate(CliLocale(), "cli.demo.history_progress", {{"date", date}}).c_str());
    std::fflush(stderr);
    drawn_ = true;
  }
  ~HistoryProgress() {
    if (drawn_) std::fputc('\n', stderr);
  }

 private:
  bool on_;
  bool drawn_ = false;
};

void PrintLoaded(const app::DemoReport& report) {
  const auto locale = CliLocale();
  std::cout << i18n::Translate(locale, "cli.demo.loaded",
                               {{"created", std::to_string(report.orgs_created)},
                                {"total", std::to_string(report.orgs_total)}})
            << "\n";
  if (report.enterprises_created > 0) {
    std::cout << i18n::Translate(locale, "cli.demo.enterprises",
                                 {{"count", std::to_string(report.enterprises_created)}})
              << "\n";
  }
  if (report.members_created > 0) {
    std::cout << i18n::Translate(locale, "cli.demo.members",
                                 {{"count", std::to_string(report.members_created)}})
              << "\n";
  }
}

//! The members a year-old demo federation has registered when --members is not given.
constexpr std::int64_t kHistoryMembers = 4000;

void PrintAccounts(const app::DemoReport& report, const app::DemoHistoryReport* history) {
  const auto locale = CliLocale();
  for (const auto& account : report.accounts) {
    const bool admin = account.username == report.admin_username;
    std::cout << i18n::Translate(locale, admin ? "cli.demo.admin" : "cli.demo.account",
                                 {{"username", account.username},
                                  {"password", account.password},
                                  {"role", account.role},
                                  {"org", account.org_name.empty() ? "-" : account.org_name}})
              << "\n";
    if (history != nullptr) {
      std::cout << i18n::Translate(locale, "cli.demo.try." + account.username,
                                   {{"number", history->worker_tracking_number},
                                    {"last4", history->worker_phone_last4}})
                << "\n";
    }
  }
  if (report.worker) {
    // Workers sign in to the portal by phone: the code is in the server's log.
    std::cout << i18n::Translate(locale, "cli.demo.worker",
                                 {{"phone", report.worker->phone},
                                  {"member", report.worker->member_name.value_or("-")}})
              << "\n";
    if (history != nullptr) {
      std::cout << i18n::Translate(locale, "cli.demo.try.worker.demo",
                                   {{"number", history->worker_tracking_number},
                                    {"last4", history->worker_phone_last4}})
                << "\n";
    }
  }
}

}  // namespace

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
  cmd->add_option("--seed", *seed,
                  "Seed of the generated enterprises and members (same seed, same data)");
  auto members = std::make_shared<std::int64_t>(-1);
  cmd->add_option("--members", *members,
                  "Generate this many members over all grassroots unions in one bulk load, "
                  "into an empty registry only (default: a few demo members through the "
                  "registry)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000'000}));
  auto requests = std::make_shared<std::int64_t>(0);
  auto* requests_option =
      cmd->add_option("--requests", *requests,
                      "Register this many service requests through the hotline and move most of "
                      "them along (accept, resolve, rate), when there are none yet")
          ->check(CLI::Range(std::int64_t{0}, std::int64_t{10'000'000}));
  auto cases = std::make_shared<std::int64_t>(0);
  auto* cases_option =
      cmd->add_option("--cases", *cases,
                      "Generate this many active hardship files over all grassroots unions, each "
                      "with four paid aid grants, when there are none yet (benchmark data sets)")
          ->check(CLI::Range(std::int64_t{0}, std::int64_t{10'000'000}));
  auto competition = std::make_shared<std::string>();
  auto* competition_option =
      cmd->add_option("--competition", *competition,
                      "Generate a park labour competition of the city federation, listed and "
                      "fully marked: 'seed' (400 enterprises, 42,000 team places, 4,000 teams, "
                      "400 individuals, 50 judges judge.park.NN, 5 marks an entry) or 'ten' (ten "
                      "times that, judges judge.park10.NN); its teams take the registry's members "
                      "(load enough with --members), once per database")
          ->check(CLI::IsMember({"seed", "ten"}));
  auto history = std::make_shared<bool>(false);
  cmd->add_flag("--history", *history,
                "A federation a year into service: 4,000 members (or --members), a year of "
                "requests handled, escalated, rated and visited, member transfers and roster "
                "imports, and work waiting for each demo account (once per database)")
      ->excludes(requests_option)
      ->excludes(cases_option)
      ->excludes(competition_option);
  cmd->callback([&global, &run, password, scale, seed, members, requests, cases, competition,
                 history] {
    run = [&global, password, scale, seed, members, requests, cases, competition, history] {
      // Generated data, generated again when lost: commits need not wait for the disk.
      store::OpenOptions open;
      open.durable_commits = false;
      // The history runs the use cases at past instants on a clock it sets.
      app::FixedClock history_clock(app::SystemClock().NowMs());
      auto runtime = OpenRuntime(global, open, *history ? &history_clock : nullptr);
      if (!runtime) return ReportError(runtime.error());
      app::DemoOptions options;
      if (!password->empty()) options.admin_password = *password;
      options.enterprises_per_street = 30 * *scale;
      options.seed = *seed;
      std::optional<LoadProgress> progress;
      if (*members >= 0) {
        options.bulk_members = *members;
        progress.emplace(*members);
        options.progress = [&progress](std::int64_t rows, bool indexing) {
          progress->Update(rows, indexing);
        };
      }
      if (*history) {
        if (!options.bulk_members) options.bulk_members = kHistoryMembers;
        app::DemoHistoryOptions replay;
        replay.roster_dir = (std::filesystem::temp_directory_path() / "zhijia-imports").string();
        HistoryProgress shown;
        replay.progress = [&progress, &shown](std::int64_t at) {
          progress.reset();  // the bulk load is over once the replay moves
          shown.Update(at);
        };
        auto loaded = app::LoadDemoHistory(*(*runtime)->app, history_clock, options, replay);
        progress.reset();
        if (!loaded) return ReportError(loaded.error());
        PrintLoaded(loaded->demo);
        const auto locale = CliLocale();
        if (loaded->requests > 0) {
          std::cout << i18n::Translate(locale, "cli.demo.history",
                                       {{"requests", std::to_string(loaded->requests)},
                                        {"escalations", std::to_string(loaded->escalations)},
                                        {"follow_ups", std::to_string(loaded->follow_ups)},
                                        {"members", std::to_string(loaded->members_recorded)},
                                        {"transfers", std::to_string(loaded->transfers)},
                                        {"imports", std::to_string(loaded->imports)}})
                    << "\n";
          std::cout << i18n::Translate(locale, "cli.demo.history_hardship",
                                       {{"files", std::to_string(loaded->hardship_files)},
                                        {"grants", std::to_string(loaded->aid_grants)},
                                        {"standards", std::to_string(loaded->standards)}})
                    << "\n";
          if (loaded->park_entries > 0) {
            std::cout << i18n::Translate(locale, "cli.demo.history_park",
                                         {{"entries", std::to_string(loaded->park_entries)},
                                          {"scores", std::to_string(loaded->park_scores)}})
                      << "\n";
          }
        } else {
          std::cout << i18n::Translate(locale, "cli.demo.history_present", {}) << "\n";
        }
        PrintAccounts(loaded->demo, loaded->requests > 0 ? &*loaded : nullptr);
        return kExitOk;
      }
      auto report = (*runtime)->app->demo().Load(options);
      progress.reset();
      if (!report) return ReportError(report.error());
      PrintLoaded(*report);
      const auto locale = CliLocale();
      if (*requests > 0) {
        app::Application& application = *(*runtime)->app;
        auto added =
            app::LoadDemoRequests(application.db(), application.requests(), *requests, *seed);
        if (!added) return ReportError(added.error());
        std::cout << i18n::Translate(locale, "cli.demo.requests",
                                     {{"count", std::to_string(*added)}})
                  << "\n";
      }
      if (*cases > 0) {
        app::Application& application = *(*runtime)->app;
        auto added = app::LoadDemoCases(application.db(), application.clock(), (*runtime)->random,
                                        application.vault(), *cases);
        if (!added) return ReportError(added.error());
        std::cout << i18n::Translate(locale, "cli.demo.cases",
                                     {{"files", std::to_string(added->files)},
                                      {"grants", std::to_string(added->grants)}})
                  << "\n";
      }
      if (!competition->empty()) {
        app::Application& application = *(*runtime)->app;
        app::ParkCompetitionSpec spec = *competition == "ten" ? app::ParkCompetitionSpec::TenTimes()
                                                              : app::ParkCompetitionSpec::Seed();
        spec.seed = *seed;
        spec.judge_password = report->admin_password;
        auto loaded =
            app::LoadParkCompetition(application.db(), application.clock(), (*runtime)->random,
                                     app::PasswordCost::Interactive(), spec);
        if (!loaded) return ReportError(loaded.error());
        if (loaded->competition_id == 0) {
          std::cout << i18n::Translate(locale, "cli.demo.competition_present", {}) << "\n";
        } else {
          std::cout << i18n::Translate(locale, "cli.demo.competition",
                                       {{"entries", std::to_string(loaded->entries)},
                                        {"enterprises", std::to_string(loaded->enterprises)},
                                        {"teams", std::to_string(loaded->teams)},
                                        {"individuals", std::to_string(loaded->individuals)},
                                        {"places", std::to_string(loaded->team_places)},
                                        {"workers", std::to_string(loaded->distinct_workers)},
                                        {"judges", std::to_string(loaded->judges)},
                                        {"prefix", spec.judge_prefix},
                                        {"scores", std::to_string(loaded->scores)}})
                    << "\n";
        }
      }
      PrintAccounts(*report, nullptr);
      return kExitOk;
    };
  });
}

}  // namespace zj::cli

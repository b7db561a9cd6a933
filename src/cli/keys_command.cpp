// `zhijia keys rotate [--batch N]`: adds a personal-data key version to the key file and
// re-encrypts every sealed value with it, batch by batch; run again after an interruption, it
// resumes. A running `zhijia serve` follows the key file (app::Vault::Follow), so it goes on
// reading and writing personal data while this runs.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "app/personal_data/key_rotation.h"
#include "cli/commands.h"

namespace zj::cli {

namespace {

// A one-line progress bar on stderr, redrawn in place on a terminal and printed only at the
// end otherwise. Hand-written: Debian packages no progress-bar library for C++ (indicators,
// tqdm.cpp and the like are not packaged), and this is twenty lines.
class ProgressBar {
 public:
  ProgressBar() : tty_(::isatty(STDERR_FILENO) == 1) {}
  void Update(std::int64_t done, std::int64_t total) {
    if (!tty_ && done < total) return;
    constexpr int kWidth = 30;
    const int filled = total > 0 ? static_cast<int>(done * kWidth / total) : kWidth;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(kWidth - filled), '.');
    const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
    std::fprintf(stderr, "%s[%s] %3d%% %lld/%lld", tty_ ? "\r" : "", bar.c_str(), percent,
                 static_cast<long long>(done), static_cast<long long>(total));
    if (!tty_ || done >= total) std::fputc('\n', stderr);
    std::fflush(stderr);
    finished_ = done >= total;
  }
  bool finished() const { return finished_; }

 private:
  bool tty_;
  bool finished_ = false;
};

}  // namespace

void AddKeysCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* keys = app.add_subcommand("keys", "Manage the personal-data key file");
  keys->require_subcommand(1);
  auto* rotate = keys->add_subcommand(
      "rotate", "Add a new key version and re-encrypt personal data with it (resumable)");
  auto batch = std::make_shared<int>(500);
  rotate->add_option("--batch", *batch, "Rows re-encrypted per transaction")
      ->check(CLI::Range(1, 100000));
  rotate->callback([&global, &run, batch] {
    run = [&global, batch] {
      auto runtime = OpenRuntime(global);
      if (!runtime) return ReportError(runtime.error());
      app::Application& application = *(*runtime)->app;
      app::KeyFile file = KeyFileOf(global);
      app::KeyRotation rotation(application.db(), application.vault(), file, application.audit());
      ProgressBar bar;
      app::RotationOptions options;
      options.batch = *batch;
      // Servers beside it take up the new key within kKeyFollowInterval; rows they sealed with
      // the old one before that are looked for again before the old key is dropped.
      options.settle = 3 * app::kKeyFollowInterval;
      options.progress = [&bar](std::int64_t done, std::int64_t total) { bar.Update(done, total); };
      auto report = rotation.Run(options);
      if (!report) return ReportError(report.error());
      if (!bar.finished()) bar.Update(report->rows, report->rows);
      std::cout << i18n::Translate(CliLocale(), "cli.keys.rotated",
                                   {{"version", std::to_string(report->to_version)},
                                    {"rows", std::to_string(report->rows)}})
                << "\n";
      return kExitOk;
    };
  });
}

}  // namespace zj::cli

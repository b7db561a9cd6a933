// What every subcommand shares: the global options, opening the store, and printing an error
// as one translated line (the locale comes from LANG/LC_ALL: zh* → zh-CN, otherwise en).
#pragma once

#include <memory>
#include <string>

#include "app/application.h"
#include "app/clock.h"
#include "core/i18n/messages.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::cli {

struct GlobalOptions {
  std::string db;  //!< --db or ZHIJIA_DB; empty → the default
  std::string log_level = "info";
  std::string key_file;  //!< --key-file or ZHIJIA_KEY_FILE; empty → ./data/zhijia.key
};

//! The layout of a log line: time, level, message.
inline constexpr const char* kLogPattern = "%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v";

//! Exit codes: 0 success, 1 the operation failed, 2 bad command line.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

i18n::Locale CliLocale();

//! Prints "zhijia: <message> (<detail>)" to stderr and returns the exit code for the error.
int ReportError(const Error& error);

//! Like ReportError, with the error's field errors folded into the line ("code: message; ...").
int ReportWithFields(Error error);

//! Parses the --db value and opens the database; the error says which database failed.
Result<std::unique_ptr<store::Database>> OpenDatabase(const GlobalOptions& options,
                                                      const store::OpenOptions& open = {});

//! The opened and migrated store with the real clock and randomness, and the use cases on it.
//! Members are destroyed in reverse order, so the use cases go before the store closes.
struct Runtime {
  std::unique_ptr<store::Database> db;
  app::SystemClock clock;
  app::SecureRandom random;
  std::unique_ptr<app::Application> app;
};

//! The personal-data key file named by --key-file (or the default).
app::KeyFile KeyFileOf(const GlobalOptions& options);

//! Opens the database, applies pending migrations, loads the key file (creating it, mode 0600,
//! Opens the database, applies pending migrations, loads the key file (creating it, mode 0600,
//! on first start; refusing one that group or others may read) and builds the Application, on
//! `clock` when given (it must outlive the runtime; the demo's history sets it), else on the
//! real clock, with `jobs` as the background jobs' settings.
Result<std::unique_ptr<Runtime>> OpenRuntime(const GlobalOptions& options,
                                             const store::OpenOptions& open = {},
                                             const app::Clock* clock = nullptr,
                                             app::JobsConfig jobs = {});

//! Where the server keeps its sealed files when --files-dir is not given: a folder "files"
//! beside a SQLite database, ./data/files for PostgreSQL.
std::string DefaultFilesDir(const GlobalOptions& options);

//! The whole file's bytes, or kInvalidArgument "error.import.unreadable" naming it.
Result<std::string> ReadFile(const std::string& path);

}  // namespace zj::cli

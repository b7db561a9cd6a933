#include "cli/command_context.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "store/db_spec.h"
#include "store/migrations.h"

namespace zj::cli {

i18n::Locale CliLocale() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (v != nullptr && *v != '\0')
      return std::string_view(v).starts_with("zh") ? i18n::Locale::kZhCN : i18n::Locale::kEn;
  }
  return i18n::Locale::kEn;
}

int ReportError(const Error& error) {
  std::string line = "zhijia: " + i18n::Translate(CliLocale(), error.message_key, error.args);
  if (!error.detail.empty()) {
    // Library messages (libpq's) span lines; the CLI promises one line per error.
    std::string detail;
    for (char c : error.detail) {
      if (c == '\n' || c == '\t' || c == '\r') {
        if (!detail.empty() && detail.back() != ' ') detail += ' ';
      } else {
        detail += c;
      }
    }
    while (!detail.empty() && detail.back() == ' ') detail.pop_back();
    line += " (" + detail + ")";
  }
  std::cerr << line << std::endl;
  return error.code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

Result<std::unique_ptr<store::Database>> OpenDatabase(const GlobalOptions& options,
                                                      const store::OpenOptions& open) {
  const std::string text = options.db.empty() ? std::string(store::kDefaultDbSpec) : options.db;
  ZJ_ASSIGN_OR_RETURN(store::DbSpec spec, store::ParseDbSpec(text));
  auto db = store::Database::Open(spec, open);
  if (!db) {
    Error e = std::move(db).error();
    e.detail = spec.Redacted() + ": " + e.detail;
    return Fail(std::move(e));
  }
  return db;
}

app::KeyFile KeyFileOf(const GlobalOptions& options) {
  return app::KeyFile(options.key_file.empty() ? std::string(app::kDefaultKeyFile)
                                               : options.key_file);
}

std::string DefaultFilesDir(const GlobalOptions& options) {
  const std::string text = options.db.empty() ? std::string(store::kDefaultDbSpec) : options.db;
  auto spec = store::ParseDbSpec(text);
  if (spec && spec->backend == store::Backend::kSqlite) {
    const auto parent = std::filesystem::path(spec->target).parent_path();
    return ((parent.empty() ? std::filesystem::path(".") : parent) / "files").string();
  }
  return "./data/files";
}

Result<std::unique_ptr<Runtime>> OpenRuntime(const GlobalOptions& options,
                                             const store::OpenOptions& open,
                                             const app::Clock* clock, app::JobsConfig jobs) {
  auto runtime = std::make_unique<Runtime>();
  ZJ_ASSIGN_OR_RETURN(runtime->db, OpenDatabase(options, open));
  ZJ_RETURN_IF_ERROR(store::Migrate(*runtime->db));
  app::KeyFile key_file = KeyFileOf(options);
  app::AppConfig config;
  config.jobs = std::move(jobs);
  ZJ_ASSIGN_OR_RETURN(config.keys, key_file.LoadOrCreate());
  runtime->app = std::make_unique<app::Application>(
      *runtime->db, clock != nullptr ? *clock : runtime->clock, runtime->random, std::move(config));
  return runtime;
}

int ReportWithFields(Error error) {
  const auto locale = CliLocale();
  std::string detail;
  for (const auto& f : error.fields) {
    if (!detail.empty()) detail += "; ";
    detail += f.field + ": " + i18n::Translate(locale, f.message_key, f.args);
  }
  if (!detail.empty()) error.detail = detail;
  return ReportError(error);
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(
        Error{ErrorCode::kInvalidArgument, "error.import.unreadable", path, {}, {{"file", path}}});
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace zj::cli

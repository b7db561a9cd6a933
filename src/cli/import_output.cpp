#include "cli/import_output.h"

#include <fstream>
#include <iostream>

#include "cli/command_context.h"

namespace zj::cli {

bool IsFileError(const Error& error) {
  return error.message_key.starts_with("error.import.") ||
         error.message_key.starts_with("error.roster.");
}

nlohmann::json ErrorJson(const Error& error, i18n::Locale locale) {
  nlohmann::json e{{"code", error.message_key},
                   {"type", ErrorCodeName(error.code)},
                   {"message", i18n::Translate(locale, error.message_key, error.args)}};
  for (const auto& [name, value] : error.args) {
    if (!e.contains(name)) e[name] = value;
  }
  if (!error.fields.empty()) {
    auto& errors = e["errors"] = nlohmann::json::array();
    for (const auto& f : error.fields) {
      errors.push_back({{"field", f.field},
                        {"code", f.message_key},
                        {"message", i18n::Translate(locale, f.message_key, f.args)}});
    }
  }
  return {{"error", std::move(e)}};
}

int ReportImportFailure(Error error, const std::string& file, bool json) {
  bool named = false;
  for (const auto& [name, value] : error.args) named = named || name == "file";
  if (!named) error.args.emplace_back("file", file);
  if (json) {
    std::cout << ErrorJson(error, CliLocale())
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << std::endl;
  }
  const int code = ReportWithFields(error);
  return IsFileError(error) ? kExitFailure : code;
}

Result<app::Table> ReadSmallTable(const std::string& path) {
  constexpr std::streamsize kMaxFileBytes = 4 << 20;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Error e{ErrorCode::kInvalidArgument, "error.import.unreadable", "cannot read " + path, {}, {}};
    e.args.emplace_back("file", path);
    return Fail(std::move(e));
  }
  std::string bytes(static_cast<std::size_t>(kMaxFileBytes) + 1, '\0');
  in.read(bytes.data(), kMaxFileBytes + 1);
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (static_cast<std::streamsize>(bytes.size()) > kMaxFileBytes) {
    Error e{ErrorCode::kInvalidArgument, "error.import.limit.table_bytes", "too large", {}, {}};
    e.args.emplace_back("max", std::to_string(kMaxFileBytes));
    return Fail(std::move(e));
  }
  return app::ParseTable(bytes);
}

nlohmann::json RowProblemsJson(const std::vector<app::RowProblem>& problems, i18n::Locale locale) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : problems) {
    out.push_back({{"row", p.row},
                   {"column", p.column},
                   {"code", p.message_key},
                   {"message", i18n::Translate(locale, p.message_key, p.args)}});
  }
  return out;
}

void PrintRowProblems(const std::vector<app::RowProblem>& problems, const std::string& file,
                      i18n::Locale locale) {
  for (const auto& p : problems) {
    std::cerr << i18n::Translate(locale, "cli.import.row_error",
                                 {{"file", file},
                                  {"row", std::to_string(p.row)},
                                  {"column", p.column.empty() ? "-" : p.column},
                                  {"message", i18n::Translate(locale, p.message_key, p.args)}})
              << "\n";
  }
}

}  // namespace zj::cli

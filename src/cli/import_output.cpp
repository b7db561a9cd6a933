#include "cli/import_output.h"

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

}  // namespace zj::cli

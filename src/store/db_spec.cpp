#include "store/db_spec.h"

#include <regex>

namespace zj::store {

namespace {

Error BadSpec(std::string_view text, std::string why) {
  Error e{ErrorCode::kInvalidArgument, "error.db.spec", std::move(why), {}, {}};
  e.fields.push_back({"db", "error.db.spec", {}});
  e.args.emplace_back("value", std::string(text));
  return e;
}

}  // namespace

Result<DbSpec> ParseDbSpec(std::string_view text) {
  if (text.starts_with("sqlite:")) {
    std::string_view path = text.substr(7);
    if (path.starts_with("//")) path.remove_prefix(2);
    if (path.empty()) return Fail(BadSpec(text, "the SQLite path is empty"));
    return DbSpec{Backend::kSqlite, std::string(path)};
  }
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    // libpq parses the rest; reject only what libpq would surely reject with a vaguer message.
    if (text.find_first_of(" \t\n") != std::string_view::npos) {
      return Fail(BadSpec(text, "the PostgreSQL URI contains white space"));
    }
    return DbSpec{Backend::kPostgres, std::string(text)};
  }
  return Fail(BadSpec(text, ""));  // the message already names the value and the accepted forms
}

std::string DbSpec::Redacted() const {
  if (backend == Backend::kSqlite) return "sqlite:" + target;
  // postgresql://user:secret@host → postgresql://user:***@host; password=secret → password=***
  static const std::regex userinfo(R"(^(postgres(?:ql)?://[^:/@?]*):[^@/?]*@)");
  static const std::regex param(R"((password=)[^&]*)");
  std::string out = std::regex_replace(target, userinfo, "$1:***@");
  return std::regex_replace(out, param, "$1***");
}

}  // namespace zj::store

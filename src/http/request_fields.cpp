// Reading ids, strings and integers out of paths, query strings and JSON bodies, with a field
// error for each malformed one (shared by every route file).
#include <charconv>

#include "http/route.h"

namespace zj::http {

std::optional<std::int64_t> ParseId(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

Result<std::int64_t> PathId(const Call& call) {
  auto it = call.params.find("id");
  if (it != call.params.end()) {
    if (auto id = ParseId(it->second)) return *id;
  }
  return Fail(ErrorCode::kNotFound, "error.not_found", "malformed id");
}

std::optional<std::string> OptionalString(const nlohmann::json& body, const std::string& field,
                                          Error& error) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) return std::nullopt;
  if (!body[field].is_string()) {
    error.fields.push_back({field, "error.field.not_string", {}});
    return std::nullopt;
  }
  return body[field].get<std::string>();
}

std::optional<std::int64_t> OptionalId(const nlohmann::json& body, const std::string& field,
                                       Error& error) {
  const std::size_t before = error.fields.size();
  auto text = OptionalString(body, field, error);
  if (!text) return std::nullopt;
  auto id = ParseId(*text);
  if (!id && error.fields.size() == before) {
    error.fields.push_back({field, "error.field.invalid_id", {}});
  }
  return id;
}

std::optional<std::int64_t> OptionalInteger(const nlohmann::json& body, const std::string& field,
                                            Error& error) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) return std::nullopt;
  if (!body[field].is_number_integer()) {
    error.fields.push_back({field, "error.field.not_integer", {}});
    return std::nullopt;
  }
  return body[field].get<std::int64_t>();
}

Error InvalidInput() {
  return Error{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
}

std::string QueryValue(const std::map<std::string, std::string>& query, const std::string& name) {
  auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
}

int QueryLimit(const std::map<std::string, std::string>& query, int fallback, Error& error) {
  auto it = query.find("limit");
  if (it == query.end() || it->second.empty()) return fallback;
  int value = 0;
  const auto [end, ec] =
      std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  if (ec != std::errc() || end != it->second.data() + it->second.size() || value < 1 ||
      value > 200) {
    error.fields.push_back({"limit", "error.field.out_of_range", {{"min", "1"}, {"max", "200"}}});
    return fallback;
  }
  return value;
}

std::optional<std::int64_t> QueryOptionalId(const std::map<std::string, std::string>& query,
                                            const std::string& name, Error& error) {
  const std::string text = QueryValue(query, name);
  if (text.empty()) return std::nullopt;
  if (auto id = ParseId(text)) return id;
  error.fields.push_back({name, "error.field.invalid_id", {}});
  return std::nullopt;
}

int QueryInt(const std::map<std::string, std::string>& query, const std::string& name, int fallback,
             Error& error) {
  const std::string text = QueryValue(query, name);
  if (text.empty()) return fallback;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    error.fields.push_back({name, "error.field.not_integer", {}});
    return fallback;
  }
  return value;
}

std::int64_t QueryCursor(const std::map<std::string, std::string>& query, const std::string& name,
                         Error& error) {
  const std::string cursor = QueryValue(query, name);
  if (cursor.empty()) return 0;
  if (auto id = ParseId(cursor)) return *id;
  error.fields.push_back({name, "error.field.cursor", {}});
  return 0;
}

}  // namespace zj::http

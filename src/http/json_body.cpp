#include <boost/algorithm/string/predicate.hpp>

#include "http/route.h"

namespace zj::http {

Result<nlohmann::json> JsonBody(const Request& request) {
  const auto type = request[beast_http::field::content_type];
  if (!boost::algorithm::istarts_with(type, "application/json")) {
    return Fail(ErrorCode::kInvalidArgument, "error.unsupported_media_type",
                "content type " + std::string(type));
  }
  auto body = nlohmann::json::parse(request.body(), nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    // Parse again with exceptions for the position, only on this error path.
    std::string position = "0";
    try {
      const auto reparsed = nlohmann::json::parse(request.body());
      static_cast<void>(reparsed);
    } catch (const nlohmann::json::parse_error& e) {
      position = std::to_string(e.byte);
    }
    Error error{ErrorCode::kInvalidArgument,
                "error.json.malformed",
                "malformed JSON near byte " + position,
                {{"body", "error.json.malformed", {{"position", position}}}},
                {{"position", position}}};
    return Fail(std::move(error));
  }
  return body;
}

std::string RequireString(const nlohmann::json& body, const std::string& field, Error& error) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) {
    error.fields.push_back({field, "error.field.required", {}});
    return {};
  }
  if (!body[field].is_string()) {
    error.fields.push_back({field, "error.field.not_string", {}});
    return {};
  }
  std::string value = body[field].get<std::string>();
  if (value.empty()) error.fields.push_back({field, "error.field.required", {}});
  return value;
}

}  // namespace zj::http

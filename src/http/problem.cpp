#include "http/problem.h"

#include <nlohmann/json.hpp>

namespace zj::http {

beast_http::status StatusFor(ErrorCode code) {
  using S = beast_http::status;
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return S::bad_request;
    case ErrorCode::kNotFound:
      return S::not_found;
    case ErrorCode::kAlreadyExists:
      return S::conflict;
    case ErrorCode::kConflict:
      return S::conflict;
    case ErrorCode::kUnauthenticated:
      return S::unauthorized;
    case ErrorCode::kPermissionDenied:
      return S::forbidden;
    case ErrorCode::kResourceExhausted:
      return S::too_many_requests;
    case ErrorCode::kFailedPrecondition:
      return S::conflict;
    case ErrorCode::kUnprocessable:
      return S::unprocessable_entity;
    case ErrorCode::kUnavailable:
      return S::service_unavailable;
    case ErrorCode::kInternal:
      return S::internal_server_error;
  }
  return S::internal_server_error;
}

Response ProblemResponse(const Error& error, i18n::Locale locale, std::string_view instance,
                         unsigned version, bool keep_alive,
                         std::optional<beast_http::status> status) {
  const char* code = ErrorCodeName(error.code);
  const beast_http::status result = status.value_or(StatusFor(error.code));
  nlohmann::json body{
      {"type", std::string("/api/v1/problems/") + code},
      {"title", i18n::Translate(locale, std::string("title.") + code)},
      {"status", static_cast<int>(result)},
      {"detail", i18n::Translate(locale, error.message_key, error.args)},
      {"instance", std::string(instance)},
      {"code", error.message_key},
  };
  // Arguments named "member.field" are also extension members of the problem ({"member":
  // {"field": value}}), for clients that act on them (e.g. the union a person belongs to).
  for (const auto& [name, value] : error.args) {
    const auto dot = name.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == name.size()) continue;
    const std::string member = name.substr(0, dot);
    if (body.contains(member) && !body[member].is_object()) continue;
    body[member][name.substr(dot + 1)] = value;
  }
  if (!error.fields.empty()) {
    auto& errors = body["errors"] = nlohmann::json::array();
    for (const auto& f : error.fields) {
      errors.push_back({{"field", f.field},
                        {"code", f.message_key},
                        {"message", i18n::Translate(locale, f.message_key, f.args)}});
    }
  }
  Response res{result, version};
  res.set(beast_http::field::content_type, "application/problem+json");
  res.set(beast_http::field::content_language, std::string(i18n::LocaleTag(locale)));
  res.keep_alive(keep_alive);
  res.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  res.prepare_payload();
  return res;
}

}  // namespace zj::http

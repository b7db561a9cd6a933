#include <boost/algorithm/string/predicate.hpp>

#include "http/route.h"

namespace zj::http {

namespace {

//! Where a body stops being JSON: a SAX consumer that accepts every event and keeps the byte
//! offset of the first error. nlohmann reports every failure through parse_error, also the ones
//! it would throw as another exception type (out_of_range 406 for a number like 1e999), which
//! a catch of parse_error alone let escape as a 500.
struct ErrorPosition : nlohmann::json_sax<nlohmann::json> {
  std::size_t position = 0;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t at, const std::string&,
                   const nlohmann::detail::exception&) override {
    position = at;
    return false;
  }
};

}  // namespace

Result<nlohmann::json> JsonBody(const Request& request) {
  const auto type = request[beast_http::field::content_type];
  if (!boost::algorithm::istarts_with(type, "application/json")) {
    return Fail(ErrorCode::kInvalidArgument, "error.unsupported_media_type",
                "content type " + std::string(type));
  }
  auto body = nlohmann::json::parse(request.body(), nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    // Read again for the position, only on this error path.
    ErrorPosition where;
    nlohmann::json::sax_parse(request.body(), &where);
    const std::string position = std::to_string(where.position);
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

// The JSON body of every API call (http/json_body.cpp): any bytes either parse or give the
// "error.json.malformed" problem with the position; a parsed body can be written again (as the
// problem writer does) and its string fields read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "http/route.h"

using zj::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  zj::http::Request request{zj::http::beast_http::verb::post, "/api/v1/members", 11};
  request.set(zj::http::beast_http::field::content_type, "application/json; charset=utf-8");
  request.body().assign(reinterpret_cast<const char*>(data), size);
  auto body = zj::http::JsonBody(request);
  if (!body) {
    Check(body.error().message_key == "error.json.malformed", "malformed is the only error");
    Check(!body.error().fields.empty(), "the error names the body");
    return 0;
  }
  const std::string written = body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Check(nlohmann::json::parse(written, nullptr, false) == *body, "written JSON reads back");
  zj::Error invalid{zj::ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  for (const char* field : {"name", "id_number", "reason", "phone", ""}) {
    zj::http::RequireString(*body, field, invalid);
  }
  return 0;
}

// The JSON body of an API call (http/json_body.cpp): parsed, or a 400 problem naming the byte
// where it stops being JSON, whatever kind of failure nlohmann reports.
#include <gtest/gtest.h>

#include "http/route.h"

namespace zj::http {
namespace {

Result<nlohmann::json> Parse(std::string body) {
  Request request{beast_http::verb::post, "/api/v1/members", 11};
  request.set(beast_http::field::content_type, "application/json");
  request.body() = std::move(body);
  return JsonBody(request);
}

std::string Position(const Error& e) {
  for (const auto& [name, value] : e.args) {
    if (name == "position") return value;
  }
  return {};
}

TEST(JsonBody, NamesTheByteWhereTheBodyStopsBeingJson) {
  auto body = Parse(R"({"name": "张三", })");
  ASSERT_FALSE(body.has_value());
  EXPECT_EQ(body.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(body.error().message_key, "error.json.malformed");
  EXPECT_EQ(Position(body.error()), "20");  // the "}" after the comma
  ASSERT_EQ(body.error().fields.size(), 1u);
  EXPECT_EQ(body.error().fields[0].field, "body");
}

// Found by fuzzing (tests/fuzz/fuzz_json_body.cpp): a number too large for a double is reported
// by nlohmann as out_of_range, not parse_error; the old code caught only parse_error, so the
// exception reached the router's last resort: 500 and an error in the log for any caller.
TEST(JsonBody, ANumberPastTheRangeOfADoubleIsMalformedInput) {
  for (const std::string text : {"1e999", R"({"employees": -1e400})", "[1, 2e310]"}) {
    Result<nlohmann::json> body = nlohmann::json();
    ASSERT_NO_THROW(body = Parse(text)) << text;
    ASSERT_FALSE(body.has_value()) << text;
    EXPECT_EQ(body.error().message_key, "error.json.malformed") << text;
    EXPECT_NE(Position(body.error()), "0") << text;
  }
}

TEST(JsonBody, ReadsAnObjectAndRefusesAnotherContentType) {
  auto body = Parse(R"({"reason": "核实"})");
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ((*body)["reason"], "核实");
  Request request{beast_http::verb::post, "/", 11};
  request.set(beast_http::field::content_type, "text/plain");
  request.body() = "{}";
  auto refused = JsonBody(request);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message_key, "error.unsupported_media_type");
}

}  // namespace
}  // namespace zj::http

// PUT /api/v1/users/:id/phone (set or clear a phone), POST /api/v1/users/:id/phone/reveal (the
// full number, with a reason the audit log keeps). Elsewhere users only show `phone_masked`.
#include <charconv>

#include "http/route.h"

namespace zj::http {

namespace {

Result<std::int64_t> UserId(const Call& call) {
  const std::string& s = call.params.at("id");
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || ptr != s.data() + s.size() || id <= 0) {
    return Fail(ErrorCode::kNotFound, "error.not_found", "user " + s);
  }
  return id;
}

nlohmann::json ContactJson(const app::UserContact& c) {
  return nlohmann::json{
      {"id", std::to_string(c.user_id)},
      {"username", c.username},
      {"display_name", c.display_name},
      {"phone_masked", c.phone_masked ? nlohmann::json(*c.phone_masked) : nlohmann::json(nullptr)}};
}

}  // namespace

void AddUserPhoneRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {beast_http::verb::put, "/api/v1/users/:id/phone", Access::kSession,
       [](Call& call) -> Result<Reply> {
         ZJ_ASSIGN_OR_RETURN(std::int64_t id, UserId(call));
         ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
         if (!body.is_object() || !body.contains("phone") ||
             !(body["phone"].is_string() || body["phone"].is_null())) {
           Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
           e.fields.push_back({"phone",
                               body.is_object() && body.contains("phone") ? "error.field.not_string"
                                                                          : "error.field.required",
                               {}});
           return Fail(std::move(e));
         }
         const std::string phone =
             body["phone"].is_null() ? std::string() : body["phone"].get<std::string>();
         ZJ_ASSIGN_OR_RETURN(
             app::UserContact contact,
             call.app.contacts().SetPhone(*call.actor, id, phone, call.remote_addr));
         return Reply{beast_http::status::ok, ContactJson(contact)};
       }});
  routes.push_back({beast_http::verb::post, "/api/v1/users/:id/phone/reveal", Access::kSession,
                    [](Call& call) -> Result<Reply> {
                      ZJ_ASSIGN_OR_RETURN(std::int64_t id, UserId(call));
                      ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
                      Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
                      const std::string reason = RequireString(body, "reason", invalid);
                      if (!invalid.fields.empty()) return Fail(std::move(invalid));
                      ZJ_ASSIGN_OR_RETURN(std::string phone,
                                          call.app.contacts().RevealPhone(*call.actor, id, reason,
                                                                          call.remote_addr));
                      return Reply{beast_http::status::ok, nlohmann::json{{"phone", phone}}};
                    }});
}

}  // namespace zj::http

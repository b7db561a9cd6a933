// POST /api/v1/session (sign in), GET /api/v1/session (who am I), DELETE (sign out),
// DELETE /api/v1/sessions (sign out everywhere), PUT /api/v1/session/password (own password).
#include "http/route.h"
#include "http/router.h"
#include "http/server_options.h"

namespace zj::http {

namespace {

nlohmann::json ActorJson(const app::Actor& a) {
  nlohmann::json user{{"id", std::to_string(a.user_id)},
                      {"username", a.username},
                      {"display_name", a.display_name},
                      {"role", a.role},
                      {"org", nullptr}};
  if (a.org_id) user["org"] = {{"id", std::to_string(*a.org_id)}, {"name", a.org_name}};
  return user;
}

std::string SessionCookie(const std::string& value, long max_age_s, bool secure) {
  return http::SessionCookie(kSessionCookie, value, max_age_s, secure);
}

}  // namespace

void AddSessionRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {beast_http::verb::post, "/api/v1/session", Access::kPublic, [](Call& call) -> Result<Reply> {
         ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
         Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
         const std::string username = RequireString(body, "username", invalid);
         const std::string password = RequireString(body, "password", invalid);
         if (!invalid.fields.empty()) return Fail(std::move(invalid));
         ZJ_ASSIGN_OR_RETURN(app::SessionGrant grant,
                             call.app.accounts().Login(username, password, call.remote_addr));
         const long max_age =
             static_cast<long>((grant.expires_at - call.app.clock().NowMs()) / 1000);
         call.set_cookies.push_back(SessionCookie(grant.token, max_age, call.secure));
         return Reply{beast_http::status::ok, nlohmann::json{{"user", ActorJson(grant.actor)},
                                                             {"csrf_token", grant.csrf_token}}};
       }});
  routes.push_back(
      {beast_http::verb::get, "/api/v1/session", Access::kPublic, [](Call& call) -> Result<Reply> {
         ZJ_ASSIGN_OR_RETURN(app::AuthenticatedSession s,
                             call.app.accounts().Authenticate(call.session_token));
         return Reply{beast_http::status::ok,
                      nlohmann::json{{"user", ActorJson(s.actor)}, {"csrf_token", s.csrf_token}}};
       }});
  routes.push_back({beast_http::verb::delete_, "/api/v1/session", Access::kSession,
                    [](Call& call) -> Result<Reply> {
                      ZJ_RETURN_IF_ERROR(
                          call.app.accounts().Logout(*call.actor, call.session_token));
                      call.set_cookies.push_back(SessionCookie("", 0, call.secure));
                      return Reply{beast_http::status::no_content, std::nullopt};
                    }});
  routes.push_back({beast_http::verb::delete_, "/api/v1/sessions", Access::kSession,
                    [](Call& call) -> Result<Reply> {
                      ZJ_RETURN_IF_ERROR(call.app.accounts().LogoutEverywhere(*call.actor));
                      call.set_cookies.push_back(SessionCookie("", 0, call.secure));
                      return Reply{beast_http::status::no_content, std::nullopt};
                    }});
  routes.push_back({beast_http::verb::put, "/api/v1/session/password", Access::kSession,
                    [](Call& call) -> Result<Reply> {
                      ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
                      Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
                      const std::string current = RequireString(body, "current_password", invalid);
                      const std::string next = RequireString(body, "new_password", invalid);
                      if (!invalid.fields.empty()) return Fail(std::move(invalid));
                      ZJ_RETURN_IF_ERROR(call.app.accounts().ChangeOwnPassword(
                          *call.actor, call.session_token, current, next, call.remote_addr));
                      return Reply{beast_http::status::no_content, std::nullopt};
                    }});
}

}  // namespace zj::http

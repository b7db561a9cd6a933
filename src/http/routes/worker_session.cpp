// The worker portal's sign-in by phone and one-time code: POST /api/v1/portal/sign-in/code
// (send a code; the same 202 for every valid number), POST /api/v1/portal/session (sign in,
// sets the HttpOnly `zj_worker` cookie), GET (who am I), DELETE (sign out) and
// DELETE /api/v1/portal/sessions (sign out everywhere). The rules are app/worker_accounts'.
#include "http/route.h"
#include "http/router.h"

namespace zj::http {

namespace {

nlohmann::json OptId(const std::optional<std::int64_t>& id) {
  return id ? nlohmann::json(std::to_string(*id)) : nlohmann::json(nullptr);
}

nlohmann::json WorkerJson(const app::Actor& a) {
  return {{"id", std::to_string(a.worker_id.value_or(0))}, {"member_id", OptId(a.member_id)}};
}

std::string WorkerCookie(const std::string& value, long max_age_s, bool secure) {
  return SessionCookie(kWorkerSessionCookie, value, max_age_s, secure);
}

Result<Reply> SendCode(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string phone = RequireString(body, "phone", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::CodeSent sent, call.app.sign_in().RequestCode(phone, call.remote_addr));
  return Reply{beast_http::status::accepted,
               nlohmann::json{{"resend_after_seconds", sent.resend_after_ms / 1000},
                              {"expires_in_seconds", sent.expires_in_ms / 1000}}};
}

Result<Reply> SignIn(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string phone = RequireString(body, "phone", invalid);
  const std::string code = RequireString(body, "code", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::WorkerSessionGrant grant,
                      call.app.sign_in().SignIn(phone, code, call.remote_addr));
  const long max_age = static_cast<long>((grant.expires_at - call.app.clock().NowMs()) / 1000);
  call.set_cookies.push_back(WorkerCookie(grant.token, max_age, call.secure));
  return Reply{beast_http::status::ok, nlohmann::json{{"worker", WorkerJson(grant.actor)},
                                                      {"csrf_token", grant.csrf_token},
                                                      {"new_account", grant.new_account}}};
}

Result<Reply> WhoAmI(Call& call) {
  ZJ_ASSIGN_OR_RETURN(app::AuthenticatedSession s,
                      call.app.sign_in().Authenticate(call.worker_session_token));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"worker", WorkerJson(s.actor)}, {"csrf_token", s.csrf_token}}};
}

Result<Reply> SignOut(Call& call) {
  ZJ_RETURN_IF_ERROR(call.app.sign_in().Logout(*call.actor, call.worker_session_token));
  call.set_cookies.push_back(WorkerCookie("", 0, call.secure));
  return Reply{beast_http::status::no_content, std::nullopt};
}

Result<Reply> SignOutEverywhere(Call& call) {
  ZJ_RETURN_IF_ERROR(call.app.sign_in().LogoutEverywhere(*call.actor));
  call.set_cookies.push_back(WorkerCookie("", 0, call.secure));
  return Reply{beast_http::status::no_content, std::nullopt};
}

}  // namespace

void AddWorkerSessionRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::post, "/api/v1/portal/sign-in/code", Access::kPublic, SendCode});
  routes.push_back({verb::post, "/api/v1/portal/session", Access::kPublic, SignIn});
  routes.push_back({verb::get, "/api/v1/portal/session", Access::kPublic, WhoAmI});
  routes.push_back({verb::delete_, "/api/v1/portal/session", Access::kWorker, SignOut});
  routes.push_back({verb::delete_, "/api/v1/portal/sessions", Access::kWorker, SignOutEverywhere});
}

}  // namespace zj::http

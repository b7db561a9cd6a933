// The worker portal's routes, public (no account needed): POST /api/v1/portal/requests
// (submit; a signed-in worker's portal session, when sent with its CSRF token, links the
// request to the worker's account and bound membership),
// POST /api/v1/portal/requests/{track,rate,reopen,withdraw} (by tracking number and the
// phone's last four digits, throttled in app/requests: 429 with Retry-After), and the look-ups
// GET /api/v1/portal/employers?q= and /api/v1/portal/streets?q=. TrackedJson is also the shape
// of My requests (routes/my_requests.cpp).
#include <sodium.h>

#include <algorithm>

#include "http/request_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json OptText(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

//! The signed-in worker behind a portal call, when the portal's session cookie and its CSRF
//! token are both sent; anyone else (staff included) is an anonymous worker.
std::optional<app::Actor> OptionalActor(Call& call) {
  if (call.worker_session_token.empty()) return std::nullopt;
  auto session = call.app.sign_in().Authenticate(call.worker_session_token);
  if (!session) return std::nullopt;
  const std::string_view sent = call.request["X-CSRF-Token"];
  const std::string& want = session->csrf_token;
  if (want.empty() || sent.size() != want.size() ||
      sodium_memcmp(want.data(), sent.data(), want.size()) != 0) {
    return std::nullopt;
  }
  session->actor.remote_addr = call.remote_addr;
  return session->actor;
}

Result<Reply> Submit(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewRequest in = NewRequestFrom(body, invalid);
  in.channel = "portal";
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::RequestView v,
                      call.app.requests().Submit(OptionalActor(call), in, call.remote_addr));
  return Reply{beast_http::status::created,
               nlohmann::json{{"tracking_number", v.row.tracking_number},
                              {"status", v.row.status},
                              {"org_name", v.row.org_name}}};
}

struct TrackingKey {
  std::string number;
  std::string last4;
};

TrackingKey KeyFrom(const nlohmann::json& body, Error& invalid) {
  return {RequireString(body, "tracking_number", invalid),
          RequireString(body, "phone_last4", invalid)};
}

Result<Reply> Track(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const TrackingKey key = KeyFrom(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::TrackedRequest t,
                      call.app.requests().Track(key.number, key.last4, call.remote_addr));
  return Reply{beast_http::status::ok, TrackedJson(t, call.locale)};
}

Result<Reply> Rate(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const TrackingKey key = KeyFrom(body, invalid);
  const std::size_t before = invalid.fields.size();
  const auto rating = OptionalInteger(body, "rating", invalid);
  if (!rating && invalid.fields.size() == before) {
    invalid.fields.push_back({"rating", "error.requests.rating", {}});
  }
  const auto comment = OptionalString(body, "comment", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(
      app::TrackedRequest t,
      call.app.requests().Rate(key.number, key.last4,
                               static_cast<int>(std::clamp<std::int64_t>(*rating, 0, 6)),
                               comment.value_or(""), call.remote_addr));
  return Reply{beast_http::status::ok, TrackedJson(t, call.locale)};
}

Result<Reply> Reopen(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const TrackingKey key = KeyFrom(body, invalid);
  const std::string reason = RequireString(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::TrackedRequest t,
                      call.app.requests().Reopen(key.number, key.last4, reason, call.remote_addr));
  return Reply{beast_http::status::ok, TrackedJson(t, call.locale)};
}

Result<Reply> Withdraw(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const TrackingKey key = KeyFrom(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::TrackedRequest t,
                      call.app.requests().Withdraw(key.number, key.last4, call.remote_addr));
  return Reply{beast_http::status::ok, TrackedJson(t, call.locale)};
}

Result<Reply> Employers(Call& call) {
  const auto query = QueryParams(call.request.target());
  ZJ_ASSIGN_OR_RETURN(auto hits, call.app.requests().FindEmployers(QueryValue(query, "q")));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& h : hits) {
    out.push_back({{"id", std::to_string(h.id)},
                   {"name", h.name},
                   {"region_name", h.region_name.empty() ? nlohmann::json(nullptr)
                                                         : nlohmann::json(h.region_name)}});
  }
  return Reply{beast_http::status::ok, std::move(out)};
}

Result<Reply> Streets(Call& call) {
  const auto query = QueryParams(call.request.target());
  ZJ_ASSIGN_OR_RETURN(auto hits, call.app.requests().FindStreets(QueryValue(query, "q")));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& h : hits) {
    out.push_back({{"code", h.code}, {"name", h.name}, {"district_name", h.district_name}});
  }
  return Reply{beast_http::status::ok, std::move(out)};
}

}  // namespace

nlohmann::json TrackedJson(const app::TrackedRequest& t, i18n::Locale locale) {
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : t.events) {
    events.push_back(
        {{"at", e.at},
         {"kind", e.kind},
         {"from_status", OptText(e.from_status)},
         {"to_status", OptText(e.to_status)},
         {"org_name", e.org_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.org_name)},
         {"body", OptText(e.body)}});
  }
  return {{"tracking_number", t.tracking_number},
          {"category_name", Localized(t.category_zh, t.category_en, locale)},
          {"title", t.title},
          {"status", t.status},
          {"org_name", t.org_name},
          {"created_at", t.created_at},
          {"resolved_at", t.resolved_at ? nlohmann::json(*t.resolved_at) : nlohmann::json(nullptr)},
          {"resolution", OptText(t.resolution)},
          {"rating", t.rating ? nlohmann::json(*t.rating) : nlohmann::json(nullptr)},
          {"may_rate", t.may_rate},
          {"may_reopen", t.may_reopen},
          {"may_withdraw", t.may_withdraw},
          {"events", std::move(events)}};
}

void AddRequestPortalRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::post, "/api/v1/portal/requests", Access::kPublic, Submit});
  routes.push_back({verb::post, "/api/v1/portal/requests/track", Access::kPublic, Track});
  routes.push_back({verb::post, "/api/v1/portal/requests/rate", Access::kPublic, Rate});
  routes.push_back({verb::post, "/api/v1/portal/requests/reopen", Access::kPublic, Reopen});
  routes.push_back({verb::post, "/api/v1/portal/requests/withdraw", Access::kPublic, Withdraw});
  routes.push_back({verb::get, "/api/v1/portal/employers", Access::kPublic, Employers});
  routes.push_back({verb::get, "/api/v1/portal/streets", Access::kPublic, Streets});
}

}  // namespace zj::http

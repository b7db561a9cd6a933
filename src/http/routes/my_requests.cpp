// My requests, a signed-in worker's own service requests: GET /api/v1/me/requests (newest
// first, ?cursor= for the next page), GET /api/v1/me/requests/:id (with its timeline), and
// POST /api/v1/me/requests/:id/{rate,reopen,withdraw}. Which requests are the worker's is
// decided in app/requests/my_requests.cpp; another's id is 404.
#include <algorithm>

#include "http/request_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json MineJson(const app::TrackedRequest& t, i18n::Locale locale) {
  nlohmann::json out = TrackedJson(t, locale);
  out["id"] = std::to_string(t.id);
  nlohmann::json became = nlohmann::json::array();
  for (const auto& b : t.became) {
    became.push_back(
        {{"at", b.at},
         {"kind", b.kind},
         {"stage", b.stage.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.stage)},
         {"aid_kind", b.aid_kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.aid_kind)}});
  }
  out["became"] = std::move(became);
  return out;
}

Result<Reply> List(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 20, invalid);
  const std::int64_t before_id = QueryCursor(query, "cursor", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::MyRequestPage page,
                      call.app.requests().Mine(*call.actor, before_id, limit));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : page.items) {
    nlohmann::json item = MineJson(t, call.locale);
    item.erase("events");  // the list carries no timeline; the request's own page does
    item.erase("became");
    items.push_back(std::move(item));
  }
  return Reply{beast_http::status::ok,
               nlohmann::json{{"items", std::move(items)},
                              {"next_cursor",
                               page.next_cursor ? nlohmann::json(std::to_string(*page.next_cursor))
                                                : nlohmann::json(nullptr)}}};
}

Result<Reply> One(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::TrackedRequest t, call.app.requests().MineOne(*call.actor, id));
  return Reply{beast_http::status::ok, MineJson(t, call.locale)};
}

Result<Reply> Rate(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto rating = OptionalInteger(body, "rating", invalid);
  if (!rating && invalid.fields.empty()) {
    invalid.fields.push_back({"rating", "error.requests.rating", {}});
  }
  const auto comment = OptionalString(body, "comment", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(
      app::TrackedRequest t,
      call.app.requests().RateMine(*call.actor, id,
                                   static_cast<int>(std::clamp<std::int64_t>(*rating, 0, 6)),
                                   comment.value_or("")));
  return Reply{beast_http::status::ok, MineJson(t, call.locale)};
}

Result<Reply> Reopen(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string reason = RequireString(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::TrackedRequest t,
                      call.app.requests().ReopenMine(*call.actor, id, reason));
  return Reply{beast_http::status::ok, MineJson(t, call.locale)};
}

Result<Reply> Withdraw(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::TrackedRequest t, call.app.requests().WithdrawMine(*call.actor, id));
  return Reply{beast_http::status::ok, MineJson(t, call.locale)};
}

}  // namespace

void AddMyRequestRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/me/requests", Access::kWorker, List});
  routes.push_back({verb::get, "/api/v1/me/requests/:id", Access::kWorker, One});
  routes.push_back({verb::post, "/api/v1/me/requests/:id/rate", Access::kWorker, Rate});
  routes.push_back({verb::post, "/api/v1/me/requests/:id/reopen", Access::kWorker, Reopen});
  routes.push_back({verb::post, "/api/v1/me/requests/:id/withdraw", Access::kWorker, Withdraw});
}

}  // namespace zj::http

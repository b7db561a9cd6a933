// The worker's notifications inbox: GET /api/v1/me/notifications (newest first, ?cursor= for
// the next page, with the unread count), GET /api/v1/me/notifications/unread (the count the
// portal's navigation shows), POST /api/v1/me/notifications/:id/read and
// POST /api/v1/me/notifications/read-all. An entry is its kind and parameters; the portal
// renders them through i18n. Another worker's entry is 404 (app/worker_accounts/inbox.h).
#include "http/request_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json EntryJson(const app::InboxEntry& e) {
  // Parameters were written by the server as a JSON object; an unreadable one shows as none.
  nlohmann::json params = nlohmann::json::parse(e.params, nullptr, false);
  if (!params.is_object()) params = nlohmann::json::object();
  return nlohmann::json{
      {"id", std::to_string(e.id)},
      {"kind", e.kind},
      {"params", std::move(params)},
      {"subject_id", e.subject_id ? nlohmann::json(std::to_string(*e.subject_id)) : nullptr},
      {"created_at", e.created_at},
      {"read_at", e.read_at ? nlohmann::json(*e.read_at) : nullptr}};
}

Result<Reply> List(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 20, invalid);
  const std::int64_t before_id = QueryCursor(query, "cursor", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::InboxPage page, call.app.inbox().Page(*call.actor, before_id, limit));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : page.items) items.push_back(EntryJson(e));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"items", std::move(items)},
                              {"next_cursor",
                               page.next_cursor ? nlohmann::json(std::to_string(*page.next_cursor))
                                                : nlohmann::json(nullptr)},
                              {"unread", page.unread},
                              {"unread_cap", app::InboxService::kUnreadCap}}};
}

Result<Reply> Unread(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t unread, call.app.inbox().Unread(*call.actor));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"unread", unread}, {"unread_cap", app::InboxService::kUnreadCap}}};
}

Result<Reply> MarkRead(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_RETURN_IF_ERROR(call.app.inbox().MarkRead(*call.actor, id));
  ZJ_ASSIGN_OR_RETURN(std::int64_t unread, call.app.inbox().Unread(*call.actor));
  return Reply{beast_http::status::ok, nlohmann::json{{"unread", unread}}};
}

Result<Reply> MarkAllRead(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t marked, call.app.inbox().MarkAllRead(*call.actor));
  return Reply{beast_http::status::ok, nlohmann::json{{"unread", 0}, {"marked", marked}}};
}

}  // namespace

void AddWorkerInboxRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/me/notifications", Access::kWorker, List});
  routes.push_back({verb::get, "/api/v1/me/notifications/unread", Access::kWorker, Unread});
  routes.push_back({verb::post, "/api/v1/me/notifications/read-all", Access::kWorker, MarkAllRead});
  routes.push_back({verb::post, "/api/v1/me/notifications/:id/read", Access::kWorker, MarkRead});
}

}  // namespace zj::http

// The staff side of workers' accounts: GET /api/v1/worker-bindings (bindings waiting in the
// caller's subtree), POST /api/v1/worker-bindings/:id/approve | reject, and
// POST /api/v1/cards/verify (a member card's QR token at check-in). Who may do what is
// decided in app/worker_accounts and app/cards.
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json OptText(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json BindingJson(const app::WorkerBindingView& v) {
  const auto& r = v.row;
  return {{"id", std::to_string(r.id)},
          {"state", r.state},
          {"reason", r.reason},
          {"created_at", r.created_at},
          {"member",
           {{"id", std::to_string(r.member_id)},
            {"name", r.member_name},
            {"card_number", r.card_number},
            {"id_number_masked", v.member_id_masked},
            {"phone_masked", OptText(v.member_phone_masked)},
            {"union_name", r.union_name}}},
          {"worker_phone_masked", v.worker_phone_masked},
          {"decided_at", r.decided_at ? nlohmann::json(*r.decided_at) : nlohmann::json(nullptr)},
          {"decided_by_name", OptText(r.decided_by_name)},
          {"decision_note", OptText(r.decision_note)}};
}

Result<Reply> ListBindings(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::BindingFilter filter;
  if (query.contains("state")) filter.state = QueryValue(query, "state");
  filter.limit = QueryLimit(query, 50, invalid);
  filter.before_id = QueryCursor(query, "cursor", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::BindingPage page, call.app.bindings().List(*call.actor, filter));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : page.items) items.push_back(BindingJson(v));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"items", std::move(items)},
                              {"next_cursor",
                               page.next_cursor ? nlohmann::json(std::to_string(*page.next_cursor))
                                                : nlohmann::json(nullptr)}}};
}

//! The optional {"note": "..."} of a decision.
Result<std::string> NoteOf(const Call& call) {
  if (call.request.body().empty()) return std::string();
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto note = OptionalString(body, "note", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return note.value_or("");
}

Result<Reply> Approve(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(std::string note, NoteOf(call));
  ZJ_ASSIGN_OR_RETURN(app::WorkerBindingView v, call.app.bindings().Approve(*call.actor, id, note));
  return Reply{beast_http::status::ok, BindingJson(v)};
}

Result<Reply> Reject(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(std::string note, NoteOf(call));
  ZJ_ASSIGN_OR_RETURN(app::WorkerBindingView v, call.app.bindings().Reject(*call.actor, id, note));
  return Reply{beast_http::status::ok, BindingJson(v)};
}

Result<Reply> VerifyCard(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string token = RequireString(body, "token", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::VerifiedCard v, call.app.cards().Verify(*call.actor, token));
  return Reply{
      beast_http::status::ok,
      nlohmann::json{{"member",
                      {{"id", std::to_string(v.member_id)},
                       {"name", v.name},
                       {"id_number_masked", v.id_masked},
                       {"card_number", v.card_number},
                       {"status", v.status},
                       {"union", {{"id", std::to_string(v.union_id)}, {"name", v.union_name}}}}},
                     {"token_expires_at", v.token_expires_at}}};
}

}  // namespace

void AddWorkerBindingRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/worker-bindings", Access::kSession, ListBindings});
  routes.push_back({verb::post, "/api/v1/worker-bindings/:id/approve", Access::kSession, Approve});
  routes.push_back({verb::post, "/api/v1/worker-bindings/:id/reject", Access::kSession, Reject});
  routes.push_back({verb::post, "/api/v1/cards/verify", Access::kSession, VerifyCard});
}

}  // namespace zj::http

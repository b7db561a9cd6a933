// Corrections of a worker's own member record: POST /api/v1/me/member-corrections (the worker
// proposes {"changes": [{"field", "value"}], "note"}), GET /api/v1/me/member-corrections (the
// worker's, newest first), and for staff GET /api/v1/member-corrections (the subtree's, pending
// by default), POST /api/v1/member-corrections/:id/approve | reject ({"reason"}). The rules are
// app/worker_accounts/corrections.h's.
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json OptText(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json MyCorrectionJson(const app::CorrectionView& v) {
  const auto& r = v.row;
  return {{"id", std::to_string(r.id)},
          {"field", r.field},
          {"old_value", OptText(v.old_shown)},
          {"new_value", v.new_shown},
          {"note", r.note},
          {"state", r.state},
          {"created_at", r.created_at},
          {"decided_at", r.decided_at ? nlohmann::json(*r.decided_at) : nlohmann::json(nullptr)},
          {"reason", OptText(r.decision_reason)}};
}

namespace {

nlohmann::json MineJson(const app::CorrectionView& v) { return MyCorrectionJson(v); }

nlohmann::json StaffJson(const app::CorrectionView& v) {
  nlohmann::json j = MineJson(v);
  const auto& r = v.row;
  j["member"] = {{"id", std::to_string(r.member_id)},
                 {"name", r.member_name},
                 {"card_number", r.card_number},
                 {"union_name", r.union_name}};
  j["decided_by_name"] = OptText(r.decided_by_name);
  return j;
}

Result<Reply> Propose(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string note = OptionalString(body, "note", invalid).value_or("");
  std::vector<app::CorrectionChange> changes;
  const auto it = body.find("changes");
  if (it == body.end() || !it->is_array()) {
    invalid.fields.push_back({"changes", "error.field.required", {}});
  } else {
    for (const auto& c : *it) {
      if (!c.is_object() || !c.contains("field") || !c["field"].is_string() ||
          !c.contains("value") || !c["value"].is_string()) {
        invalid.fields.push_back({"changes", "error.field.not_string", {}});
        break;
      }
      changes.push_back({c["field"].get<std::string>(), c["value"].get<std::string>()});
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto views, call.app.corrections().Propose(*call.actor, changes, note));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : views) items.push_back(MineJson(v));
  return Reply{beast_http::status::created, nlohmann::json{{"items", std::move(items)}}};
}

Result<Reply> Mine(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto views, call.app.corrections().Mine(*call.actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : views) items.push_back(MineJson(v));
  return Reply{beast_http::status::ok, nlohmann::json{{"items", std::move(items)}}};
}

Result<Reply> List(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::CorrectionFilter filter;
  if (query.contains("state")) filter.state = QueryValue(query, "state");
  filter.limit = QueryLimit(query, 50, invalid);
  filter.before_id = QueryCursor(query, "cursor", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::CorrectionPage page, call.app.corrections().List(*call.actor, filter));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : page.items) items.push_back(StaffJson(v));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"items", std::move(items)},
                              {"next_cursor",
                               page.next_cursor ? nlohmann::json(std::to_string(*page.next_cursor))
                                                : nlohmann::json(nullptr)}}};
}

Result<Reply> Approve(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::CorrectionView v, call.app.corrections().Approve(*call.actor, id));
  return Reply{beast_http::status::ok, StaffJson(v)};
}

Result<Reply> Reject(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string reason = OptionalString(body, "reason", invalid).value_or("");
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::CorrectionView v,
                      call.app.corrections().Reject(*call.actor, id, reason));
  return Reply{beast_http::status::ok, StaffJson(v)};
}

}  // namespace

void AddMemberCorrectionRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::post, "/api/v1/me/member-corrections", Access::kWorker, Propose});
  routes.push_back({verb::get, "/api/v1/me/member-corrections", Access::kWorker, Mine});
  routes.push_back({verb::get, "/api/v1/member-corrections", Access::kSession, List});
  routes.push_back(
      {verb::post, "/api/v1/member-corrections/:id/approve", Access::kSession, Approve});
  routes.push_back({verb::post, "/api/v1/member-corrections/:id/reject", Access::kSession, Reject});
}

}  // namespace zj::http

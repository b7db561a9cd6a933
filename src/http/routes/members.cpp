// The member registry: GET/POST /api/v1/members, GET/PATCH /api/v1/members/:id and
// POST /api/v1/members/:id/reveal. Who may see, change or reveal which member is decided in
// app/members; here are only JSON and query mapping. The routes of imports, export and the
// template live beside these (member_imports.cpp).
#include "http/routes/member_json.h"

namespace zj::http {

namespace {

std::optional<bool> OptionalBool(const nlohmann::json& body, const std::string& field,
                                 Error& error) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) return std::nullopt;
  if (!body[field].is_boolean()) {
    error.fields.push_back({field, "error.field.boolean", {}});
    return std::nullopt;
  }
  return body[field].get<bool>();
}

Result<Reply> ListMembers(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::MemberFilter filter;
  filter.q = QueryValue(query, "q");
  filter.status = QueryValue(query, "status");
  filter.limit = QueryLimit(query, 50, invalid);
  if (const std::string org = QueryValue(query, "org_id"); !org.empty()) {
    filter.org_id = ParseId(org);
    if (!filter.org_id) invalid.fields.push_back({"org_id", "error.field.invalid_id", {}});
  }
  filter.after_id = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::MemberPage page, call.app.members().List(*call.actor, filter));
  return PageReply(page.items, page.next_cursor, WriteMemberSummary);
}

Result<Reply> GetMember(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::MemberDetail m, call.app.members().Get(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteMemberDetail, m);
}

Result<Reply> CreateMember(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::NewMember m;
  const auto union_id = OptionalId(body, "union_id", invalid);
  if (!union_id && body.is_object() && !body.contains("union_id")) {
    invalid.fields.push_back({"union_id", "error.field.required", {}});
  }
  m.union_id = union_id.value_or(0);
  m.name = RequireString(body, "name", invalid);
  m.id_number = RequireString(body, "id_number", invalid);
  m.gender = OptionalString(body, "gender", invalid);
  m.phone = OptionalString(body, "phone", invalid);
  m.ethnicity = OptionalString(body, "ethnicity", invalid);
  m.employer_id = OptionalId(body, "employer_id", invalid);
  m.employer_name = OptionalString(body, "employer_name", invalid);
  m.employer_uscc = OptionalString(body, "employer_uscc", invalid);
  m.join_date = OptionalString(body, "join_date", invalid);
  m.migrant_worker = OptionalBool(body, "migrant_worker", invalid).value_or(false);
  m.model_worker = OptionalBool(body, "model_worker", invalid).value_or(false);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::MemberView created, call.app.members().Create(*call.actor, m));
  return JsonReply(beast_http::status::created, WriteMemberSummary, created);
}

Result<Reply> PatchMember(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::MemberPatch patch;
  // A null clears, like "".
  const auto text = [&](const char* field) -> std::optional<std::string> {
    if (body.is_object() && body.contains(field) && body[field].is_null()) return std::string();
    return OptionalString(body, field, invalid);
  };
  patch.phone = text("phone");
  patch.ethnicity = text("ethnicity");
  patch.join_date = text("join_date");
  patch.employer_set =
      body.is_object() && (body.contains("employer_id") || body.contains("employer_name"));
  patch.employer_id = OptionalId(body, "employer_id", invalid);
  patch.employer_name = OptionalString(body, "employer_name", invalid);
  patch.migrant_worker = OptionalBool(body, "migrant_worker", invalid);
  patch.model_worker = OptionalBool(body, "model_worker", invalid);
  patch.status = OptionalString(body, "status", invalid);
  patch.status_changed_on = OptionalString(body, "status_changed_on", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::MemberView m, call.app.members().Update(*call.actor, id, patch));
  return JsonReply(beast_http::status::ok, WriteMemberSummary, m);
}

Result<Reply> RevealMember(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string field = RequireString(body, "field", invalid);
  const std::string reason = RequireString(body, "reason", invalid);
  if (!field.empty() && field != "id_number" && field != "phone") {
    invalid.fields.push_back({"field", "error.members.reveal_field", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  const auto which = field == "phone" ? app::RevealField::kPhone : app::RevealField::kIdNumber;
  ZJ_ASSIGN_OR_RETURN(std::string value, call.app.members().Reveal(*call.actor, id, which, reason));
  return Reply{beast_http::status::ok, nlohmann::json{{"value", value}}};
}

}  // namespace

void AddMemberRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/members", Access::kSession, ListMembers});
  routes.push_back({verb::post, "/api/v1/members", Access::kSession, CreateMember});
  routes.push_back({verb::get, "/api/v1/members/:id", Access::kSession, GetMember});
  routes.push_back({verb::patch, "/api/v1/members/:id", Access::kSession, PatchMember});
  routes.push_back({verb::post, "/api/v1/members/:id/reveal", Access::kSession, RevealMember});
}

}  // namespace zj::http

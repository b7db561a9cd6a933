// Enterprises: GET/POST /api/v1/enterprises, GET/PATCH /api/v1/enterprises/:id. Who may see and
// change which enterprise is decided in app/enterprises; here are only JSON and query mapping.
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json EnterpriseJson(const app::EnterpriseView& v) {
  const auto& e = v.row;
  nlohmann::json union_ref(nullptr);
  if (e.union_org_id) {
    union_ref = {{"id", std::to_string(*e.union_org_id)}, {"name", e.union_name.value_or("")}};
  }
  return {
      {"id", std::to_string(e.id)},
      {"name", e.name},
      {"uscc", e.uscc},
      {"region_code", e.region_code},
      {"region_name", v.region_name},
      {"industry", e.industry},
      {"ownership", e.ownership},
      {"employees", e.employees},
      {"employees_reported_on", e.employees_reported_on ? nlohmann::json(*e.employees_reported_on)
                                                        : nlohmann::json(nullptr)},
      {"union", std::move(union_ref)}};
}

Result<Reply> ListEnterprises(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::EnterpriseFilter filter;
  filter.q = QueryValue(query, "q");
  filter.industry = QueryValue(query, "industry");
  filter.limit = QueryLimit(query, 50, invalid);
  if (const std::string org = QueryValue(query, "org"); !org.empty()) {
    filter.org_id = ParseId(org);
    if (!filter.org_id) invalid.fields.push_back({"org", "error.field.invalid_id", {}});
  }
  filter.after_id = QueryCursor(query, "cursor", invalid);
  if (const std::string unionised = QueryValue(query, "unionised"); !unionised.empty()) {
    if (unionised == "true") {
      filter.unionised = true;
    } else if (unionised == "false") {
      filter.unionised = false;
    } else {
      invalid.fields.push_back({"unionised", "error.field.boolean", {}});
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::EnterprisePage page, call.app.enterprises().List(*call.actor, filter));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : page.items) items.push_back(EnterpriseJson(e));
  nlohmann::json body{{"items", std::move(items)}, {"next_cursor", nullptr}};
  if (page.next_cursor) body["next_cursor"] = std::to_string(*page.next_cursor);
  return Reply{beast_http::status::ok, std::move(body)};
}

Result<Reply> GetEnterprise(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::EnterpriseView e, call.app.enterprises().Get(*call.actor, id));
  return Reply{beast_http::status::ok, EnterpriseJson(e)};
}

Result<Reply> CreateEnterprise(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewEnterprise e;
  e.name = RequireString(body, "name", invalid);
  e.uscc = RequireString(body, "uscc", invalid);
  e.region_code = RequireString(body, "region_code", invalid);
  e.industry = RequireString(body, "industry", invalid);
  e.ownership = RequireString(body, "ownership", invalid);
  const std::size_t before = invalid.fields.size();
  const auto employees = OptionalInteger(body, "employees", invalid);
  if (!employees && invalid.fields.size() == before) {
    invalid.fields.push_back({"employees", "error.field.required", {}});
  }
  e.employees = employees.value_or(0);
  e.employees_reported_on = OptionalString(body, "employees_reported_on", invalid);
  e.union_org_id = OptionalId(body, "union_org_id", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::EnterpriseView created, call.app.enterprises().Create(*call.actor, e));
  return Reply{beast_http::status::created, EnterpriseJson(created)};
}

Result<Reply> PatchEnterprise(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::EnterprisePatch patch;
  patch.name = OptionalString(body, "name", invalid);
  patch.uscc = OptionalString(body, "uscc", invalid);
  patch.region_code = OptionalString(body, "region_code", invalid);
  patch.industry = OptionalString(body, "industry", invalid);
  patch.ownership = OptionalString(body, "ownership", invalid);
  patch.employees = OptionalInteger(body, "employees", invalid);
  patch.employees_reported_on = OptionalString(body, "employees_reported_on", invalid);
  // Present and null: no union any more; absent: unchanged.
  patch.union_set = body.is_object() && body.contains("union_org_id");
  patch.union_org_id = OptionalId(body, "union_org_id", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::EnterpriseView e, call.app.enterprises().Update(*call.actor, id, patch));
  return Reply{beast_http::status::ok, EnterpriseJson(e)};
}

}  // namespace

void AddEnterpriseRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/enterprises", Access::kSession, ListEnterprises});
  routes.push_back({verb::post, "/api/v1/enterprises", Access::kSession, CreateEnterprise});
  routes.push_back({verb::get, "/api/v1/enterprises/:id", Access::kSession, GetEnterprise});
  routes.push_back({verb::patch, "/api/v1/enterprises/:id", Access::kSession, PatchEnterprise});
}

}  // namespace zj::http

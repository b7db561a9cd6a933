// The union tree and its coverage: GET /api/v1/org-tree, GET/PATCH /api/v1/orgs/:id,
// POST /api/v1/orgs, POST /api/v1/orgs/:id/move, GET /api/v1/orgs/:id/coverage,
// GET /api/v1/orgs/:id/founding-list(.xlsx). Authorization is decided in app/orgs and
// app/coverage; here are only JSON and query-string mapping (/work/notes/issue5-contract.md).
#include "core/coverage/coverage_figures.h"
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json OptText(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json RateJson(std::int64_t part, std::int64_t whole) {
  const auto rate = coverage::Rate(part, whole);
  return rate ? nlohmann::json(*rate) : nlohmann::json(nullptr);
}

nlohmann::json RefJson(const app::OrgRef& r) {
  return {{"id", std::to_string(r.id)}, {"name", r.name}};
}

nlohmann::json OrgJson(const app::OrgView& v) {
  nlohmann::json ancestors = nlohmann::json::array();
  for (const auto& a : v.ancestors) ancestors.push_back(RefJson(a));
  return {{"id", std::to_string(v.org.id)},
          {"code", v.org.code},
          {"name", v.org.name},
          {"kind", v.org.kind},
          {"status", v.org.status},
          {"parent", v.parent ? RefJson(*v.parent) : nlohmann::json(nullptr)},
          {"ancestors", std::move(ancestors)},
          {"region_code", OptText(v.org.region_code)},
          {"region_name",
           v.region_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.region_name)},
          {"founded_on", OptText(v.org.founded_on)},
          {"chair", OptText(v.org.chair)},
          {"contact", OptText(v.org.contact)},
          {"child_count", v.child_count}};
}

Result<Reply> OrgTree(Call& call) {
  const auto query = QueryParams(call.request.target());
  std::optional<std::int64_t> parent;
  if (const std::string text = QueryValue(query, "parent"); !text.empty()) {
    parent = ParseId(text);
    if (!parent) {
      Error invalid = InvalidInput();
      invalid.fields.push_back({"parent", "error.field.invalid_id", {}});
      return Fail(std::move(invalid));
    }
  }
  ZJ_ASSIGN_OR_RETURN(auto nodes, call.app.orgs().Children(*call.actor, parent));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& n : nodes) {
    items.push_back({{"id", std::to_string(n.id)},
                     {"code", n.code},
                     {"name", n.name},
                     {"kind", n.kind},
                     {"status", n.status},
                     {"has_children", n.has_children}});
  }
  return Reply{beast_http::status::ok, nlohmann::json{{"items", std::move(items)}}};
}

Result<Reply> GetOrg(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::OrgView org, call.app.orgs().Get(*call.actor, id));
  return Reply{beast_http::status::ok, OrgJson(org)};
}

Result<Reply> CreateOrg(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewOrg org;
  org.code = RequireString(body, "code", invalid);
  org.name = RequireString(body, "name", invalid);
  org.kind = RequireString(body, "kind", invalid);
  org.parent_id = OptionalId(body, "parent_id", invalid);
  org.region_code = OptionalString(body, "region_code", invalid);
  org.founded_on = OptionalString(body, "founded_on", invalid);
  org.chair = OptionalString(body, "chair", invalid);
  org.contact = OptionalString(body, "contact", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::OrgView created, call.app.orgs().Create(*call.actor, org));
  return Reply{beast_http::status::created, OrgJson(created)};
}

Result<Reply> PatchOrg(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::OrgPatch patch;
  patch.name = OptionalString(body, "name", invalid);
  patch.region_code = OptionalString(body, "region_code", invalid);
  patch.founded_on = OptionalString(body, "founded_on", invalid);
  patch.chair = OptionalString(body, "chair", invalid);
  patch.contact = OptionalString(body, "contact", invalid);
  patch.status = OptionalString(body, "status", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::OrgView org, call.app.orgs().Update(*call.actor, id, patch));
  return Reply{beast_http::status::ok, OrgJson(org)};
}

Result<Reply> MoveOrg(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto parent = OptionalId(body, "parent_id", invalid);
  if (!parent && invalid.fields.empty()) {
    invalid.fields.push_back({"parent_id", "error.field.required", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::OrgView org, call.app.orgs().Move(*call.actor, id, *parent));
  return Reply{beast_http::status::ok, OrgJson(org)};
}

nlohmann::json FiguresJson(const coverage::Figures& f) {
  return {{"enterprises", f.enterprises},
          {"unionised_enterprises", f.unionised_enterprises},
          {"unionised_rate", RateJson(f.unionised_enterprises, f.enterprises)},
          {"employees", f.employees},
          {"members", f.members},
          {"membership_rate", RateJson(f.members, f.employees)},
          {"founding_gap", f.founding_gap}};
}

Result<Reply> Coverage(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::OrgCoverage c, call.app.coverage().Of(*call.actor, id));
  nlohmann::json body = FiguresJson(c.figures);
  body["org"] = {{"id", std::to_string(c.org.id)},
                 {"code", c.org.code},
                 {"name", c.org.name},
                 {"kind", c.org.kind}};
  body["served_12m"] = c.served_12m;
  body["served_rate"] = RateJson(c.served_12m, c.figures.members);
  body["members_online"] = c.members_online;
  body["online_rate"] = RateJson(c.members_online, c.figures.members);
  nlohmann::json children = nlohmann::json::array();
  for (const auto& child : c.children) {
    nlohmann::json j = FiguresJson(child.figures);
    j["id"] = std::to_string(child.org.id);
    j["code"] = child.org.code;
    j["name"] = child.org.name;
    j["kind"] = child.org.kind;
    j["region_code"] = OptText(child.org.region_code);
    j["members_online"] = child.members_online;
    j["online_rate"] = RateJson(child.members_online, child.figures.members);
    children.push_back(std::move(j));
  }
  body["children"] = std::move(children);
  nlohmann::json industries = nlohmann::json::array();
  for (const auto& i : c.industries) {
    industries.push_back(
        {{"section", i.section},
         {"enterprises", i.figures.enterprises},
         {"unionised_enterprises", i.figures.unionised_enterprises},
         {"unionised_rate", RateJson(i.figures.unionised_enterprises, i.figures.enterprises)},
         {"employees", i.figures.employees},
         {"members", i.figures.members}});
  }
  body["industries"] = std::move(industries);
  return Reply{beast_http::status::ok, std::move(body)};
}

app::FoundingFilter FilterOf(const std::map<std::string, std::string>& query, Error& invalid) {
  app::FoundingFilter f;
  f.street = QueryValue(query, "street");
  f.industry = QueryValue(query, "industry");
  f.cursor = QueryValue(query, "cursor");
  f.limit = QueryLimit(query, 50, invalid);
  return f;
}

Result<Reply> FoundingList(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  Error invalid = InvalidInput();
  const app::FoundingFilter filter = FilterOf(QueryParams(call.request.target()), invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::FoundingPage page,
                      call.app.coverage().FoundingList(*call.actor, id, filter));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) {
    const auto& e = item.enterprise;
    items.push_back({{"id", std::to_string(e.row.id)},
                     {"name", e.row.name},
                     {"uscc", e.row.uscc},
                     {"industry", e.row.industry},
                     {"employees", e.row.employees},
                     {"region_code", e.row.region_code},
                     {"region_name", e.region_name},
                     {"district_name", item.district_name},
                     {"org",
                      {{"id", std::to_string(item.org_id)},
                       {"name", item.org_name},
                       {"contact", item.org_contact}}}});
  }
  return Reply{beast_http::status::ok,
               nlohmann::json{{"items", std::move(items)},
                              {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor)
                                                               : nlohmann::json(nullptr)}}};
}

Result<Reply> FoundingListXlsx(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  Error invalid = InvalidInput();
  app::FoundingFilter filter = FilterOf(QueryParams(call.request.target()), invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(std::string bytes,
                      call.app.coverage().ExportFoundingList(*call.actor, id, filter));
  Reply reply{beast_http::status::ok, std::nullopt};
  // RFC 6266: an ASCII fallback name, and the Chinese one percent-encoded (建会名单).
  reply.file = Reply::File{std::move(bytes),
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           "attachment; filename=\"founding-list.xlsx\"; "
                           "filename*=UTF-8''%E5%BB%BA%E4%BC%9A%E5%90%8D%E5%8D%95.xlsx"};
  return reply;
}

}  // namespace

void AddOrgTreeRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/org-tree", Access::kSession, OrgTree});
  routes.push_back({verb::post, "/api/v1/orgs", Access::kSession, CreateOrg});
  routes.push_back({verb::get, "/api/v1/orgs/:id", Access::kSession, GetOrg});
  routes.push_back({verb::patch, "/api/v1/orgs/:id", Access::kSession, PatchOrg});
  routes.push_back({verb::post, "/api/v1/orgs/:id/move", Access::kSession, MoveOrg});
  routes.push_back({verb::get, "/api/v1/orgs/:id/coverage", Access::kSession, Coverage});
  routes.push_back({verb::get, "/api/v1/orgs/:id/founding-list", Access::kSession, FoundingList});
  routes.push_back(
      {verb::get, "/api/v1/orgs/:id/founding-list.xlsx", Access::kSession, FoundingListXlsx});
}

}  // namespace zj::http

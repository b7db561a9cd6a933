// Account management: GET/POST /api/v1/users, GET/PATCH /api/v1/users/:id and
// POST /api/v1/users/:id/password. Who may see and change whom is decided in
// app/accounts/user_directory.h; here are only JSON and query-string mapping.
#include "http/route.h"

namespace zj::http {

namespace {

void WriteUser(JsonWriter& w, const app::UserView& u) {
  w.Object();
  w.Key("id").Id(u.id);
  w.Key("username").Str(u.username);
  w.Key("display_name").Str(u.display_name);
  w.Key("role").Str(u.role);
  w.Key("status").Str(u.status);
  w.Key("org");
  if (u.org_id) {
    w.Object().Key("id").Id(*u.org_id).Key("code").Str(u.org_code).Key("name").Str(u.org_name);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("created_at").Int(u.created_at);
  w.Key("phone_masked").OptStr(u.phone_masked);
  w.EndObject();
}

Result<Reply> ListUsers(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::UserFilter filter;
  filter.q = QueryValue(query, "q");
  filter.role = QueryValue(query, "role");
  filter.status = QueryValue(query, "status");
  filter.limit = QueryLimit(query, 50, invalid);
  if (const std::string cursor = QueryValue(query, "cursor"); !cursor.empty()) {
    if (auto id = ParseId(cursor)) {
      filter.after_id = *id;
    } else {
      invalid.fields.push_back({"cursor", "error.field.invalid_id", {}});
    }
  }
  if (const std::string org = QueryValue(query, "org_id"); !org.empty()) {
    if (auto id = ParseId(org)) {
      filter.org_id = id;
    } else {
      invalid.fields.push_back({"org_id", "error.field.invalid_id", {}});
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::UserPage page, call.app.users().List(*call.actor, filter));
  return PageReply(page.items, page.next_cursor, WriteUser);
}

Result<Reply> CreateUser(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewUser user;
  user.username = RequireString(body, "username", invalid);
  user.display_name = RequireString(body, "display_name", invalid);
  user.role = RequireString(body, "role", invalid);
  user.password = RequireString(body, "password", invalid);
  user.org_id = OptionalId(body, "org_id", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::UserView created, call.app.users().Create(*call.actor, user));
  return JsonReply(beast_http::status::created, WriteUser, created);
}

Result<Reply> GetUser(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::UserView user, call.app.users().Get(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteUser, user);
}

Result<Reply> PatchUser(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::UserPatch patch;
  patch.display_name = OptionalString(body, "display_name", invalid);
  patch.role = OptionalString(body, "role", invalid);
  patch.status = OptionalString(body, "status", invalid);
  patch.org_id = OptionalId(body, "org_id", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::UserView user, call.app.users().Update(*call.actor, id, patch));
  return JsonReply(beast_http::status::ok, WriteUser, user);
}

Result<Reply> ResetPassword(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string password = RequireString(body, "password", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_RETURN_IF_ERROR(call.app.users().ResetPassword(*call.actor, id, password));
  return Reply{beast_http::status::no_content, std::nullopt};
}

Result<Reply> SearchOrgs(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 20, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto orgs,
                      call.app.users().SearchOrgs(*call.actor, QueryValue(query, "q"), limit));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : orgs) {
    items.push_back({{"id", std::to_string(o.id)},
                     {"code", o.code},
                     {"name", o.name},
                     {"kind", o.kind},
                     {"parent_id", o.parent_id ? nlohmann::json(std::to_string(*o.parent_id))
                                               : nlohmann::json(nullptr)}});
  }
  return Reply{beast_http::status::ok, nlohmann::json{{"items", std::move(items)}}};
}

}  // namespace

void AddUserRoutes(std::vector<Route>& routes) {
  routes.push_back({beast_http::verb::get, "/api/v1/users", Access::kSession, ListUsers});
  routes.push_back({beast_http::verb::post, "/api/v1/users", Access::kSession, CreateUser});
  routes.push_back({beast_http::verb::get, "/api/v1/users/:id", Access::kSession, GetUser});
  routes.push_back({beast_http::verb::patch, "/api/v1/users/:id", Access::kSession, PatchUser});
  routes.push_back(
      {beast_http::verb::post, "/api/v1/users/:id/password", Access::kSession, ResetPassword});
}

// The org picker of the account form; the organisations capability will own /api/v1/orgs.
void AddOrgRoutes(std::vector<Route>& routes) {
  routes.push_back({beast_http::verb::get, "/api/v1/orgs", Access::kSession, SearchOrgs});
}

}  // namespace zj::http

// Account management: GET/POST /api/v1/users, GET/PATCH /api/v1/users/:id and
// POST /api/v1/users/:id/password. Who may see and change whom is decided in
// app/accounts/user_directory.h; here are only JSON and query-string mapping.
#include <charconv>

#include "http/route.h"

namespace zj::http {

namespace {

//! A 64-bit id written as decimal digits, or nullopt.
std::optional<std::int64_t> ParseId(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

nlohmann::json UserJson(const app::UserView& u) {
  nlohmann::json user{{"id", std::to_string(u.id)},
                      {"username", u.username},
                      {"display_name", u.display_name},
                      {"role", u.role},
                      {"status", u.status},
                      {"org", nullptr},
                      {"created_at", u.created_at},
                      {"phone_masked", nullptr}};
  if (u.phone_masked) user["phone_masked"] = *u.phone_masked;
  if (u.org_id) {
    user["org"] = {{"id", std::to_string(*u.org_id)}, {"code", u.org_code}, {"name", u.org_name}};
  }
  return user;
}

//! The :id of the path; a malformed one names no user, so it is kNotFound like a missing one.
Result<std::int64_t> PathId(const Call& call) {
  auto it = call.params.find("id");
  if (it != call.params.end()) {
    if (auto id = ParseId(it->second)) return *id;
  }
  return Fail(ErrorCode::kNotFound, "error.not_found", "malformed user id");
}

//! An optional string member: absent or null → nullopt; another type → a field error.
std::optional<std::string> OptionalString(const nlohmann::json& body, const std::string& field,
                                          Error& error) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) return std::nullopt;
  if (!body[field].is_string()) {
    error.fields.push_back({field, "error.field.not_string", {}});
    return std::nullopt;
  }
  return body[field].get<std::string>();
}

//! An optional id member (a decimal string); malformed → a field error.
std::optional<std::int64_t> OptionalId(const nlohmann::json& body, const std::string& field,
                                       Error& error) {
  const std::size_t before = error.fields.size();
  auto text = OptionalString(body, field, error);
  if (!text) return std::nullopt;
  auto id = ParseId(*text);
  if (!id && error.fields.size() == before) {
    error.fields.push_back({field, "error.field.invalid_id", {}});
  }
  return id;
}

Error InvalidInput() {
  return Error{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
}

//! limit from the query string within [1, 200]; `fallback` when absent.
int QueryLimit(const std::map<std::string, std::string>& query, int fallback, Error& error) {
  auto it = query.find("limit");
  if (it == query.end() || it->second.empty()) return fallback;
  int value = 0;
  const auto [end, ec] =
      std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  if (ec != std::errc() || end != it->second.data() + it->second.size() || value < 1 ||
      value > 200) {
    error.fields.push_back({"limit", "error.field.out_of_range", {{"min", "1"}, {"max", "200"}}});
    return fallback;
  }
  return value;
}

std::string QueryValue(const std::map<std::string, std::string>& query, const std::string& name) {
  auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
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
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : page.items) items.push_back(UserJson(u));
  nlohmann::json body{{"items", std::move(items)}, {"next_cursor", nullptr}};
  if (page.next_cursor) body["next_cursor"] = std::to_string(*page.next_cursor);
  return Reply{beast_http::status::ok, std::move(body)};
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
  return Reply{beast_http::status::created, UserJson(created)};
}

Result<Reply> GetUser(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::UserView user, call.app.users().Get(*call.actor, id));
  return Reply{beast_http::status::ok, UserJson(user)};
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
  return Reply{beast_http::status::ok, UserJson(user)};
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

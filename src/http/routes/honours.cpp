// Honour rounds and nominations (issue 21 slice 5): GET/POST /api/v1/honour-rounds, GET
// /api/v1/honour-rounds/:id, GET .../composition?org_id= (the org's list evaluated, without its
// items), GET/POST .../nominations (?org_id=; each add answers the list evaluated again), POST
// .../forward (the org's whole list to its parent: {org_id?, reason?}; a list is forwarded as a
// whole, so the route is the round's, not a nomination's), DELETE /api/v1/nominations/:id (a
// draft; answers its list), POST /api/v1/nominations/:id/award|refuse ({note}). Who may do what
// is decided in app/competitions/honour_service; here are only JSON and query mapping, with
// every input bounded.
#include "http/routes/honour_json.h"

namespace zj::http {

namespace {

//! The use cases over the application's store, clock and audit; ids from a process-wide
//! CSPRNG (the Application does not own an HonourService, to keep application.h as it is).
app::HonourService Honours(Call& call) {
  static app::SecureRandom random;
  return app::HonourService(call.app.db(), call.app.clock(), random, call.app.audit());
}

std::string BoundedText(const nlohmann::json& body, const std::string& field, Error& invalid) {
  auto v = OptionalString(body, field, invalid).value_or("");
  if (v.size() > 4000) v.resize(4001);  // the use case names the bound
  return v;
}

Result<Reply> ListRounds(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 50, invalid);
  const std::int64_t after = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto page, Honours(call).ListRounds(*call.actor, after, limit));
  return PageReply(page.items, page.next_cursor, WriteHonourRound);
}

Result<Reply> CreateRound(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::NewHonourRound in = ReadNewHonourRound(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto v, Honours(call).CreateRound(*call.actor, in));
  return JsonReply(beast_http::status::created, WriteHonourRoundDetail, v);
}

Result<Reply> GetRound(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto v, Honours(call).GetRound(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteHonourRoundDetail, v);
}

Result<Reply> ListOf(Call& call, bool with_items) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const auto org_id = QueryOptionalId(query, "org_id", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto l, Honours(call).List(*call.actor, id, org_id));
  return JsonReply(beast_http::status::ok, WriteHonourList, l, with_items);
}

Result<Reply> Composition(Call& call) { return ListOf(call, false); }
Result<Reply> Nominations(Call& call) { return ListOf(call, true); }

Result<Reply> Nominate(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::NewNomination in = ReadNewNomination(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto l, Honours(call).Nominate(*call.actor, id, in));
  return JsonReply(beast_http::status::created, WriteHonourList, l, true);
}

Result<Reply> Forward(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto org_id = OptionalId(body, "org_id", invalid);
  const std::string reason = BoundedText(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto l, Honours(call).Forward(*call.actor, id, org_id, reason));
  return JsonReply(beast_http::status::ok, WriteHonourList, l, true);
}

Result<Reply> Remove(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto l, Honours(call).Remove(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteHonourList, l, true);
}

Result<Reply> Decide(Call& call, bool award) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  std::string note;
  if (!call.request.body().empty()) {
    ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
    Error invalid = InvalidInput();
    note = BoundedText(body, "note", invalid);
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
  }
  ZJ_ASSIGN_OR_RETURN(auto l, Honours(call).Decide(*call.actor, id, award, note));
  return JsonReply(beast_http::status::ok, WriteHonourList, l, true);
}

Result<Reply> Award(Call& call) { return Decide(call, true); }
Result<Reply> Refuse(Call& call) { return Decide(call, false); }

}  // namespace

void AddHonourRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  const std::string base = "/api/v1/honour-rounds";
  routes.push_back({verb::get, base, Access::kSession, ListRounds});
  routes.push_back({verb::post, base, Access::kSession, CreateRound});
  routes.push_back({verb::get, base + "/:id", Access::kSession, GetRound});
  routes.push_back({verb::get, base + "/:id/composition", Access::kSession, Composition});
  routes.push_back({verb::get, base + "/:id/nominations", Access::kSession, Nominations});
  routes.push_back({verb::post, base + "/:id/nominations", Access::kSession, Nominate});
  routes.push_back({verb::post, base + "/:id/forward", Access::kSession, Forward});
  routes.push_back({verb::delete_, "/api/v1/nominations/:id", Access::kSession, Remove});
  routes.push_back({verb::post, "/api/v1/nominations/:id/award", Access::kSession, Award});
  routes.push_back({verb::post, "/api/v1/nominations/:id/refuse", Access::kSession, Refuse});
}

}  // namespace zj::http

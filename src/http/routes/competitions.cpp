// Labour and skills competitions (issue 21 slice 2): GET/POST /api/v1/competitions, GET
// /api/v1/competitions/:id, POST .../freeze and .../publish, GET/POST .../entries, POST
// .../entries/:eid/veto, GET/POST .../judges, GET .../ranking; a judge's GET /api/v1/judging
// and PUT /api/v1/judging/:id (the entry's id). Who may do what, and which competitions exist
// for whom, is decided in app/competitions; here are only JSON and query mapping, with every
// input bounded.
#include "http/routes/competition_json.h"

namespace zj::http {

namespace {

Result<Reply> ListCompetitions(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 50, invalid);
  const std::int64_t after = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto page, call.app.competitions().List(*call.actor, after, limit));
  return PageReply(page.items, page.next_cursor, WriteCompetition);
}

Result<Reply> CreateCompetition(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::NewCompetition in = ReadNewCompetition(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto d, call.app.competitions().Create(*call.actor, in));
  return JsonReply(beast_http::status::created, WriteCompetitionDetail, d);
}

Result<Reply> GetCompetition(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto d, call.app.competitions().Get(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteCompetitionDetail, d);
}

Result<Reply> Freeze(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto d, call.app.competitions().Freeze(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteCompetitionDetail, d);
}

Result<Reply> Publish(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto r, call.app.competitions().Publish(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteRanking, r);
}

Result<Reply> ListEntries(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto entries, call.app.competitions().Entries(*call.actor, id));
  return PageReply(entries, std::nullopt, WriteCompEntry);
}

Result<Reply> Enrol(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::NewEntry in = ReadNewEntry(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto e, call.app.competitions().Enrol(*call.actor, id, in));
  return JsonReply(beast_http::status::created, WriteCompEntry, e);
}

Result<Reply> Veto(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  const auto eid = ParseId(call.params["eid"]);
  if (!eid) return Fail(ErrorCode::kNotFound, "error.not_found", "malformed entry id");
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string code = RequireString(body, "code", invalid).substr(0, 41);
  std::string note = RequireString(body, "note", invalid);
  if (note.size() > 2000) note.resize(2001);  // the use case names the bound
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto e, call.app.competitions().Veto(*call.actor, id, *eid, code, note));
  return JsonReply(beast_http::status::ok, WriteCompEntry, e);
}

Result<Reply> ListJudges(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto judges, call.app.competitions().Judges(*call.actor, id));
  return PageReply(judges, std::nullopt, WriteCompJudge);
}

Result<Reply> AddJudge(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::NewJudge in = ReadNewJudge(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto j, call.app.competitions().AddJudge(*call.actor, id, in));
  return JsonReply(beast_http::status::created, WriteCompJudge, j);
}

Result<Reply> Ranking(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto r, call.app.competitions().Ranking(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteRanking, r);
}

Result<Reply> MyJudging(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto cards, call.app.competitions().MyJudging(*call.actor));
  return PageReply(cards, std::nullopt, WriteJudgingCard);
}

Result<Reply> PutMarks(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto marks = ReadMarks(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto s, call.app.competitions().Score(*call.actor, id, marks));
  return Reply{beast_http::status::ok, nlohmann::json{{"entry_id", std::to_string(s.entry_id)},
                                                      {"total_e4", s.total_e4},
                                                      {"revised", s.revised}}};
}

}  // namespace

void AddCompetitionRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  const std::string base = "/api/v1/competitions";
  routes.push_back({verb::get, base, Access::kSession, ListCompetitions});
  routes.push_back({verb::post, base, Access::kSession, CreateCompetition});
  routes.push_back({verb::get, base + "/:id", Access::kSession, GetCompetition});
  routes.push_back({verb::post, base + "/:id/freeze", Access::kSession, Freeze});
  routes.push_back({verb::post, base + "/:id/publish", Access::kSession, Publish});
  routes.push_back({verb::get, base + "/:id/entries", Access::kSession, ListEntries});
  routes.push_back({verb::post, base + "/:id/entries", Access::kSession, Enrol});
  routes.push_back({verb::post, base + "/:id/entries/:eid/veto", Access::kSession, Veto});
  routes.push_back({verb::get, base + "/:id/judges", Access::kSession, ListJudges});
  routes.push_back({verb::post, base + "/:id/judges", Access::kSession, AddJudge});
  routes.push_back({verb::get, base + "/:id/ranking", Access::kSession, Ranking});
  routes.push_back({verb::get, "/api/v1/judging", Access::kSession, MyJudging});
  routes.push_back({verb::put, "/api/v1/judging/:id", Access::kSession, PutMarks});
}

}  // namespace zj::http

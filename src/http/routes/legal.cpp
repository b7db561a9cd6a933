// Legal aid and rights cases (issue 20 slice 4): GET/POST /api/v1/legal/cases (filters type,
// stage, collective, alert=open; cursor paging), GET/PATCH /api/v1/legal/cases/:id, POST
// .../workers and DELETE .../workers/:wid, POST .../stages (advance), POST .../close; the
// directory GET/POST /api/v1/legal/lawyers, PATCH /api/v1/legal/lawyers/:id; the collective
// rule GET/PUT /api/v1/legal/rules (setting it is for administrators). Who may do what, and
// which cases exist for whom, is decided in app/legal; here are only JSON and query mapping,
// with every input bounded.
#include "http/routes/legal_json.h"

namespace zj::http {

namespace {

Result<Reply> CaseReply(beast_http::status status, const app::LegalCaseDetail& d) {
  return JsonReply(status, WriteLegalCaseDetail, d);
}

Result<Reply> ListCases(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::LegalCaseFilter filter;
  filter.type = QueryValue(query, "type").substr(0, 32);
  filter.stage = QueryValue(query, "stage").substr(0, 32);
  const std::string collective = QueryValue(query, "collective");
  if (collective == "true") {
    filter.collective = 1;
  } else if (collective == "false") {
    filter.collective = 0;
  } else if (!collective.empty()) {
    invalid.fields.push_back({"collective", "error.legal.collective", {}});
  }
  const std::string alert = QueryValue(query, "alert");
  if (!alert.empty() && alert != "open") {
    invalid.fields.push_back({"alert", "error.legal.alert_filter", {}});
  }
  filter.alerts = alert == "open";
  filter.limit = QueryLimit(query, 50, invalid);
  filter.before_id = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::LegalCasePage page, call.app.legal_cases().List(*call.actor, filter));
  return PageReply(page.items, page.next_cursor, WriteLegalCase);
}

Result<Reply> OpenCase(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::NewLegalCase in = ReadNewLegalCase(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto d, call.app.legal_cases().Open(*call.actor, in));
  return CaseReply(beast_http::status::created, d);
}

Result<Reply> GetCase(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto d, call.app.legal_cases().Get(*call.actor, id));
  return CaseReply(beast_http::status::ok, d);
}

Result<Reply> PatchCase(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::LegalCaseChange change = ReadLegalCaseChange(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto d, call.app.legal_cases().Update(*call.actor, id, change));
  return CaseReply(beast_http::status::ok, d);
}

Result<Reply> AddWorker(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::NewCaseWorker worker = ReadCaseWorker(body, "", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto d, call.app.legal_cases().AddWorker(*call.actor, id, worker));
  return CaseReply(beast_http::status::created, d);
}

Result<Reply> RemoveWorker(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  const auto wid = ParseId(call.params["wid"]);
  if (!wid) return Fail(ErrorCode::kNotFound, "error.not_found", "malformed worker id");
  ZJ_ASSIGN_OR_RETURN(auto d, call.app.legal_cases().RemoveWorker(*call.actor, id, *wid));
  return CaseReply(beast_http::status::ok, d);
}

Result<Reply> AdvanceStage(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string stage = RequireString(body, "stage", invalid).substr(0, 32);
  const std::string started_on = RequireString(body, "started_on", invalid).substr(0, 32);
  std::string note = OptionalString(body, "note", invalid).value_or("");
  if (note.size() > 8000) note.resize(8001);  // the use case names the bound
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto d,
                      call.app.legal_cases().Advance(*call.actor, id, stage, started_on, note));
  return CaseReply(beast_http::status::ok, d);
}

Result<Reply> CloseCase(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  std::string outcome = RequireString(body, "outcome", invalid);
  if (outcome.size() > 800) outcome.resize(801);
  const auto recovered = OptionalInteger(body, "recovered_fen", invalid);
  const std::string closed_on =
      OptionalString(body, "closed_on", invalid).value_or("").substr(0, 32);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto d,
                      call.app.legal_cases().Close(*call.actor, id, outcome, recovered, closed_on));
  return CaseReply(beast_http::status::ok, d);
}

Result<Reply> ListLawyers(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 100, invalid);
  const std::int64_t after = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::LawyerPage page, call.app.lawyers().List(*call.actor, after, limit));
  return PageReply(page.items, page.next_cursor, WriteLawyer);
}

Result<Reply> CreateLawyer(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::LawyerInput in = ReadLawyerInput(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::LawyerView v, call.app.lawyers().Create(*call.actor, in));
  return JsonReply(beast_http::status::created, WriteLawyer, v);
}

Result<Reply> PatchLawyer(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::LawyerInput in = ReadLawyerInput(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::LawyerView v, call.app.lawyers().Update(*call.actor, id, in));
  return JsonReply(beast_http::status::ok, WriteLawyer, v);
}

Reply RuleReply(const legal::CollectiveRule& r) {
  return Reply{beast_http::status::ok, nlohmann::json{{"collective_workers", r.workers},
                                                      {"collective_amount_fen", r.amount_fen}}};
}

Result<Reply> GetRules(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto rule, call.app.lawyers().Rules(*call.actor));
  return RuleReply(rule);
}

Result<Reply> PutRules(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto federation = OptionalId(body, "federation_id", invalid);
  const auto workers = OptionalInteger(body, "collective_workers", invalid);
  const auto amount = OptionalInteger(body, "collective_amount_fen", invalid);
  for (const char* f : {"federation_id", "collective_workers", "collective_amount_fen"}) {
    if (body.is_object() && !body.contains(f)) {
      invalid.fields.push_back({f, "error.field.required", {}});
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  const legal::CollectiveRule rule{
      static_cast<int>(std::clamp<std::int64_t>(workers.value_or(0), -1, 1'000'000)),
      amount.value_or(0)};
  ZJ_ASSIGN_OR_RETURN(auto set,
                      call.app.lawyers().SetRules(*call.actor, federation.value_or(0), rule));
  return RuleReply(set);
}

}  // namespace

void AddLegalRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  const std::string cases = "/api/v1/legal/cases";
  routes.push_back({verb::get, cases, Access::kSession, ListCases});
  routes.push_back({verb::post, cases, Access::kSession, OpenCase});
  routes.push_back({verb::get, cases + "/:id", Access::kSession, GetCase});
  routes.push_back({verb::patch, cases + "/:id", Access::kSession, PatchCase});
  routes.push_back({verb::post, cases + "/:id/workers", Access::kSession, AddWorker});
  routes.push_back({verb::delete_, cases + "/:id/workers/:wid", Access::kSession, RemoveWorker});
  routes.push_back({verb::post, cases + "/:id/stages", Access::kSession, AdvanceStage});
  routes.push_back({verb::post, cases + "/:id/close", Access::kSession, CloseCase});
  routes.push_back({verb::get, "/api/v1/legal/lawyers", Access::kSession, ListLawyers});
  routes.push_back({verb::post, "/api/v1/legal/lawyers", Access::kSession, CreateLawyer});
  routes.push_back({verb::patch, "/api/v1/legal/lawyers/:id", Access::kSession, PatchLawyer});
  routes.push_back({verb::get, "/api/v1/legal/rules", Access::kSession, GetRules});
  routes.push_back({verb::put, "/api/v1/legal/rules", Access::kSession, PutRules});
}

}  // namespace zj::http

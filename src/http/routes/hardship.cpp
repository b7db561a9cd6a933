// Hardship files and region standards (issue 20): GET/POST /api/v1/hardship/files,
// GET /api/v1/hardship/files/:id, POST /api/v1/hardship/files/:id/override, .../reveal and
// .../close;
// GET/POST /api/v1/standards (loading is for administrators). Who may do what, and which
// files exist for whom, is decided in app/hardship; here are only JSON and query mapping.
#include "http/routes/hardship_json.h"

namespace zj::http {

namespace {

Result<Reply> ListFiles(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::HardshipFilter filter;
  filter.status = QueryValue(query, "status").substr(0, 16);
  filter.level = QueryValue(query, "level").substr(0, 16);
  filter.stage = QueryValue(query, "stage").substr(0, 16);
  filter.review_due = QueryValue(query, "review") == "due";
  filter.spot_check_due = QueryValue(query, "spot_check") == "due";
  filter.limit = QueryLimit(query, 50, invalid);
  filter.before_id = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::HardshipPage page, call.app.hardship().List(*call.actor, filter));
  return PageReply(page.items, page.next_cursor, WriteHardshipSummary, call.locale);
}

Result<Reply> GetFile(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::HardshipFileDetail d, call.app.hardship().Get(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteHardshipDetail, d, call.locale);
}

Result<Reply> OpenFile(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::NewHardshipFile file = ReadNewHardshipFile(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::HardshipFileDetail d, call.app.hardship().Open(*call.actor, file));
  return JsonReply(beast_http::status::created, WriteHardshipDetail, d, call.locale);
}

Result<Reply> OverrideLevel(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string level = RequireString(body, "level", invalid).substr(0, 16);
  const std::string reason = RequireString(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::HardshipFileDetail d,
                      call.app.hardship().Override(*call.actor, id, level, reason));
  return JsonReply(beast_http::status::ok, WriteHardshipDetail, d, call.locale);
}

Result<Reply> CloseFile(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string reason = RequireString(body, "reason", invalid).substr(0, 16);
  const std::string note = OptionalString(body, "note", invalid).value_or("");
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::HardshipFileDetail d,
                      call.app.hardship().Close(*call.actor, id, reason, note));
  return JsonReply(beast_http::status::ok, WriteHardshipDetail, d, call.locale);
}

Result<Reply> RevealPerson(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto person = OptionalId(body, "person_id", invalid);
  if (!person && body.is_object() && !body.contains("person_id")) {
    invalid.fields.push_back({"person_id", "error.field.required", {}});
  }
  const std::string field = RequireString(body, "field", invalid);
  const std::string reason = RequireString(body, "reason", invalid);
  if (!field.empty() && field != "name" && field != "id_number") {
    invalid.fields.push_back({"field", "error.hardship.reveal_field", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  const auto which =
      field == "name" ? app::HouseholdRevealField::kName : app::HouseholdRevealField::kIdNumber;
  ZJ_ASSIGN_OR_RETURN(std::string value,
                      call.app.hardship().Reveal(*call.actor, id, *person, which, reason));
  return Reply{beast_http::status::ok, nlohmann::json{{"value", value}}};
}

Result<Reply> ListStandards(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto rows, call.app.standards().List(*call.actor));
  return JsonReply(beast_http::status::ok, [&](JsonWriter& w) {
    w.Object().Key("items").Array();
    for (const auto& s : rows) WriteRegionStandard(w, s);
    w.EndArray().EndObject();
  });
}

Result<Reply> LoadStandard(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::StandardInput in;
  in.region_code = RequireString(body, "region_code", invalid).substr(0, 64);
  const auto year = OptionalInteger(body, "year", invalid);
  if (!year && body.is_object() && !body.contains("year")) {
    invalid.fields.push_back({"year", "error.field.required", {}});
  }
  in.year = static_cast<int>(std::clamp<std::int64_t>(year.value_or(0), 0, 9999));
  const auto fen = OptionalInteger(body, "dibao_monthly_fen", invalid);
  if (!fen && body.is_object() && !body.contains("dibao_monthly_fen")) {
    invalid.fields.push_back({"dibao_monthly_fen", "error.field.required", {}});
  }
  in.dibao_monthly_fen = fen.value_or(0);
  if (auto p = OptionalInteger(body, "sudden_cost_pct", invalid)) {
    in.sudden_cost_pct = static_cast<int>(std::clamp<std::int64_t>(*p, -1, 1000));
  }
  if (auto p = OptionalInteger(body, "sudden_medical_pct", invalid)) {
    in.sudden_medical_pct = static_cast<int>(std::clamp<std::int64_t>(*p, -1, 1000));
  }
  in.source = RequireString(body, "source", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(store::RegionStandardRow row, call.app.standards().Load(*call.actor, in));
  return JsonReply(beast_http::status::ok, WriteRegionStandard, row);
}

}  // namespace

void AddHardshipRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/hardship/files", Access::kSession, ListFiles});
  routes.push_back({verb::post, "/api/v1/hardship/files", Access::kSession, OpenFile});
  routes.push_back({verb::get, "/api/v1/hardship/files/:id", Access::kSession, GetFile});
  routes.push_back(
      {verb::post, "/api/v1/hardship/files/:id/override", Access::kSession, OverrideLevel});
  routes.push_back(
      {verb::post, "/api/v1/hardship/files/:id/reveal", Access::kSession, RevealPerson});
  routes.push_back({verb::post, "/api/v1/hardship/files/:id/close", Access::kSession, CloseFile});
  routes.push_back({verb::get, "/api/v1/standards", Access::kSession, ListStandards});
  routes.push_back({verb::post, "/api/v1/standards", Access::kSession, LoadStandard});
}

}  // namespace zj::http

// My help (我的帮扶): GET /api/v1/me/hardship (the worker's own household's hardship files and
// the aid granted to them, in the worker's words) and POST /api/v1/me/hardship/applications
// (the worker applies: the body of POST /api/v1/hardship/files, where member_income_fen is the
// worker's own income and household the other people; org, member, request, exclusions and year
// are not the applicant's to choose and are ignored). Only the worker's own bound member; what
// the worker may see is app/hardship/my_hardship's rule.
#include "http/request_json.h"
#include "http/route.h"
#include "http/routes/hardship_json.h"

namespace zj::http {

namespace {

template <typename T>
nlohmann::json Opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json GrantJson(const app::MyAidGrant& g) {
  return {{"id", std::to_string(g.id)},   {"kind", g.kind},
          {"period", g.period},           {"amount_fen", g.amount_fen},
          {"status", g.status},           {"paid_on", Opt(g.paid_on)},
          {"proposed_at", g.proposed_at}, {"decided_at", Opt(g.decided_at)}};
}

nlohmann::json FileJson(const app::MyHardshipFile& f) {
  nlohmann::json grants = nlohmann::json::array();
  for (const auto& g : f.grants) grants.push_back(GrantJson(g));
  return {{"id", std::to_string(f.id)},
          {"union_name", f.union_name},
          {"stage", f.stage},
          {"publicity_ends_on", Opt(f.publicity_ends_on)},
          {"review_due_on", Opt(f.review_due_on)},
          {"level", f.level},
          {"household_size", f.household_size},
          {"opened_on", f.opened_on},
          {"closed_on", Opt(f.closed_on)},
          {"close_reason", Opt(f.close_reason)},
          {"grants", std::move(grants)}};
}

Result<Reply> Mine(Call& call) {
  ZJ_ASSIGN_OR_RETURN(app::MyHardship mine, call.app.my_hardship().Get(*call.actor));
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : mine.files) files.push_back(FileJson(f));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"files", std::move(files)}, {"may_apply", mine.may_apply}}};
}

Result<Reply> Apply(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::NewHardshipFile file = ReadNewHardshipFile(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  app::MyHardshipApplication in;
  in.self_income_fen = file.member_income_fen;
  in.household = file.household;
  in.expenses = file.expenses;
  in.sudden_cost_fen = file.sudden_cost_fen;
  in.sudden_medical_fen = file.sudden_medical_fen;
  in.main_cause = file.main_cause;
  in.secondary_causes = file.secondary_causes;
  ZJ_ASSIGN_OR_RETURN(app::MyHardshipFile f, call.app.my_hardship().Apply(*call.actor, in));
  return Reply{beast_http::status::created, FileJson(f)};
}

}  // namespace

void AddMyHardshipRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/me/hardship", Access::kWorker, Mine});
  routes.push_back({verb::post, "/api/v1/me/hardship/applications", Access::kWorker, Apply});
}

}  // namespace zj::http

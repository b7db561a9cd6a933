// The hardship and aid dashboard of a subtree (issue 20): GET /api/v1/hardship/dashboard
// ?org_id=&months= (the caller's own org and 12 months by default). Who may see which org is
// decided in app/hardship/case_dashboard; here is only the JSON.
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json AidJson(const std::vector<app::AidKindFigures>& kinds) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : kinds) {
    out.push_back({{"kind", k.kind},
                   {"approved", k.approved},
                   {"approved_fen", k.approved_fen},
                   {"paid_fen", k.paid_fen}});
  }
  return out;
}

nlohmann::json LegalJson(const app::LegalFigures& f) {
  nlohmann::json by = nlohmann::json::array();
  for (const auto& x : f.by_type_stage) {
    by.push_back({{"type", x.type}, {"stage", x.stage}, {"cases", x.cases}});
  }
  nlohmann::json series = nlohmann::json::array();
  for (const auto& m : f.series) {
    series.push_back({{"month", m.month}, {"opened", m.opened}, {"closed", m.closed}});
  }
  return {{"cases", f.cases},
          {"open", f.open},
          {"by_type_stage", std::move(by)},
          {"claimed_fen", f.claimed_fen},
          {"recovered_fen", f.recovered_fen},
          {"collective_open", f.collective_open},
          {"collective_total", f.collective_total},
          {"series", std::move(series)}};
}

Result<Reply> Dashboard(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const std::optional<std::int64_t> org_id = QueryOptionalId(query, "org_id", invalid);
  const int months = QueryInt(query, "months", 12, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::CaseDashboardView v,
                      call.app.case_dashboard().Of(*call.actor, org_id, months));
  nlohmann::json households = nlohmann::json::array();
  for (const auto& h : v.by_level_cause) {
    households.push_back({{"level", h.level}, {"cause", h.cause}, {"households", h.households}});
  }
  nlohmann::json closed = nlohmann::json::array();
  for (const auto& [reason, n] : v.closed_by_reason) {
    closed.push_back({{"reason", reason}, {"files", n}});
  }
  nlohmann::json series = nlohmann::json::array();
  for (const auto& m : v.series) {
    series.push_back(
        {{"month", m.month}, {"opened", m.opened}, {"closed", m.closed}, {"aid", AidJson(m.aid)}});
  }
  nlohmann::json budgets = nlohmann::json::array();
  for (const auto& b : v.budgets) {
    budgets.push_back({{"kind", b.kind},
                       {"year", b.year},
                       {"amount_fen", b.amount_fen},
                       {"committed_fen", b.committed_fen},
                       {"paid_fen", b.paid_fen}});
  }
  nlohmann::json children = nlohmann::json::array();
  for (const auto& c : v.children) {
    children.push_back({{"id", std::to_string(c.org_id)},
                        {"name", c.name},
                        {"households", c.households},
                        {"aid_approved_fen", c.aid_approved_fen},
                        {"legal_open", c.legal_open}});
  }
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& [stage, n] : v.by_stage) stages.push_back({{"stage", stage}, {"files", n}});
  nlohmann::json body{
      {"org", {{"id", std::to_string(v.org.id)}, {"name", v.org.name}, {"kind", v.org.kind}}},
      {"months", v.months},
      {"from_month", v.from_month},
      {"households", v.households},
      {"by_level_cause", std::move(households)},
      {"by_stage", std::move(stages)},
      {"closed_by_reason", std::move(closed)},
      {"series", std::move(series)},
      {"aid", AidJson(v.aid)},
      {"budgets", std::move(budgets)},
      {"children", std::move(children)},
      {"legal", LegalJson(v.legal)}};
  return Reply{beast_http::status::ok, std::move(body)};
}

}  // namespace

void AddCaseDashboardRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/hardship/dashboard", Access::kSession, Dashboard});
}

}  // namespace zj::http

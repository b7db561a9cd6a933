// GET /api/v1/workbench: the signed-in account's workbench cards (app/workbench/), each with
// its count or rate and the link of the filtered list it counts. Which cards, and what they
// count, is decided in app/; here is only the JSON.
#include "app/workbench/workbench.h"

#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json LinkJson(const app::CardLink& link) {
  nlohmann::json query = nlohmann::json::object();
  for (const auto& [name, value] : link.query) query[name] = value;
  return nlohmann::json{{"route", link.route}, {"query", std::move(query)}};
}

nlohmann::json CardJson(const app::Card& c) {
  nlohmann::json j{{"id", c.id}, {"kind", app::CardKindName(c.kind)}};
  j["count"] = c.count ? nlohmann::json(*c.count) : nlohmann::json(nullptr);
  if (c.is_rate) j["rate"] = c.rate ? nlohmann::json(*c.rate) : nlohmann::json(nullptr);
  j["link"] = c.link ? LinkJson(*c.link) : nlohmann::json(nullptr);
  if (c.kind == app::CardKind::kList) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : c.items) {
      items.push_back(nlohmann::json{
          {"label", item.label},
          {"detail", item.detail},
          {"status", item.status},
          {"due_at", item.due_at ? nlohmann::json(*item.due_at) : nlohmann::json(nullptr)},
          {"link", LinkJson(item.link)}});
    }
    j["items"] = std::move(items);
  }
  return j;
}

Result<Reply> GetWorkbench(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto cards, call.app.workbench().Of(*call.actor));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : cards) out.push_back(CardJson(c));
  return Reply{beast_http::status::ok, nlohmann::json{{"cards", std::move(out)}}};
}

}  // namespace

void AddWorkbenchRoutes(std::vector<Route>& routes) {
  routes.push_back({beast_http::verb::get, "/api/v1/workbench", Access::kSession, GetWorkbench});
}

}  // namespace zj::http

// Competitions in My account (issue 21 slice 4): GET /api/v1/me/competitions (the competitions
// open to the worker with the individual groups and whether the worker meets their rules, the
// worker's entries and, once published, result and rank) and
// POST /api/v1/me/competitions/:id/enrol {group} (individual groups only; the rules failed come
// back as field errors in zh-CN/en). What the worker may see is app/competitions/my_competitions'.
#include "core/i18n/messages.h"
#include "http/request_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

template <typename T>
nlohmann::json Opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json EntryJson(const app::MyEntry& e) {
  return {{"id", std::to_string(e.id)},
          {"competition_id", std::to_string(e.competition_id)},
          {"competition_title", e.competition_title},
          {"competition_status", e.competition_status},
          {"group", e.group},
          {"entrant_kind", e.entrant_kind},
          {"team_name", Opt(e.team_name)},
          {"status", e.status},
          {"number", Opt(e.number)},
          {"vetoed", e.vetoed},
          {"rank_group", Opt(e.rank_group)},
          {"rank_overall", Opt(e.rank_overall)},
          {"result_e4", Opt(e.result_e4)}};
}

Result<Reply> Mine(Call& call) {
  ZJ_ASSIGN_OR_RETURN(app::MyCompetitions mine, call.app.my_competitions().Get(*call.actor));
  nlohmann::json open = nlohmann::json::array();
  for (const auto& c : mine.open) {
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : c.groups) {
      nlohmann::json ineligible = nlohmann::json::array();
      for (const auto& f : g.ineligible) {
        ineligible.push_back({{"field", f.field},
                              {"message", i18n::Translate(call.locale, f.message_key, f.args)},
                              {"key", f.message_key}});
      }
      groups.push_back({{"code", g.code},
                        {"name", g.name},
                        {"enrolled", g.enrolled},
                        {"ineligible", std::move(ineligible)}});
    }
    open.push_back({{"id", std::to_string(c.row.id)},
                    {"title", c.row.title},
                    {"kind", c.row.kind},
                    {"org_name", c.org_name},
                    {"enrol_ends_on", Opt(c.row.enrol_ends_on)},
                    {"groups", std::move(groups)}});
  }
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : mine.entries) entries.push_back(EntryJson(e));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"open", std::move(open)}, {"entries", std::move(entries)}}};
}

Result<Reply> Enrol(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string group = RequireString(body, "group", invalid).substr(0, 41);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::MyEntry e, call.app.my_competitions().Enrol(*call.actor, id, group));
  return Reply{beast_http::status::created, EntryJson(e)};
}

}  // namespace

void AddMyCompetitionRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/me/competitions", Access::kWorker, Mine});
  routes.push_back({verb::post, "/api/v1/me/competitions/:id/enrol", Access::kWorker, Enrol});
}

}  // namespace zj::http

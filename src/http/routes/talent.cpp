// The talent pool (高技能人才) and innovation studios (工作室), issue 22: GET /api/v1/talent
// ?trade=&level_at_least=&org_id=&after=&limit= (the subtree's entries, paged by member id), GET
// and PUT /api/v1/talent/:member_id {trade, level, level_since, level_source}, POST
// /api/v1/talent/:member_id/titles {kind, title, year}, GET/POST /api/v1/studios, POST
// /api/v1/studios/:id/funding {year, amount_fen}, and the worker's GET /api/v1/me/talent. Who may
// do what is app/talent's; here only JSON, with every input bounded. Ids are decimal strings,
// money integer fen; a member is named, with the ID number masked to its last four.
#include <algorithm>

#include "app/application.h"
#include "app/talent/talent_service.h"
#include "http/routes/talent_routes.h"

namespace zj::http {

namespace {

app::TalentService Service(Call& call) {
  static app::SecureRandom random;
  return app::TalentService(call.app.db(), call.app.clock(), random, call.app.audit());
}

//! A string member cut to `max` bytes plus one (the use case names the bound).
std::string Bounded(const nlohmann::json& body, const std::string& field, std::size_t max,
                    Error& invalid) {
  auto v = OptionalString(body, field, invalid).value_or("");
  if (v.size() > max) v.resize(max + 1);
  return v;
}

std::string QueryBounded(const std::map<std::string, std::string>& query, const std::string& name,
                         std::size_t max) {
  std::string v = QueryValue(query, name);
  if (v.size() > max) v.resize(max + 1);
  return v;
}

Result<std::int64_t> MemberId(const Call& call) {
  auto it = call.params.find("member_id");
  if (it != call.params.end()) {
    if (auto id = ParseId(it->second)) return *id;
  }
  return Fail(ErrorCode::kNotFound, "error.not_found", "malformed member id");
}

int Year(const nlohmann::json& body, const std::string& field, Error& invalid) {
  return static_cast<int>(
      std::clamp<std::int64_t>(OptionalInteger(body, field, invalid).value_or(0), -1, 10'000));
}

nlohmann::json EntryJson(const app::TalentEntryView& v) {
  const auto& e = v.row;
  const auto level = talent::LevelOf(e.skill_level);
  return {{"member_id", std::to_string(e.member_id)},
          {"member_name", e.member_name},
          {"id_masked", v.id_masked},
          {"union_name", e.union_name},
          {"trade", e.trade},
          {"level", e.skill_level},
          {"level_code", level ? std::string(talent::SkillLevelCode(*level)) : ""},
          {"national_grade", level ? talent::NationalGrade(*level) : 0},
          {"level_since", e.level_since},
          {"level_source", e.level_source},
          {"updated_at", e.updated_at}};
}

nlohmann::json TitleJson(const store::TalentTitleRow& t) {
  return {{"id", std::to_string(t.id)},
          {"kind", t.kind},
          {"title", t.title},
          {"year", t.year},
          {"source", t.source},
          {"source_id",
           t.source_id ? nlohmann::json(std::to_string(*t.source_id)) : nlohmann::json(nullptr)}};
}

nlohmann::json StudioJson(const store::StudioRow& s) {
  return {{"id", std::to_string(s.id)},
          {"org_id", std::to_string(s.org_id)},
          {"org_name", s.org_name},
          {"name", s.name},
          {"lead_member_id", std::to_string(s.lead_member_id)},
          {"lead_name", s.lead_name},
          {"trade", s.trade},
          {"founded_year", s.founded_year},
          {"funding_first_year",
           s.funding_first_year ? nlohmann::json(*s.funding_first_year) : nlohmann::json(nullptr)},
          {"funding_years", s.funding_years},
          {"funding_amount_fen", s.funding_amount_fen}};
}

nlohmann::json StudioViewJson(const app::StudioView& v) {
  nlohmann::json j = StudioJson(v.row);
  nlohmann::json funding = nlohmann::json::array();
  for (const auto& f : v.funding) {
    funding.push_back({{"year", f.year},
                       {"funding_year", f.funding_year},
                       {"amount_fen", f.amount_fen},
                       {"recorded_at", f.recorded_at}});
  }
  j["funding"] = std::move(funding);
  j["funding_year_now"] =
      v.funding_year_now ? nlohmann::json(*v.funding_year_now) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json CardJson(const app::TalentCard& c) {
  nlohmann::json titles = nlohmann::json::array();
  for (const auto& t : c.titles) titles.push_back(TitleJson(t));
  nlohmann::json studios = nlohmann::json::array();
  for (const auto& s : c.studios) studios.push_back(StudioJson(s));
  return {{"member_id", std::to_string(c.member_id)},
          {"member_name", c.member_name},
          {"entry", c.entry ? EntryJson(*c.entry) : nlohmann::json(nullptr)},
          {"titles", std::move(titles)},
          {"studios", std::move(studios)}};
}

Result<Reply> Search(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::TalentSearch s;
  s.org_id = QueryOptionalId(query, "org_id", invalid);
  s.trade = QueryBounded(query, "trade", 160);
  s.level_at_least = QueryBounded(query, "level_at_least", 20);
  s.after = QueryCursor(query, "after", invalid);
  s.limit = QueryLimit(query, 50, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto page, Service(call).Search(*call.actor, s));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : page.items) items.push_back(EntryJson(e));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"items", std::move(items)},
                              {"next_cursor",
                               page.next_cursor ? nlohmann::json(std::to_string(*page.next_cursor))
                                                : nlohmann::json(nullptr)}}};
}

Result<Reply> GetCard(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, MemberId(call));
  ZJ_ASSIGN_OR_RETURN(auto card, Service(call).Card(*call.actor, id));
  return Reply{beast_http::status::ok, CardJson(card)};
}

Result<Reply> Put(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, MemberId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::TalentChange change;
  change.trade = Bounded(body, "trade", 160, invalid);
  if (body.is_object() && body.contains("level") && body["level"].is_number_integer()) {
    change.level =
        std::to_string(std::clamp<std::int64_t>(body["level"].get<std::int64_t>(), 0, 9));
  } else {
    change.level = Bounded(body, "level", 20, invalid);
  }
  change.level_since = Bounded(body, "level_since", 10, invalid);
  change.level_source = Bounded(body, "level_source", 20, invalid);
  if (change.level_source.empty()) change.level_source = "cadre";
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto card, Service(call).Set(*call.actor, id, change));
  return Reply{beast_http::status::ok, CardJson(card)};
}

Result<Reply> AddTitle(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, MemberId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewTalentTitle t;
  t.kind = Bounded(body, "kind", 20, invalid);
  t.title = Bounded(body, "title", 400, invalid);
  t.year = Year(body, "year", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto card, Service(call).AddTitle(*call.actor, id, t));
  return Reply{beast_http::status::created, CardJson(card)};
}

Result<Reply> ListStudios(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const auto org = QueryOptionalId(query, "org_id", invalid);
  const std::int64_t after = QueryCursor(query, "after", invalid);
  const int limit = QueryLimit(query, 50, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto page, Service(call).Studios(*call.actor, org, after, limit));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : page.items) items.push_back(StudioViewJson(s));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"items", std::move(items)},
                              {"next_cursor",
                               page.next_cursor ? nlohmann::json(std::to_string(*page.next_cursor))
                                                : nlohmann::json(nullptr)}}};
}

Result<Reply> CreateStudio(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewStudio in;
  in.org_id = OptionalId(body, "org_id", invalid).value_or(0);
  in.name = Bounded(body, "name", 400, invalid);
  in.lead_member_id = OptionalId(body, "lead_member_id", invalid).value_or(0);
  in.trade = Bounded(body, "trade", 160, invalid);
  in.founded_year = Year(body, "founded_year", invalid);
  if (const auto first = OptionalInteger(body, "funding_first_year", invalid)) {
    in.funding_first_year = static_cast<int>(std::clamp<std::int64_t>(*first, -1, 10'000));
  }
  if (const auto years = OptionalInteger(body, "funding_years", invalid)) {
    in.funding_years = static_cast<int>(std::clamp<std::int64_t>(*years, -1, 1'000));
  }
  if (const auto fen = OptionalInteger(body, "funding_amount_fen", invalid)) {
    in.funding_amount_fen = std::clamp<std::int64_t>(*fen, -1, 100'000'000'000LL);
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto studio, Service(call).CreateStudio(*call.actor, in));
  return Reply{beast_http::status::created, StudioViewJson(studio)};
}

Result<Reply> RecordFunding(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const int year = Year(body, "year", invalid);
  std::optional<std::int64_t> amount;
  if (const auto fen = OptionalInteger(body, "amount_fen", invalid)) {
    amount = std::clamp<std::int64_t>(*fen, -1, 100'000'000'000LL);
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto studio, Service(call).RecordFunding(*call.actor, id, year, amount));
  return Reply{beast_http::status::created, StudioViewJson(studio)};
}

Result<Reply> Mine(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto card, Service(call).Mine(*call.actor));
  return Reply{beast_http::status::ok, CardJson(card)};
}

}  // namespace

void AddTalentRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/talent", Access::kSession, Search});
  routes.push_back({verb::get, "/api/v1/talent/:member_id", Access::kSession, GetCard});
  routes.push_back({verb::put, "/api/v1/talent/:member_id", Access::kSession, Put});
  routes.push_back({verb::post, "/api/v1/talent/:member_id/titles", Access::kSession, AddTitle});
  routes.push_back({verb::get, "/api/v1/studios", Access::kSession, ListStudios});
  routes.push_back({verb::post, "/api/v1/studios", Access::kSession, CreateStudio});
  routes.push_back({verb::post, "/api/v1/studios/:id/funding", Access::kSession, RecordFunding});
  routes.push_back({verb::get, "/api/v1/me/talent", Access::kWorker, Mine});
}

}  // namespace zj::http

// Mutual-aid plans on the member card (互助保障, issue 22): GET/POST /api/v1/mutual-aid/plans,
// GET .../plans/:id, GET/POST .../plans/:id/periods (open the period containing a day), POST
// .../periods/:id/enrol {org_id}, GET/POST .../periods/:id/lists {org_id}, POST
// .../lists/:id/send and .../apply, GET/POST .../claims, POST .../claims/:id/approve, refuse
// {reason} and pay {reference, paid_on}; the worker's GET /api/v1/me/mutual-aid/plans and
// GET/POST /api/v1/me/mutual-aid/claims. Who may do what is app/mutual_aid's; here only JSON,
// with every input bounded. Ids are decimal strings, money integer fen, days YYYY-MM-DD; a
// claim names its member by id only.
#include <algorithm>

#include "app/application.h"
#include "app/mutual_aid/mutual_aid_service.h"
#include "http/routes/mutual_aid_routes.h"

namespace zj::http {

namespace {

constexpr std::size_t kMaxItems = 100;

app::MutualAidService Service(Call& call) {
  static app::SecureRandom random;
  return app::MutualAidService(call.app.db(), call.app.clock(), random, call.app.audit());
}

template <typename T>
nlohmann::json Opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json OptId(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(std::to_string(*v)) : nlohmann::json(nullptr);
}

//! An optional string member cut to `max` bytes plus one (the use case names the bound).
std::string Bounded(const nlohmann::json& body, const std::string& field, std::size_t max,
                    Error& invalid) {
  auto v = OptionalString(body, field, invalid).value_or("");
  if (v.size() > max) v.resize(max + 1);
  return v;
}

//! An array member of at most kMaxItems; absent: nullptr; else a field error.
const nlohmann::json* Items(const nlohmann::json& body, const std::string& field, Error& invalid) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) return nullptr;
  const auto& v = body[field];
  if (!v.is_array() || v.size() > kMaxItems) {
    invalid.fields.push_back({field, "error.field.out_of_range", {{"min", "0"}, {"max", "100"}}});
    return nullptr;
  }
  return &v;
}

std::int64_t Money(const nlohmann::json& body, const std::string& field, Error& invalid) {
  return std::clamp<std::int64_t>(OptionalInteger(body, field, invalid).value_or(0), -1,
                                  100'000'000'000LL);
}

nlohmann::json BenefitJson(const mutual_aid::BenefitRule& b) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : b.items) items.push_back({{"code", i.code}, {"amount_fen", i.amount_fen}});
  return {{"code", b.code},
          {"kind", std::string(mutual_aid::BenefitKindCode(b.kind))},
          {"share_bp", b.kind == mutual_aid::BenefitKind::kShareOfLoss ? nlohmann::json(b.share_bp)
                                                                       : nlohmann::json(nullptr)},
          {"cap_fen", Opt(b.cap_fen)},
          {"items", std::move(items)}};
}

nlohmann::json PlanJson(const store::MaPlanRow& p) {
  return {{"id", std::to_string(p.id)},
          {"org_id", std::to_string(p.org_id)},
          {"code", p.code},
          {"title", p.title},
          {"kind", p.kind},
          {"period_month", p.period_month},
          {"period_day", p.period_day},
          {"per_head_fen", p.per_head_fen},
          {"eligibility", p.eligibility},
          {"changes_days_before", p.changes_days_before},
          {"status", p.status},
          {"created_at", p.created_at}};
}

nlohmann::json PeriodJson(const store::MaPeriodRow& p) {
  return {{"id", std::to_string(p.id)}, {"plan_id", std::to_string(p.plan_id)},
          {"starts_on", p.starts_on},   {"ends_on", p.ends_on},
          {"headcount", p.headcount},   {"status", p.status}};
}

nlohmann::json PlanDetailJson(const app::MaPlanDetail& d) {
  nlohmann::json j = PlanJson(d.row);
  nlohmann::json payers = nlohmann::json::array();
  for (const auto& p : d.payers) payers.push_back({{"payer", p.payer}, {"share_bp", p.share_bp}});
  nlohmann::json benefits = nlohmann::json::array();
  for (const auto& b : d.benefits) benefits.push_back(BenefitJson(b));
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& p : d.periods) periods.push_back(PeriodJson(p));
  j["payers"] = std::move(payers);
  j["benefits"] = std::move(benefits);
  j["periods"] = std::move(periods);
  return j;
}

nlohmann::json LinesJson(const std::vector<app::MaListLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : lines) {
    out.push_back(
        {{"member_id", std::to_string(l.member_id)}, {"since", l.since}, {"reason", l.reason}});
  }
  return out;
}

nlohmann::json ListJson(const app::MaListView& v) {
  return {{"id", std::to_string(v.row.id)},
          {"period_id", std::to_string(v.row.period_id)},
          {"org_id", std::to_string(v.row.org_id)},
          {"from_on", v.row.from_on},
          {"to_on", v.row.to_on},
          {"status", v.row.status},
          {"made_at", v.row.made_at},
          {"sent_at", Opt(v.row.sent_at)},
          {"applied_at", Opt(v.row.applied_at)},
          {"additions", LinesJson(v.additions)},
          {"removals", LinesJson(v.removals)}};
}

nlohmann::json ClaimJson(const app::MaClaimView& v) {
  const auto& c = v.row;
  return {{"id", std::to_string(c.id)},
          {"plan_id", std::to_string(c.plan_id)},
          {"plan_title", v.plan_title},
          {"period_id", std::to_string(c.period_id)},
          {"member_id", std::to_string(c.member_id)},
          {"benefit_code", c.benefit_code},
          {"incident_date", c.incident_date},
          {"loss_fen", v.loss_fen},
          {"items", v.items},
          {"amount_fen", c.amount_fen},
          {"capped", c.capped},
          {"status", c.status},
          {"filed_by", c.filed_by},
          {"request_id", OptId(c.request_id)},
          {"refused_reason", Opt(c.refused_reason)},
          {"decided_at", Opt(c.decided_at)},
          {"paid_on", Opt(c.paid_on)},
          {"payment_ref", Opt(c.payment_ref)},
          {"created_at", c.created_at}};
}

Reply ItemsReply(beast_http::status status, nlohmann::json items) {
  return Reply{status, nlohmann::json{{"items", std::move(items)}}};
}

app::NewMaPlan ReadPlan(const nlohmann::json& body, Error& invalid) {
  app::NewMaPlan in;
  in.org_id = OptionalId(body, "org_id", invalid);
  in.code = Bounded(body, "code", 40, invalid);
  in.title = Bounded(body, "title", 800, invalid);
  in.kind = Bounded(body, "kind", 40, invalid);
  if (in.kind.empty()) in.kind = "medical";
  in.eligibility = Bounded(body, "eligibility", 40, invalid);
  if (in.eligibility.empty()) in.eligibility = "card_holders";
  in.period_month = static_cast<unsigned>(
      std::clamp<std::int64_t>(OptionalInteger(body, "period_month", invalid).value_or(6), 0, 13));
  in.period_day = static_cast<unsigned>(
      std::clamp<std::int64_t>(OptionalInteger(body, "period_day", invalid).value_or(1), 0, 32));
  in.per_head_fen = Money(body, "per_head_fen", invalid);
  in.changes_days_before = static_cast<int>(std::clamp<std::int64_t>(
      OptionalInteger(body, "changes_days_before", invalid).value_or(15), -1, 1000));
  if (const auto* payers = Items(body, "payers", invalid)) {
    for (std::size_t i = 0; i < payers->size(); ++i) {
      Error local = InvalidInput();
      mutual_aid::PayerShare p;
      p.payer = Bounded((*payers)[i], "payer", 40, local);
      p.share_bp = static_cast<int>(std::clamp<std::int64_t>(
          OptionalInteger((*payers)[i], "share_bp", local).value_or(0), -1, 100'000));
      for (auto& e : local.fields) {
        e.field = "payers." + std::to_string(i) + "." + e.field;
        invalid.fields.push_back(std::move(e));
      }
      in.payers.push_back(std::move(p));
    }
  }
  if (const auto* benefits = Items(body, "benefits", invalid)) {
    for (std::size_t i = 0; i < benefits->size(); ++i) {
      const auto& x = (*benefits)[i];
      Error local = InvalidInput();
      mutual_aid::BenefitRule b;
      b.code = Bounded(x, "code", 40, local);
      const auto kind = mutual_aid::ParseBenefitKind(Bounded(x, "kind", 40, local));
      if (!kind) {
        local.fields.push_back(
            {"kind", "error.field.one_of", {{"values", "share_of_loss, itemised"}}});
      }
      b.kind = kind.value_or(mutual_aid::BenefitKind::kShareOfLoss);
      b.share_bp = static_cast<int>(
          std::clamp<std::int64_t>(OptionalInteger(x, "share_bp", local).value_or(0), -1, 100'000));
      if (x.contains("cap_fen") && !x["cap_fen"].is_null()) b.cap_fen = Money(x, "cap_fen", local);
      if (x.contains("items") && x["items"].is_array() && x["items"].size() > 1000) {
        local.fields.push_back({"items", "error.mutual_aid.benefit_items", {}});
      } else if (x.contains("items") && x["items"].is_array()) {
        for (const auto& item : x["items"]) {
          mutual_aid::Item it;
          it.code = Bounded(item, "code", 40, local);
          it.amount_fen = Money(item, "amount_fen", local);
          b.items.push_back(std::move(it));
        }
      }
      for (auto& e : local.fields) {
        e.field = "benefits." + std::to_string(i) + "." + e.field;
        invalid.fields.push_back(std::move(e));
      }
      in.benefits.push_back(std::move(b));
    }
  }
  return in;
}

app::NewMaClaim ReadClaim(const nlohmann::json& body, Error& invalid, bool worker) {
  app::NewMaClaim in;
  const auto plan = OptionalId(body, "plan_id", invalid);
  if (!plan) invalid.fields.push_back({"plan_id", "error.field.required", {}});
  in.plan_id = plan.value_or(0);
  if (!worker) {
    const auto member = OptionalId(body, "member_id", invalid);
    if (!member) invalid.fields.push_back({"member_id", "error.field.required", {}});
    in.member_id = member.value_or(0);
    in.request_id = OptionalId(body, "request_id", invalid);
  }
  in.benefit_code = RequireString(body, "benefit_code", invalid).substr(0, 41);
  in.incident_date = RequireString(body, "incident_date", invalid).substr(0, 11);
  in.loss_fen = Money(body, "loss_fen", invalid);
  if (const auto* items = Items(body, "items", invalid)) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (!(*items)[i].is_string()) {
        invalid.fields.push_back({"items." + std::to_string(i), "error.field.not_string", {}});
        continue;
      }
      in.items.push_back((*items)[i].get<std::string>().substr(0, 41));
    }
  }
  return in;
}

std::optional<std::int64_t> BodyOrgId(const nlohmann::json& body, Error& invalid) {
  const auto id = OptionalId(body, "org_id", invalid);
  if (!id) invalid.fields.push_back({"org_id", "error.field.required", {}});
  return id;
}

// ---- staff

Result<Reply> ListPlans(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto plans, Service(call).ListPlans(*call.actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : plans) items.push_back(PlanJson(p));
  return ItemsReply(beast_http::status::ok, std::move(items));
}

Result<Reply> CreatePlan(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto in = ReadPlan(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto d, Service(call).CreatePlan(*call.actor, in));
  return Reply{beast_http::status::created, PlanDetailJson(d)};
}

Result<Reply> GetPlan(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto d, Service(call).GetPlan(*call.actor, id));
  return Reply{beast_http::status::ok, PlanDetailJson(d)};
}

Result<Reply> ListPeriods(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto periods, Service(call).Periods(*call.actor, id));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : periods) items.push_back(PeriodJson(p));
  return ItemsReply(beast_http::status::ok, std::move(items));
}

Result<Reply> OpenPeriod(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string day = Bounded(body, "day", 10, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto p, Service(call).OpenPeriod(*call.actor, id, day));
  return Reply{beast_http::status::ok, PeriodJson(p)};
}

Result<Reply> Enrol(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto org = BodyOrgId(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto out, Service(call).Enrol(*call.actor, id, *org));
  return Reply{beast_http::status::ok, nlohmann::json{{"period", PeriodJson(out.period)},
                                                      {"enrolled", out.enrolled},
                                                      {"in_org", out.in_org}}};
}

Result<Reply> ListLists(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto lists, Service(call).Lists(*call.actor, id));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& l : lists) items.push_back(ListJson(l));
  return ItemsReply(beast_http::status::ok, std::move(items));
}

Result<Reply> MakeList(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto org = BodyOrgId(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto l, Service(call).MakeList(*call.actor, id, *org));
  return Reply{beast_http::status::created, ListJson(l)};
}

Result<Reply> SendList(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto l, Service(call).SendList(*call.actor, id));
  return Reply{beast_http::status::ok, ListJson(l)};
}

Result<Reply> ApplyList(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto l, Service(call).ApplyList(*call.actor, id));
  return Reply{beast_http::status::ok, ListJson(l)};
}

Result<Reply> ListClaims(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 50, invalid);
  const std::int64_t after = QueryCursor(query, "after", invalid);
  std::string status = QueryValue(query, "status");
  if (status.size() > 20) status.resize(21);
  const std::string to_decide = QueryValue(query, "to_decide");
  if (!to_decide.empty() && to_decide != "me") {
    invalid.fields.push_back({"to_decide", "error.field.one_of", {{"values", "me"}}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  // to_decide=me: the workbench card's queue (filed claims of the plans at the actor's level).
  ZJ_ASSIGN_OR_RETURN(auto page, to_decide.empty()
                                     ? Service(call).Claims(*call.actor, status, after, limit)
                                     : Service(call).ClaimsToDecide(*call.actor, after, limit));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : page.items) items.push_back(ClaimJson(c));
  return Reply{beast_http::status::ok, nlohmann::json{{"items", std::move(items)},
                                                      {"next_cursor", OptId(page.next_cursor)}}};
}

Result<Reply> FileClaim(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto in = ReadClaim(body, invalid, false);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto c, Service(call).FileClaim(*call.actor, in));
  return Reply{beast_http::status::created, ClaimJson(c)};
}

Result<Reply> Approve(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto c, Service(call).Approve(*call.actor, id));
  return Reply{beast_http::status::ok, ClaimJson(c)};
}

Result<Reply> Refuse(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string reason = RequireString(body, "reason", invalid).substr(0, 2001);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto c, Service(call).Refuse(*call.actor, id, reason));
  return Reply{beast_http::status::ok, ClaimJson(c)};
}

Result<Reply> Pay(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string reference = RequireString(body, "reference", invalid).substr(0, 101);
  const std::string paid_on = Bounded(body, "paid_on", 10, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto c, Service(call).Pay(*call.actor, id, reference, paid_on));
  return Reply{beast_http::status::ok, ClaimJson(c)};
}

// ---- the worker's own

Result<Reply> MyPlans(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto plans, Service(call).MyPlans(*call.actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : plans) {
    nlohmann::json benefits = nlohmann::json::array();
    for (const auto& b : p.benefits) benefits.push_back(BenefitJson(b));
    items.push_back({{"plan", PlanJson(p.plan)},
                     {"period", PeriodJson(p.period)},
                     {"covered_from", p.covered_from},
                     {"removed_on", Opt(p.removed_on)},
                     {"benefits", std::move(benefits)}});
  }
  return ItemsReply(beast_http::status::ok, std::move(items));
}

Result<Reply> MyClaims(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto claims, Service(call).MyClaims(*call.actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : claims) items.push_back(ClaimJson(c));
  return ItemsReply(beast_http::status::ok, std::move(items));
}

Result<Reply> FileMyClaim(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto in = ReadClaim(body, invalid, true);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto c, Service(call).FileMyClaim(*call.actor, in));
  return Reply{beast_http::status::created, ClaimJson(c)};
}

}  // namespace

nlohmann::json MaClaimJson(const app::MaClaimView& v) { return ClaimJson(v); }
nlohmann::json MaPlanDetailJson(const app::MaPlanDetail& d) { return PlanDetailJson(d); }
nlohmann::json MaPeriodJson(const store::MaPeriodRow& p) { return PeriodJson(p); }
app::NewMaClaim MaClaimFromBody(const nlohmann::json& body, Error& invalid, bool worker) {
  return ReadClaim(body, invalid, worker);
}

void AddMutualAidRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  const std::string base = "/api/v1/mutual-aid";
  routes.push_back({verb::get, base + "/plans", Access::kSession, ListPlans});
  routes.push_back({verb::post, base + "/plans", Access::kSession, CreatePlan});
  routes.push_back({verb::get, base + "/plans/:id", Access::kSession, GetPlan});
  routes.push_back({verb::get, base + "/plans/:id/periods", Access::kSession, ListPeriods});
  routes.push_back({verb::post, base + "/plans/:id/periods", Access::kSession, OpenPeriod});
  routes.push_back({verb::post, base + "/periods/:id/enrol", Access::kSession, Enrol});
  routes.push_back({verb::get, base + "/periods/:id/lists", Access::kSession, ListLists});
  routes.push_back({verb::post, base + "/periods/:id/lists", Access::kSession, MakeList});
  routes.push_back({verb::post, base + "/lists/:id/send", Access::kSession, SendList});
  routes.push_back({verb::post, base + "/lists/:id/apply", Access::kSession, ApplyList});
  routes.push_back({verb::get, base + "/claims", Access::kSession, ListClaims});
  routes.push_back({verb::post, base + "/claims", Access::kSession, FileClaim});
  routes.push_back({verb::post, base + "/claims/:id/approve", Access::kSession, Approve});
  routes.push_back({verb::post, base + "/claims/:id/refuse", Access::kSession, Refuse});
  routes.push_back({verb::post, base + "/claims/:id/pay", Access::kSession, Pay});
  routes.push_back({verb::get, "/api/v1/me/mutual-aid/plans", Access::kWorker, MyPlans});
  routes.push_back({verb::get, "/api/v1/me/mutual-aid/claims", Access::kWorker, MyClaims});
  routes.push_back({verb::post, "/api/v1/me/mutual-aid/claims", Access::kWorker, FileMyClaim});
}

}  // namespace zj::http

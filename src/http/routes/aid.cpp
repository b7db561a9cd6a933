// Aid grants and the rules of aid (issue 20 slice 3): GET/POST /api/v1/aid/grants (filters
// status, kind, file_id, to_decide=me; cursor paging), GET /api/v1/aid/grants/:id, POST
// .../approve, .../refuse, .../pay; GET/POST /api/v1/aid/rules, /aid/limits, /aid/budgets
// (loading is for administrators). Who may do what, and which grants exist for whom, is decided
// in app/aid; here are only JSON and query mapping, with every input bounded.
#include "http/routes/aid_json.h"

namespace zj::http {

namespace {

//! A required id member of the body (a decimal string).
std::int64_t RequireId(const nlohmann::json& body, const std::string& field, Error& invalid) {
  const auto id = OptionalId(body, field, invalid);
  if (!id && body.is_object() && !body.contains(field)) {
    invalid.fields.push_back({field, "error.field.required", {}});
  }
  return id.value_or(0);
}

//! A required integer member, clamped to [low, high] (the use case names the bounds).
std::int64_t RequireInteger(const nlohmann::json& body, const std::string& field, Error& invalid,
                            std::int64_t low, std::int64_t high) {
  const auto v = OptionalInteger(body, field, invalid);
  if (!v && body.is_object() && !body.contains(field)) {
    invalid.fields.push_back({field, "error.field.required", {}});
  }
  return std::clamp<std::int64_t>(v.value_or(0), low, high);
}

constexpr std::int64_t kFenBound = 100'000'000'000;  // above every use case's bound

Result<Reply> ListGrants(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::AidFilter filter;
  filter.status = QueryValue(query, "status").substr(0, 16);
  filter.kind = QueryValue(query, "kind").substr(0, 16);
  const std::string to_decide = QueryValue(query, "to_decide");
  if (!to_decide.empty() && to_decide != "me") {
    invalid.fields.push_back({"to_decide", "error.aid.to_decide", {}});
  }
  filter.to_decide = to_decide == "me";
  const std::string file = QueryValue(query, "file_id");
  if (!file.empty()) {
    const auto id = ParseId(file);
    if (!id) invalid.fields.push_back({"file_id", "error.field.invalid_id", {}});
    filter.file_id = id.value_or(0);
  }
  filter.limit = QueryLimit(query, 50, invalid);
  filter.before_id = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::AidPage page, call.app.aid().List(*call.actor, filter));
  return PageReply(page.items, page.next_cursor, WriteAidGrant, call.locale);
}

Result<Reply> GetGrant(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::AidGrantDetail d, call.app.aid().Get(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteAidGrantDetail, d, call.locale);
}

Result<Reply> ProposeGrant(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::NewAidGrant in;
  in.file_id = RequireId(body, "file_id", invalid);
  in.kind = RequireString(body, "kind", invalid).substr(0, 16);
  in.period = RequireString(body, "period", invalid).substr(0, 16);
  if (auto a = OptionalInteger(body, "amount_fen", invalid)) {
    in.amount_fen = std::clamp<std::int64_t>(*a, -1, kFenBound);
  }
  if (auto c = OptionalInteger(body, "cost_fen", invalid)) {
    in.cost_fen = std::clamp<std::int64_t>(*c, -1, kFenBound);
  }
  if (auto s = OptionalInteger(body, "students", invalid)) {
    in.students = static_cast<int>(std::clamp<std::int64_t>(*s, -1, 1000));
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::AidGrantDetail d, call.app.aid().Propose(*call.actor, in));
  return JsonReply(beast_http::status::created, WriteAidGrantDetail, d, call.locale);
}

Result<Reply> ApproveGrant(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::AidGrantDetail d, call.app.aid().Approve(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteAidGrantDetail, d, call.locale);
}

Result<Reply> RefuseGrant(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string reason = RequireString(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::AidGrantDetail d, call.app.aid().Refuse(*call.actor, id, reason));
  return JsonReply(beast_http::status::ok, WriteAidGrantDetail, d, call.locale);
}

Result<Reply> PayGrant(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const app::AidPaymentInput in = ReadAidPayment(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::AidGrantDetail d, call.app.aid().Pay(*call.actor, id, in));
  return JsonReply(beast_http::status::ok, WriteAidGrantDetail, d, call.locale);
}

template <typename Row, typename Write>
Reply Items(const std::vector<Row>& rows, Write write) {
  return JsonReply(beast_http::status::ok, [&](JsonWriter& w) {
    w.Object().Key("items").Array();
    for (const auto& r : rows) write(w, r);
    w.EndArray().EndObject();
  });
}

Result<Reply> ListRules(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto rows, call.app.aid_rules().Rules(*call.actor));
  return Items(rows, WriteAidRule);
}

Result<Reply> LoadRule(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::AidRuleInput in;
  in.scope_org_id = RequireId(body, "scope_org_id", invalid);
  in.year = static_cast<int>(RequireInteger(body, "year", invalid, 0, 9999));
  in.kind = RequireString(body, "kind", invalid).substr(0, 16);
  in.level = RequireString(body, "level", invalid).substr(0, 16);
  in.rule = RequireString(body, "rule", invalid).substr(0, 32);
  in.per = OptionalString(body, "per", invalid).value_or("household").substr(0, 16);
  in.months = static_cast<int>(
      std::clamp<std::int64_t>(OptionalInteger(body, "months", invalid).value_or(0), -1, 1000));
  in.amount_fen = std::clamp<std::int64_t>(OptionalInteger(body, "amount_fen", invalid).value_or(0),
                                           -1, kFenBound);
  in.share_pct = static_cast<int>(
      std::clamp<std::int64_t>(OptionalInteger(body, "share_pct", invalid).value_or(0), -1, 1000));
  if (auto cap = OptionalInteger(body, "cap_fen", invalid)) {
    in.cap_fen = std::clamp<std::int64_t>(*cap, -1, kFenBound);
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(store::AidRuleRow row, call.app.aid_rules().LoadRule(*call.actor, in));
  return JsonReply(beast_http::status::ok, WriteAidRule, row);
}

Result<Reply> ListLimits(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto rows, call.app.aid_rules().Limits(*call.actor));
  return Items(rows, WriteApprovalLimit);
}

Result<Reply> LoadLimit(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::ApprovalLimitInput in;
  in.scope_org_id = RequireId(body, "scope_org_id", invalid);
  in.kind = RequireString(body, "kind", invalid).substr(0, 16);
  in.org_level = RequireString(body, "org_level", invalid).substr(0, 16);
  in.max_fen = RequireInteger(body, "max_fen", invalid, -1, kFenBound);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(store::ApprovalLimitRow row, call.app.aid_rules().LoadLimit(*call.actor, in));
  return JsonReply(beast_http::status::ok, WriteApprovalLimit, row);
}

Result<Reply> ListBudgets(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto rows, call.app.aid_rules().Budgets(*call.actor));
  return Items(rows, WriteBudget);
}

Result<Reply> LoadBudget(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::BudgetInput in;
  in.org_id = RequireId(body, "org_id", invalid);
  in.year = static_cast<int>(RequireInteger(body, "year", invalid, 0, 9999));
  in.kind = RequireString(body, "kind", invalid).substr(0, 16);
  in.amount_fen = RequireInteger(body, "amount_fen", invalid, -1, kFenBound);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(store::BudgetRow row, call.app.aid_rules().LoadBudget(*call.actor, in));
  return JsonReply(beast_http::status::ok, WriteBudget, row);
}

}  // namespace

void AddAidRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/aid/grants", Access::kSession, ListGrants});
  routes.push_back({verb::post, "/api/v1/aid/grants", Access::kSession, ProposeGrant});
  routes.push_back({verb::get, "/api/v1/aid/grants/:id", Access::kSession, GetGrant});
  routes.push_back({verb::post, "/api/v1/aid/grants/:id/approve", Access::kSession, ApproveGrant});
  routes.push_back({verb::post, "/api/v1/aid/grants/:id/refuse", Access::kSession, RefuseGrant});
  routes.push_back({verb::post, "/api/v1/aid/grants/:id/pay", Access::kSession, PayGrant});
  routes.push_back({verb::get, "/api/v1/aid/rules", Access::kSession, ListRules});
  routes.push_back({verb::post, "/api/v1/aid/rules", Access::kSession, LoadRule});
  routes.push_back({verb::get, "/api/v1/aid/limits", Access::kSession, ListLimits});
  routes.push_back({verb::post, "/api/v1/aid/limits", Access::kSession, LoadLimit});
  routes.push_back({verb::get, "/api/v1/aid/budgets", Access::kSession, ListBudgets});
  routes.push_back({verb::post, "/api/v1/aid/budgets", Access::kSession, LoadBudget});
}

}  // namespace zj::http

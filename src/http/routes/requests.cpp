// Service requests for staff: GET /api/v1/requests (queues), GET/POST /api/v1/requests/:id,
// POST /api/v1/requests (intake by operators and staff), .../actions, .../messages,
// .../transfer (to another org, with a reason), .../phone/reveal (with a reason, audited); the
// queue's search (?q=) and tab counts (GET /api/v1/requests/counts); a member's requests (GET
// /api/v1/members/:id/requests); the follow-up visits (回访): GET
// /api/v1/requests/follow-ups and POST /api/v1/requests/:id/follow-up; the service dashboard
// of a subtree (GET /api/v1/requests/dashboard); the
// categories: GET /api/v1/request-categories (public, the portal needs them) and PATCH
// /api/v1/request-categories/:code (administrators). Scope and roles are decided in
// app/requests; here are only JSON and query mapping.
#include <algorithm>

#include "core/requests/request_flow.h"
#include "core/requests/service_stats.h"
#include "http/request_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

Result<Reply> ListRequests(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::RequestFilter filter;
  if (const std::string box = QueryValue(query, "box"); !box.empty()) filter.box = box;
  // One status or several, comma-separated ("submitted,accepted,in_progress": the open ones).
  if (const std::string status = QueryValue(query, "status"); !status.empty()) {
    std::string_view rest = status;
    while (true) {
      const std::size_t comma = rest.find(',');
      const std::string_view one = rest.substr(0, comma);
      if (!requests::ParseStatus(one)) {
        invalid.fields.push_back({"status", "error.requests.status", {}});
        break;
      }
      filter.statuses.emplace_back(one);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  filter.category = QueryValue(query, "category");
  filter.priority = QueryValue(query, "priority");
  filter.q = QueryValue(query, "q");  // bounded and read in app/requests; never logged
  filter.limit = QueryLimit(query, 50, invalid);
  if (const std::string org = QueryValue(query, "org_id"); !org.empty()) {
    filter.org_id = ParseId(org);
    if (!filter.org_id) invalid.fields.push_back({"org_id", "error.field.invalid_id", {}});
  }
  filter.before_id = QueryCursor(query, "cursor", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::RequestPage page, call.app.requests().List(*call.actor, filter));
  return PageReply(page.items, page.next_cursor, WriteRequestSummary, call.locale);
}

Result<Reply> CountRequests(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  std::optional<std::int64_t> org_id;
  if (const std::string org = QueryValue(query, "org_id"); !org.empty()) {
    org_id = ParseId(org);
    if (!org_id) invalid.fields.push_back({"org_id", "error.field.invalid_id", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::QueueCountsView v, call.app.requests().Counts(*call.actor, org_id));
  const auto& c = v.counts;
  return Reply{beast_http::status::ok, nlohmann::json{{"new", c.fresh},
                                                      {"mine", c.mine},
                                                      {"overdue", c.overdue},
                                                      {"escalated", c.escalated},
                                                      {"follow_up", c.follow_ups},
                                                      {"cap", v.cap}}};
}

Result<Reply> MemberRequests(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 20, invalid);
  const std::int64_t before = QueryCursor(query, "cursor", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::RequestPage page,
                      call.app.requests().ForMember(*call.actor, id, before, limit));
  return PageReply(page.items, page.next_cursor, WriteRequestSummary, call.locale);
}

Result<Reply> RevealRequestPhone(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string reason = RequireString(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(std::string value, call.app.requests().RevealPhone(*call.actor, id, reason));
  return Reply{beast_http::status::ok, nlohmann::json{{"value", value}}};
}

Result<Reply> GetRequest(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::RequestView v, call.app.requests().Get(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteRequestDetail, v, call.locale);
}

Result<Reply> CreateRequest(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewRequest in = NewRequestFrom(body, invalid);
  in.channel = RequireString(body, "channel", invalid);
  if (auto priority = OptionalString(body, "priority", invalid)) in.priority = *priority;
  in.member_id = OptionalId(body, "member_id", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::RequestView v, call.app.requests().Register(*call.actor, in));
  return JsonReply(beast_http::status::created, WriteRequestDetail, v, call.locale);
}

Result<Reply> ActOnRequest(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string name = RequireString(body, "action", invalid);
  const auto text = OptionalString(body, "body", invalid);
  const auto action = requests::ParseAction(name);
  const bool handler_action =
      action && (*action == requests::Action::kAccept || *action == requests::Action::kContact ||
                 *action == requests::Action::kResolve || *action == requests::Action::kReject ||
                 *action == requests::Action::kClose);
  if (!name.empty() && !handler_action) {
    invalid.fields.push_back({"action", "error.requests.action", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::RequestView v,
                      call.app.requests().Act(*call.actor, id, *action, text.value_or("")));
  return JsonReply(beast_http::status::ok, WriteRequestDetail, v, call.locale);
}

Result<Reply> AddRequestMessage(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string text = RequireString(body, "body", invalid);
  // No default: whether the worker reads it is said every time, so a client that forgets
  // cannot send an internal note to the worker.
  bool internal = false;
  if (!body.is_object() || !body.contains("internal")) {
    invalid.fields.push_back({"internal", "error.field.required", {}});
  } else if (body["internal"].is_boolean()) {
    internal = body["internal"].get<bool>();
  } else {
    invalid.fields.push_back({"internal", "error.field.boolean", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::RequestView v,
                      call.app.requests().AddMessage(*call.actor, id, text, internal));
  return JsonReply(beast_http::status::ok, WriteRequestDetail, v, call.locale);
}

Result<Reply> TransferRequest(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::size_t before = invalid.fields.size();
  const auto to = OptionalId(body, "to_org_id", invalid);
  if (!to && invalid.fields.size() == before) {
    invalid.fields.push_back({"to_org_id", "error.field.required", {}});
  }
  const std::string reason = OptionalString(body, "reason", invalid).value_or("");
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::RequestView v,
                      call.app.requests().Transfer(*call.actor, id, *to, reason));
  return JsonReply(beast_http::status::ok, WriteRequestDetail, v, call.locale);
}

Result<Reply> ListFollowUps(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::FollowUpFilter filter;
  if (const std::string state = QueryValue(query, "state"); state == "done") {
    filter.done = true;
  } else if (!state.empty() && state != "open") {
    invalid.fields.push_back({"state", "error.requests.follow_up_state", {}});
  }
  filter.limit = QueryLimit(query, 50, invalid);
  if (const std::string org = QueryValue(query, "org_id"); !org.empty()) {
    filter.org_id = ParseId(org);
    if (!filter.org_id) invalid.fields.push_back({"org_id", "error.field.invalid_id", {}});
  }
  // newest first: "after" this one in the list is an older id
  filter.before_id = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::FollowUpPage page, call.app.requests().FollowUps(*call.actor, filter));
  return PageReply(page.items, page.next_cursor, WriteFollowUpEntry, call.locale);
}

Result<Reply> FinishFollowUp(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string note = RequireString(body, "note", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::RequestView v,
                      call.app.requests().FinishFollowUp(*call.actor, id, note));
  return JsonReply(beast_http::status::ok, WriteRequestDetail, v, call.locale);
}

nlohmann::json FiguresJson(const requests::StatsDelta& f) {
  return {{"submitted", f.submitted},   {"urgent", f.urgent},
          {"accepted", f.accepted},     {"accepted_on_time", f.accepted_on_time},
          {"resolved", f.resolved},     {"resolved_on_time", f.resolved_on_time},
          {"escalated", f.escalated},   {"rated", f.rated},
          {"rating_sum", f.rating_sum}, {"low_ratings", f.low_ratings},
          {"reopened", f.reopened},     {"resolved_within", f.resolved_within}};
}

nlohmann::json OptRate(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

//! The median's bucket as days: (min, max], max null for "over the last bound".
nlohmann::json MedianJson(const std::optional<std::size_t>& bucket) {
  if (!bucket) return nullptr;
  const auto& bounds = requests::kResolveBucketDays;
  const int min = *bucket == 0 ? 0 : bounds[*bucket - 1];
  return {
      {"min", min},
      {"max", *bucket < bounds.size() ? nlohmann::json(bounds[*bucket]) : nlohmann::json(nullptr)}};
}

Result<Reply> ServiceDashboard(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const std::optional<std::int64_t> org_id = QueryOptionalId(query, "org_id", invalid);
  const int weeks = QueryInt(query, "weeks", 12, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::ServiceDashboardView v,
                      call.app.service_dashboard().Of(*call.actor, org_id, weeks));
  const bool en = call.locale == i18n::Locale::kEn;
  nlohmann::json categories = nlohmann::json::array();
  for (const auto& c : v.categories) {
    nlohmann::json j = FiguresJson(c.figures);
    j["code"] = c.code;
    j["name"] = en ? c.name_en : c.name_zh;
    categories.push_back(std::move(j));
  }
  nlohmann::json series = nlohmann::json::array();
  for (const auto& w : v.series) {
    nlohmann::json j = FiguresJson(w.figures);
    j["week"] = w.week;
    nlohmann::json by_category = nlohmann::json::object();
    for (const auto& [code, n] : w.submitted_by_category) by_category[code] = n;
    j["submitted_by_category"] = std::move(by_category);
    series.push_back(std::move(j));
  }
  nlohmann::json children = nlohmann::json::array();
  for (const auto& c : v.children) {
    nlohmann::json j = FiguresJson(c.figures);
    j["id"] = std::to_string(c.org_id);
    j["name"] = c.name;
    children.push_back(std::move(j));
  }
  nlohmann::json overdue = nlohmann::json::array();
  for (const auto& o : v.most_overdue) {
    overdue.push_back({{"org", {{"id", std::to_string(o.org_id)}, {"name", o.org_name}}},
                       {"overdue", o.overdue}});
  }
  nlohmann::json body{
      {"org", {{"id", std::to_string(v.org.id)}, {"name", v.org.name}, {"kind", v.org.kind}}},
      {"weeks", v.weeks},
      {"from_week", v.from_week},
      {"total", FiguresJson(v.total)},
      {"accepted_on_time_rate", OptRate(v.accepted_on_time_rate)},
      {"resolved_on_time_rate", OptRate(v.resolved_on_time_rate)},
      {"average_rating", OptRate(v.average_rating)},
      {"median_resolve_days", MedianJson(v.median_bucket)},
      {"resolve_bucket_days", requests::kResolveBucketDays},
      {"categories", std::move(categories)},
      {"series", std::move(series)},
      {"children", std::move(children)},
      {"most_overdue", std::move(overdue)}};
  return Reply{beast_http::status::ok, std::move(body)};
}

Result<Reply> ListCategories(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto categories, call.app.requests().Categories());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : categories) out.push_back(CategoryJson(c, call.locale));
  return Reply{beast_http::status::ok, std::move(out)};
}

Result<Reply> PatchCategory(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::CategoryPatch patch;
  patch.name_zh = OptionalString(body, "name_zh", invalid);
  patch.name_en = OptionalString(body, "name_en", invalid);
  patch.lowest_level = OptionalString(body, "lowest_level", invalid);
  auto days = [&](const char* field) -> std::optional<int> {
    const auto v = OptionalInteger(body, field, invalid);
    if (!v) return std::nullopt;
    return static_cast<int>(std::clamp<std::int64_t>(*v, -1, 1000));
  };
  patch.accept_days = days("accept_days");
  patch.contact_days = days("contact_days");
  patch.resolve_days = days("resolve_days");
  if (body.is_object() && body.contains("active") && !body["active"].is_null()) {
    if (body["active"].is_boolean()) {
      patch.active = body["active"].get<bool>();
    } else {
      invalid.fields.push_back({"active", "error.field.boolean", {}});
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(store::CategoryRow c,
                      call.app.requests().UpdateCategory(*call.actor, call.params["code"], patch));
  return Reply{beast_http::status::ok, CategoryJson(c, call.locale)};
}

}  // namespace

void AddRequestRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/request-categories", Access::kPublic, ListCategories});
  routes.push_back(
      {verb::patch, "/api/v1/request-categories/:code", Access::kSession, PatchCategory});
  routes.push_back({verb::get, "/api/v1/requests", Access::kSession, ListRequests});
  routes.push_back({verb::post, "/api/v1/requests", Access::kSession, CreateRequest});
  routes.push_back({verb::get, "/api/v1/requests/:id", Access::kSession, GetRequest});
  routes.push_back({verb::post, "/api/v1/requests/:id/actions", Access::kSession, ActOnRequest});
  routes.push_back(
      {verb::post, "/api/v1/requests/:id/messages", Access::kSession, AddRequestMessage});
  routes.push_back(
      {verb::post, "/api/v1/requests/:id/transfer", Access::kSession, TransferRequest});
  routes.push_back({verb::get, "/api/v1/requests/follow-ups", Access::kSession, ListFollowUps});
  routes.push_back({verb::get, "/api/v1/requests/counts", Access::kSession, CountRequests});
  routes.push_back(
      {verb::post, "/api/v1/requests/:id/phone/reveal", Access::kSession, RevealRequestPhone});
  routes.push_back({verb::get, "/api/v1/members/:id/requests", Access::kSession, MemberRequests});
  routes.push_back({verb::get, "/api/v1/requests/dashboard", Access::kSession, ServiceDashboard});
  routes.push_back(
      {verb::post, "/api/v1/requests/:id/follow-up", Access::kSession, FinishFollowUp});
}

}  // namespace zj::http

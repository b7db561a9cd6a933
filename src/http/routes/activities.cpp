// Activities (issue 22 slice 2): the organiser's GET/POST /api/v1/activities, GET/PATCH
// /api/v1/activities/:id, POST .../open|close|cancel, GET .../registrations and POST
// .../registrations/:rid/cancel {reason}; the worker's GET /api/v1/me/activities, POST and DELETE
// /api/v1/me/activities/:id/registration and POST .../confirm. Who may do what, and which
// activities exist for whom, is app/activities'; here only JSON and query mapping, every input
// bounded. Ids are decimal strings, instants Unix ms, money integer fen.
#include <algorithm>

#include "app/activities/activity_service.h"
#include "app/activities/my_activities.h"
#include "http/route.h"

namespace zj::http {

// Check-ins and reach (routes/activity_check_ins.cpp).
void AddActivityCheckInRoutes(std::vector<Route>& routes);

namespace {

constexpr std::size_t kMaxAudience = 201;

// The use cases are made per call over the application's store, clock and audit (they hold
// nothing else), so the Application, which every file of http/ includes, stays as it is.
app::Random& CallRandom() {
  thread_local app::SecureRandom random;
  return random;
}

app::ActivityService Activities(Call& call) {
  return {call.app.db(), call.app.clock(), CallRandom(), call.app.audit()};
}

app::MyActivityService MyActivities(Call& call) {
  return {call.app.db(), call.app.clock(), CallRandom()};
}  //!< one past the use case's bound: it names the field

std::optional<std::string> Bounded(const nlohmann::json& body, const std::string& field,
                                   std::size_t max, Error& invalid) {
  auto v = OptionalString(body, field, invalid);
  if (v && v->size() > max) v->resize(max + 1);
  return v;
}

std::optional<int> SmallInt(const nlohmann::json& body, const std::string& field, Error& invalid) {
  const auto v = OptionalInteger(body, field, invalid);
  if (!v) return std::nullopt;
  return static_cast<int>(std::clamp<std::int64_t>(*v, -1, 10'000'000));
}

app::ActivityFields ReadFields(const nlohmann::json& body, Error& invalid) {
  app::ActivityFields f;
  f.kind = Bounded(body, "kind", 20, invalid);
  f.title = Bounded(body, "title", 800, invalid);
  f.place = Bounded(body, "place", 800, invalid);
  f.starts_at = OptionalInteger(body, "starts_at", invalid);
  f.ends_at = OptionalInteger(body, "ends_at", invalid);
  f.opens_at = OptionalInteger(body, "opens_at", invalid);
  f.closes_at = OptionalInteger(body, "closes_at", invalid);
  f.capacity = SmallInt(body, "capacity", invalid);
  if (body.is_object() && body.contains("waitlist_max")) {
    f.waitlist_max = SmallInt(body, "waitlist_max", invalid);
  }
  f.cancel_cutoff_hours = SmallInt(body, "cancel_cutoff_hours", invalid);
  f.confirm_hours = SmallInt(body, "confirm_hours", invalid);
  if (body.is_object() && body.contains("walk_ins")) {
    if (body["walk_ins"].is_boolean()) {
      f.walk_ins = body["walk_ins"].get<bool>();
    } else {
      invalid.fields.push_back({"walk_ins", "error.field.invalid", {}});
    }
  }
  f.fee_fen = OptionalInteger(body, "fee_fen", invalid);
  if (body.is_object() && body.contains("audience") && !body["audience"].is_null()) {
    const auto& a = body["audience"];
    if (!a.is_array() || a.size() > kMaxAudience) {
      invalid.fields.push_back({"audience",
                                "error.activity.audience_size",
                                {{"max", std::to_string(kMaxAudience - 1)}}});
    } else {
      std::vector<std::int64_t> ids;
      for (std::size_t i = 0; i < a.size(); ++i) {
        const auto id = a[i].is_string() ? ParseId(a[i].get<std::string>()) : std::nullopt;
        if (!id) {
          invalid.fields.push_back({"audience." + std::to_string(i), "error.field.invalid_id", {}});
        } else {
          ids.push_back(*id);
        }
      }
      f.audience = std::move(ids);
    }
  }
  return f;
}

void WriteActivity(JsonWriter& w, const store::ActivityRow& a) {
  w.Object().Key("id").Id(a.id).Key("org_id").Id(a.org_id);
  w.Key("kind").Str(a.kind).Key("title").Str(a.title).Key("place").Str(a.place);
  w.Key("starts_at").Int(a.starts_at).Key("ends_at").Int(a.ends_at);
  w.Key("opens_at").Int(a.opens_at).Key("closes_at").Int(a.closes_at);
  w.Key("capacity").Int(a.capacity).Key("waitlist_max");
  if (a.waitlist_max) {
    w.Int(*a.waitlist_max);
  } else {
    w.Null();
  }
  w.Key("cancel_cutoff_hours").Int(a.cancel_cutoff_hours);
  w.Key("confirm_hours").Int(a.confirm_hours).Key("walk_ins").Bool(a.walk_ins);
  w.Key("fee_fen").Int(a.fee_fen).Key("audience").Str(a.audience).Key("status").Str(a.status);
  w.Key("seats_taken").Int(a.seats_taken).Key("waitlisted").Int(a.waitlisted);
  w.Key("checked_in").Int(a.checked_in);
  w.Key("created_at").Int(a.created_at).Key("updated_at").Int(a.updated_at);
  w.EndObject();
}

void WriteDetail(JsonWriter& w, const app::ActivityDetail& d) {
  w.Object().Key("activity");
  WriteActivity(w, d.row);
  w.Key("org_name").Str(d.org_name).Key("audience_orgs").Array();
  for (const auto& o : d.audience)
    w.Object().Key("id").Id(o.org_id).Key("name").Str(o.name).EndObject();
  w.EndArray().EndObject();
}

void WriteRegistration(JsonWriter& w, const app::RegistrationView& v) {
  const auto& r = v.row;
  w.Object()
      .Key("id")
      .Id(r.id)
      .Key("activity_id")
      .Id(r.activity_id)
      .Key("member_id")
      .Id(r.member_id);
  w.Key("member_name").Str(v.member_name_masked).Key("union_name").Str(v.union_name);
  w.Key("state").Str(r.state).Key("position").OptInt(r.position).Key("place").OptInt(v.place);
  w.Key("confirm_by").OptInt(r.confirm_by).Key("registered_at").Int(r.registered_at);
  w.Key("changed_at").Int(r.changed_at);
  w.EndObject();
}

void WriteMine(JsonWriter& w, const app::MyActivity& m) {
  w.Object().Key("activity");
  WriteActivity(w, m.row);
  w.Key("org_name").Str(m.org_name).Key("mine");
  if (m.mine) {
    w.Object().Key("state").Str(m.mine->state).Key("confirm_by").OptInt(m.mine->confirm_by);
    w.Key("waitlist_place")
        .OptInt(m.waitlist_place)
        .Key("registered_at")
        .Int(m.mine->registered_at);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("cancel_until").Int(m.cancel_until).Key("can_register").Bool(m.can_register);
  w.EndObject();
}

Result<Reply> List(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 50, invalid);
  const std::int64_t after = QueryCursor(query, "after", invalid);
  std::string status = QueryValue(query, "status");
  if (status.size() > 20) status.resize(21);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto page, Activities(call).List(*call.actor, status, after, limit));
  return PageReply(page.items, page.next_cursor, WriteActivity);
}

Result<Reply> Create(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewActivity in;
  in.org_id = OptionalId(body, "org_id", invalid);
  in.fields = ReadFields(body, invalid);
  if (!in.fields.title) in.fields.title = "";
  if (!in.fields.place) in.fields.place = "";
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto d, Activities(call).Create(*call.actor, in));
  return JsonReply(beast_http::status::created, WriteDetail, d);
}

Result<Reply> Get(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto d, Activities(call).Get(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteDetail, d);
}

Result<Reply> Patch(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto fields = ReadFields(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto d, Activities(call).Patch(*call.actor, id, fields));
  return JsonReply(beast_http::status::ok, WriteDetail, d);
}

Result<Reply> Open(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto d, Activities(call).Open(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteDetail, d);
}

Result<Reply> Close(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto d, Activities(call).Close(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteDetail, d);
}

Result<Reply> Cancel(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto d, Activities(call).Cancel(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteDetail, d);
}

Result<Reply> Registrations(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto regs, Activities(call).Registrations(*call.actor, id));
  return PageReply(regs, std::nullopt, WriteRegistration);
}

Result<Reply> CancelRegistration(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  const auto rid = ParseId(call.params["rid"]);
  if (!rid) return Fail(ErrorCode::kNotFound, "error.not_found", "malformed registration id");
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  std::string reason = RequireString(body, "reason", invalid);
  if (reason.size() > 2000) reason.resize(2001);  // the use case names the bound
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto v, Activities(call).CancelRegistration(*call.actor, id, *rid, reason));
  return JsonReply(beast_http::status::ok, WriteRegistration, v);
}

Result<Reply> Mine(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto items, MyActivities(call).List(*call.actor));
  return PageReply(items, std::nullopt, WriteMine);
}

Result<Reply> Register(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto m, MyActivities(call).Register(*call.actor, id));
  return JsonReply(beast_http::status::created, WriteMine, m);
}

Result<Reply> Unregister(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto m, MyActivities(call).Cancel(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteMine, m);
}

Result<Reply> Confirm(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto m, MyActivities(call).Confirm(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteMine, m);
}

}  // namespace

void AddActivityRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  const std::string base = "/api/v1/activities";
  routes.push_back({verb::get, base, Access::kSession, List});
  routes.push_back({verb::post, base, Access::kSession, Create});
  routes.push_back({verb::get, base + "/:id", Access::kSession, Get});
  routes.push_back({verb::patch, base + "/:id", Access::kSession, Patch});
  routes.push_back({verb::post, base + "/:id/open", Access::kSession, Open});
  routes.push_back({verb::post, base + "/:id/close", Access::kSession, Close});
  routes.push_back({verb::post, base + "/:id/cancel", Access::kSession, Cancel});
  routes.push_back({verb::get, base + "/:id/registrations", Access::kSession, Registrations});
  routes.push_back(
      {verb::post, base + "/:id/registrations/:rid/cancel", Access::kSession, CancelRegistration});
  AddActivityCheckInRoutes(routes);
  const std::string me = "/api/v1/me/activities";
  routes.push_back({verb::get, me, Access::kWorker, Mine});
  routes.push_back({verb::post, me + "/:id/registration", Access::kWorker, Register});
  routes.push_back({verb::delete_, me + "/:id/registration", Access::kWorker, Unregister});
  routes.push_back({verb::post, me + "/:id/confirm", Access::kWorker, Confirm});
}

}  // namespace zj::http

// The hardship file's workflow (issue 20 slice 2): GET /api/v1/hardship/files/:id/flow (the stage,
// its dates and the steps the caller may take), POST /api/v1/hardship/files/:id/steps {step,
// note, visit_on, visitors}; GET/PUT /api/v1/hardship/rules (the federation's numbers; setting
// them is for administrators). The rules of who may take which step are app/hardship's.
#include "http/routes/hardship_json.h"

namespace zj::http {

namespace {

//! Bounds where the input enters: a step's name, a date, visitors' names.
constexpr std::size_t kMaxCode = 32;
constexpr std::size_t kMaxVisitors = 10;
constexpr std::size_t kMaxVisitorBytes = 80;
constexpr std::size_t kMaxNoteBytes = 4000;

void WriteFlow(JsonWriter& w, const app::FlowView& v) {
  w.Object();
  w.Key("file_id").Id(v.row.file_id);
  w.Key("stage").Str(v.row.stage);
  w.Key("publicity_ends_on").OptStr(v.row.publicity_ends_on);
  w.Key("review_due_on").OptStr(v.row.review_due_on);
  w.Key("review_due").Bool(v.review_due);
  w.Key("spot_check_due").Bool(v.row.spot_check_due);
  w.Key("open_objections").Int(v.row.open_objections);
  w.Key("offered").Array();
  for (const auto& s : v.offered) w.Str(s);
  w.EndArray();
  w.Key("updated_at").Int(v.row.updated_at);
  w.EndObject();
}

void WriteRules(JsonWriter& w, const store::HardshipRulesRow& r) {
  w.Object();
  w.Key("publicity_working_days").Int(r.publicity_working_days);
  w.Key("review_months").Int(r.review_months);
  w.Key("reminder_days").Int(r.reminder_days);
  w.Key("retention_years").Int(r.retention_years);
  w.Key("spot_check_pct").Int(r.spot_check_pct);
  w.Key("updated_at").Int(r.updated_at);
  w.EndObject();
}

Result<Reply> GetFlow(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::FlowView v, call.app.hardship_flow().Of(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteFlow, v);
}

Result<Reply> TakeStep(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  app::FlowStepInput in;
  in.step = RequireString(body, "step", invalid).substr(0, kMaxCode);
  in.note = OptionalString(body, "note", invalid).value_or("").substr(0, kMaxNoteBytes);
  in.visit_on = OptionalString(body, "visit_on", invalid).value_or("").substr(0, kMaxCode);
  if (body.is_object() && body.contains("visitors") && !body["visitors"].is_null()) {
    const auto& a = body["visitors"];
    if (!a.is_array() || a.size() > kMaxVisitors) {
      invalid.fields.push_back({"visitors", "error.hardship.visitors_many", {}});
    } else {
      for (const auto& v : a) {
        if (!v.is_string()) {
          invalid.fields.push_back({"visitors", "error.hardship.visitor_name", {}});
          break;
        }
        in.visitors.push_back(v.get<std::string>().substr(0, kMaxVisitorBytes));
      }
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::FlowView v, call.app.hardship_flow().Take(*call.actor, id, in));
  return JsonReply(beast_http::status::ok, WriteFlow, v);
}

Result<Reply> GetRules(Call& call) {
  ZJ_ASSIGN_OR_RETURN(store::HardshipRulesRow r, call.app.hardship_flow().Rules(*call.actor));
  return JsonReply(beast_http::status::ok, WriteRules, r);
}

Result<Reply> PutRules(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  store::HardshipRulesRow r;
  const auto number = [&](const char* field, int& into) {
    const auto v = OptionalInteger(body, field, invalid);
    if (!v && body.is_object() && !body.contains(field)) {
      invalid.fields.push_back({field, "error.field.required", {}});
    }
    into = static_cast<int>(std::clamp<std::int64_t>(v.value_or(0), -1, 100000));
  };
  number("publicity_working_days", r.publicity_working_days);
  number("review_months", r.review_months);
  number("reminder_days", r.reminder_days);
  number("retention_years", r.retention_years);
  number("spot_check_pct", r.spot_check_pct);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(store::HardshipRulesRow saved,
                      call.app.hardship_flow().SetRules(*call.actor, r));
  return JsonReply(beast_http::status::ok, WriteRules, saved);
}

}  // namespace

void AddHardshipFlowRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/hardship/files/:id/flow", Access::kSession, GetFlow});
  routes.push_back({verb::post, "/api/v1/hardship/files/:id/steps", Access::kSession, TakeStep});
  routes.push_back({verb::get, "/api/v1/hardship/rules", Access::kSession, GetRules});
  routes.push_back({verb::put, "/api/v1/hardship/rules", Access::kSession, PutRules});
}

}  // namespace zj::http

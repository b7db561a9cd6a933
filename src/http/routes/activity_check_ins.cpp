// Check-in by the member card's QR and reach (issue 22; docs/design/activities.md "Offline
// check-in replay", "Reach"): POST /api/v1/activities/:id/check-ins {scans: [{scan_id, token,
// scanned_at}]} (a batch of at most 500: each scan's outcome), GET /api/v1/activities/:id/
// check-ins (the organiser's list, names masked) and GET /api/v1/activities/reach?org_id=
// (members, reached in 12 months, not reached, and the subtree's streets). Who may do what is
// app/activities/check_ins.h's; here only JSON and every input bounded: the batch's size, each
// scan id's form (core IsScanId) and each token's length, as field errors.
#include "app/activities/check_ins.h"
#include "app/cards/card_token.h"
#include "core/activities/check_in.h"
#include "http/route.h"
#include "http/routes/scans_json.h"

namespace zj::http {

std::vector<app::ScanIn> ReadScans(const nlohmann::json& body, Error& invalid) {
  std::vector<app::ScanIn> out;
  if (!body.is_object() || !body.contains("scans") || !body["scans"].is_array()) {
    invalid.fields.push_back({"scans", "error.field.required", {}});
    return out;
  }
  const auto& scans = body["scans"];
  if (scans.size() > app::kMaxScansPerBatch) {
    invalid.fields.push_back(
        {"scans", "error.check_in.batch_size", {{"max", std::to_string(app::kMaxScansPerBatch)}}});
    return out;
  }
  out.reserve(scans.size());
  for (std::size_t i = 0; i < scans.size(); ++i) {
    const auto& s = scans[i];
    const std::string at = "scans." + std::to_string(i) + ".";
    app::ScanIn in;
    if (!s.is_object()) {
      invalid.fields.push_back({"scans." + std::to_string(i), "error.field.invalid", {}});
      continue;
    }
    if (s.contains("scan_id") && s["scan_id"].is_string() &&
        activities::IsScanId(s["scan_id"].get<std::string>())) {
      in.scan_id = s["scan_id"].get<std::string>();
    } else {
      invalid.fields.push_back({at + "scan_id", "error.check_in.scan_id", {}});
    }
    if (s.contains("token") && s["token"].is_string() &&
        s["token"].get_ref<const std::string&>().size() <= app::kMaxCardTokenLength) {
      in.token = s["token"].get<std::string>();
    } else {
      invalid.fields.push_back({at + "token",
                                "error.field.too_long",
                                {{"max", std::to_string(app::kMaxCardTokenLength)}}});
    }
    if (s.contains("scanned_at") && s["scanned_at"].is_number_integer()) {
      in.scanned_at = s["scanned_at"].get<std::int64_t>();
    } else {
      invalid.fields.push_back({at + "scanned_at", "error.field.not_integer", {}});
    }
    out.push_back(std::move(in));
  }
  return out;
}

void WriteScanAnswer(JsonWriter& w, const app::ScanAnswer& a) {
  w.Object().Key("scan_id").Str(a.scan_id).Key("outcome").Str(a.outcome);
  w.Key("reason").StrOrNull(a.reason).Key("message_key").StrOrNull(a.message_key);
  w.Key("member_id").OptId(a.member_id).Key("member_name").StrOrNull(a.member_name);
  w.EndObject();
}

namespace {

app::CheckInService CheckIns(Call& call) {
  return {call.app.db(), call.app.clock(), call.app.vault(), call.app.audit()};
}

void WriteCheckIn(JsonWriter& w, const app::CheckInView& v) {
  w.Object().Key("scan_id").Str(v.row.scan_id).Key("member_id").Id(v.row.member_id);
  w.Key("member_name").Str(v.member_name_masked).Key("union_name").Str(v.union_name);
  w.Key("scanned_at").Int(v.row.scanned_at).Key("recorded_at").Int(v.row.recorded_at);
  w.EndObject();
}

void WriteReachRow(JsonWriter& w, const store::ReachRow& r) {
  w.Object().Key("org_id").Id(r.org_id).Key("name").Str(r.name).Key("kind").Str(r.kind);
  w.Key("members").Int(r.members).Key("reached_12m").Int(r.reached_12m);
  w.Key("not_reached").Int(std::max<std::int64_t>(0, r.members - r.reached_12m));
  w.EndObject();
}

void WriteReach(JsonWriter& w, const app::ReachView& v) {
  w.Object().Key("org");
  WriteReachRow(w, v.org);
  w.Key("members").Int(v.org.members).Key("reached_12m").Int(v.org.reached_12m);
  w.Key("not_reached").Int(v.not_reached).Key("streets").Array();
  for (const auto& s : v.streets) WriteReachRow(w, s);
  w.EndArray().EndObject();
}

Result<Reply> Record(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto scans = ReadScans(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto answers, CheckIns(call).Record(*call.actor, id, scans));
  return PageReply(answers, std::nullopt, WriteScanAnswer);
}

Result<Reply> List(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto items, CheckIns(call).List(*call.actor, id));
  return PageReply(items, std::nullopt, WriteCheckIn);
}

Result<Reply> Reach(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const auto org_id = QueryOptionalId(query, "org_id", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto reach, CheckIns(call).Reach(*call.actor, org_id));
  return JsonReply(beast_http::status::ok, WriteReach, reach);
}

}  // namespace

void AddActivityCheckInRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  const std::string base = "/api/v1/activities";
  routes.push_back({verb::post, base + "/:id/check-ins", Access::kSession, Record});
  routes.push_back({verb::get, base + "/:id/check-ins", Access::kSession, List});
  routes.push_back({verb::get, base + "/reach", Access::kSession, Reach});
}

}  // namespace zj::http

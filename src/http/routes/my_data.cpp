// My data (PIPL): GET /api/v1/me/data?purpose=view|json|html answers everything stored about
// the signed-in worker (app/worker_accounts/my_data.h), masked; the portal shows it and makes
// the JSON and HTML downloads from it, so `purpose` only names, in the audit entry, what the
// worker did with it. The consents and the privacy notice accepted are part of the copy.
#include "http/request_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

template <typename T>
nlohmann::json Opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json MemberJson(const app::MyDataMember& m) {
  return {{"id", std::to_string(m.id)},
          {"name", m.name},
          {"card_number", m.card_number},
          {"id_number_masked", m.id_number_masked},
          {"phone_masked", Opt(m.phone_masked)},
          {"gender", m.gender},
          {"birth_date", m.birth_date},
          {"ethnicity", Opt(m.ethnicity)},
          {"employer", Opt(m.employer)},
          {"join_date", Opt(m.join_date)},
          {"union_name", m.union_name},
          {"migrant_worker", m.migrant_worker},
          {"model_worker", m.model_worker},
          {"status", m.status},
          {"status_changed_on", Opt(m.status_changed_on)},
          {"recorded_at", m.recorded_at}};
}

nlohmann::json RequestJson(const app::MyRequestRecord& r, i18n::Locale locale) {
  nlohmann::json out = TrackedJson(r.tracked, locale);
  out["id"] = std::to_string(r.tracked.id);
  out["channel"] = r.channel;
  out["description"] = r.description;
  out["contact_name"] = r.contact_name;
  out["contact_phone_masked"] = r.contact_phone_masked;
  out["rating_comment"] = Opt(r.rating_comment);
  return out;
}

Result<Reply> Get(Call& call) {
  const auto query = QueryParams(call.request.target());
  std::string purpose = QueryValue(query, "purpose");
  if (purpose.empty()) purpose = "view";
  if (purpose != "view" && purpose != "json" && purpose != "html") {
    Error invalid = InvalidInput();
    invalid.fields.push_back({"purpose", "error.field.one_of", {{"values", "view, json, html"}}});
    return Fail(std::move(invalid));
  }
  ZJ_ASSIGN_OR_RETURN(app::MyData d, call.app.my_data().Of(*call.actor, purpose));
  nlohmann::json sessions = nlohmann::json::array();
  for (const auto& s : d.sessions) {
    sessions.push_back({{"created_at", s.created_at},
                        {"last_seen_at", s.last_seen_at},
                        {"expires_at", s.expires_at},
                        {"remote_addr", s.remote_addr}});
  }
  nlohmann::json bindings = nlohmann::json::array();
  for (const auto& b : d.bindings) {
    bindings.push_back({{"state", b.state},
                        {"reason", b.reason},
                        {"member_name", b.member_name},
                        {"union_name", b.union_name},
                        {"created_at", b.created_at},
                        {"decided_at", Opt(b.decided_at)}});
  }
  nlohmann::json requests = nlohmann::json::array();
  for (const auto& r : d.requests) requests.push_back(RequestJson(r, call.locale));
  nlohmann::json corrections = nlohmann::json::array();
  for (const auto& c : d.corrections) corrections.push_back(MyCorrectionJson(c));
  return Reply{
      beast_http::status::ok,
      nlohmann::json{{"generated_at", d.generated_at},
                     {"account",
                      {{"id", std::to_string(d.worker_id)},
                       {"phone_masked", d.phone_masked},
                       {"status", d.status},
                       {"created_at", d.created_at},
                       {"last_sign_in_at", Opt(d.last_sign_in_at)},
                       {"bound_at", Opt(d.bound_at)}}},
                     {"sessions", std::move(sessions)},
                     {"member", d.member ? MemberJson(*d.member) : nlohmann::json(nullptr)},
                     {"bindings", std::move(bindings)},
                     {"requests", std::move(requests)},
                     {"corrections", std::move(corrections)},
                     {"consents", ConsentsJson(d.consents)},
                     {"privacy_notice", NoticeJson(d.consents.notice)}}};
}

}  // namespace

void AddMyDataRoutes(std::vector<Route>& routes) {
  routes.push_back({beast_http::verb::get, "/api/v1/me/data", Access::kWorker, Get});
}

}  // namespace zj::http

// The worker's data rights beside My data: POST /api/v1/me/data/reveal-code (a fresh one-time
// code to the account's phone, as sign-in sends), POST /api/v1/me/data/reveal (the clear phone
// and ID numbers for that code), POST /api/v1/me/consents (grant or withdraw an optional use)
// and POST /api/v1/me/privacy-notice (the notice version accepted). The rules are
// app/worker_accounts' (my_data.h, consents.h).
#include "http/route.h"

namespace zj::http {

namespace {

template <typename T>
nlohmann::json Opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

Result<Reply> SendRevealCode(Call& call) {
  ZJ_ASSIGN_OR_RETURN(app::CodeSent sent, call.app.my_data().RequestRevealCode(*call.actor));
  return Reply{beast_http::status::accepted,
               nlohmann::json{{"resend_after_seconds", sent.resend_after_ms / 1000},
                              {"expires_in_seconds", sent.expires_in_ms / 1000}}};
}

Result<Reply> Reveal(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string code = RequireString(body, "code", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::RevealedData d, call.app.my_data().Reveal(*call.actor, code));
  Reply reply{beast_http::status::ok, nlohmann::json{{"phone", d.phone},
                                                     {"member_phone", Opt(d.member_phone)},
                                                     {"id_number", Opt(d.id_number)}}};
  return reply;
}

Result<Reply> SetConsent(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string use = RequireString(body, "use", invalid);
  const auto granted = body.is_object() && body.contains("granted") ? body["granted"] : nullptr;
  if (!granted.is_boolean()) invalid.fields.push_back({"granted", "error.field.boolean", {}});
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::Consents c,
                      call.app.consents().Set(*call.actor, use, granted.get<bool>()));
  return Reply{beast_http::status::ok, ConsentsJson(c)};
}

Result<Reply> AcceptNotice(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto version = OptionalInteger(body, "version", invalid);
  if (!version && invalid.fields.empty()) {
    invalid.fields.push_back({"version", "error.field.required", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(store::NoticeAcceptance n,
                      call.app.consents().AcceptNotice(*call.actor, *version));
  return Reply{beast_http::status::ok, NoticeJson(n)};
}

}  // namespace

nlohmann::json NoticeJson(const store::NoticeAcceptance& n) {
  return {{"version", Opt(n.version)}, {"accepted_at", Opt(n.accepted_at)}};
}

nlohmann::json ConsentsJson(const app::Consents& c) {
  nlohmann::json uses = nlohmann::json::array();
  for (const auto& u : c.uses) {
    uses.push_back({{"use", u.use}, {"granted", u.granted}, {"changed_at", Opt(u.changed_at)}});
  }
  nlohmann::json history = nlohmann::json::array();
  for (const auto& h : c.history) {
    history.push_back({{"use", h.purpose}, {"granted", h.granted}, {"at", h.created_at}});
  }
  return {{"uses", std::move(uses)}, {"history", std::move(history)}};
}

void AddMyDataRightsRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::post, "/api/v1/me/data/reveal-code", Access::kWorker, SendRevealCode});
  routes.push_back({verb::post, "/api/v1/me/data/reveal", Access::kWorker, Reveal});
  routes.push_back({verb::post, "/api/v1/me/consents", Access::kWorker, SetConsent});
  routes.push_back({verb::post, "/api/v1/me/privacy-notice", Access::kWorker, AcceptNotice});
}

}  // namespace zj::http

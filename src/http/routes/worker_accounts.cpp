// A signed-in worker's own account: GET /api/v1/me (account, bound member, binding waiting,
// privacy notice accepted),
// POST /api/v1/me/binding (name and ID number), GET /api/v1/me/card (the member card with a
// fresh QR token). The rules are app/worker_accounts' and app/cards'.
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json MemberJson(const app::BoundMember& m) {
  return {{"id", std::to_string(m.id)},
          {"name", m.name},
          {"card_number", m.card_number},
          {"union_name", m.union_name},
          {"join_date", m.join_date ? nlohmann::json(*m.join_date) : nlohmann::json(nullptr)},
          {"status", m.status}};
}

nlohmann::json PendingJson(const std::optional<app::PendingBinding>& p) {
  if (!p) return nullptr;
  return {{"id", std::to_string(p->id)},
          {"reason", p->reason},
          {"union_name", p->union_name},
          {"created_at", p->created_at}};
}

nlohmann::json OptMember(const std::optional<app::BoundMember>& m) {
  return m ? MemberJson(*m) : nlohmann::json(nullptr);
}

Result<Reply> Me(Call& call) {
  ZJ_ASSIGN_OR_RETURN(app::MyAccount me, call.app.bindings().Me(*call.actor));
  // The portal asks for the notice again when its version is newer than the one accepted.
  ZJ_ASSIGN_OR_RETURN(app::Consents consents, call.app.consents().Of(*call.actor));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"id", std::to_string(me.worker_id)},
                              {"phone_masked", me.phone_masked},
                              {"created_at", me.created_at},
                              {"member", OptMember(me.member)},
                              {"pending_binding", PendingJson(me.pending)},
                              {"privacy_notice", NoticeJson(consents.notice)}}};
}

Result<Reply> Bind(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string name = RequireString(body, "name", invalid);
  const std::string id_number = RequireString(body, "id_number", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::BindingResult r,
                      call.app.bindings().Bind(*call.actor, name, id_number, call.remote_addr));
  return Reply{beast_http::status::ok, nlohmann::json{{"state", r.state},
                                                      {"member", OptMember(r.member)},
                                                      {"pending_binding", PendingJson(r.pending)}}};
}

Result<Reply> Card(Call& call) {
  ZJ_ASSIGN_OR_RETURN(app::MemberCard card, call.app.cards().MyCard(*call.actor));
  return Reply{beast_http::status::ok, nlohmann::json{{"member", MemberJson(card.member)},
                                                      {"token", card.token},
                                                      {"token_expires_at", card.token_expires_at}}};
}

}  // namespace

void AddWorkerAccountRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/me", Access::kWorker, Me});
  routes.push_back({verb::post, "/api/v1/me/binding", Access::kWorker, Bind});
  routes.push_back({verb::get, "/api/v1/me/card", Access::kWorker, Card});
}

}  // namespace zj::http

// My membership: GET /api/v1/me/membership (history, transfers, the union's contacts),
// GET /api/v1/me/unions?q= (active grassroots unions by name: id, name, district; bounded and
// throttled), POST /api/v1/me/transfers {to_union_id, reason, new_employer?} (the worker asks
// to move to another union) and POST /api/v1/me/transfers/:id/withdraw. Only the worker's own
// bound member; who decides is app/members/transfer_service's rule.
#include "http/request_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

template <typename T>
nlohmann::json Opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json ContactJson(const app::UnionContact& c) {
  return {{"id", std::to_string(c.id)},
          {"name", c.name},
          {"kind", c.kind},
          {"chair", Opt(c.chair)},
          {"contact", Opt(c.contact)}};
}

nlohmann::json TransferJson(const app::MyTransfer& t) {
  return {{"id", std::to_string(t.id)},
          {"from_union", t.from_union},
          {"to_union", t.to_union},
          {"state", t.state},
          {"created_at", t.created_at},
          {"decided_at", Opt(t.decided_at)},
          {"asked_by_me", t.asked_by_me},
          {"reason", Opt(t.reason)},
          {"new_employer", Opt(t.new_employer)},
          {"can_withdraw", t.can_withdraw}};
}

nlohmann::json MembershipJson(const app::MyMembership& m) {
  nlohmann::json history = nlohmann::json::array();
  for (const auto& e : m.history) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [k, v] : e.params) params[k] = v;
    history.push_back({{"at", e.at}, {"kind", e.kind}, {"params", std::move(params)}});
  }
  nlohmann::json transfers = nlohmann::json::array();
  for (const auto& t : m.transfers) transfers.push_back(TransferJson(t));
  return {{"member",
           {{"name", m.member_name},
            {"card_number", m.card_number},
            {"status", m.status},
            {"join_date", Opt(m.join_date)}}},
          {"union", ContactJson(m.union_org)},
          {"parent", m.parent ? ContactJson(*m.parent) : nlohmann::json(nullptr)},
          {"history", std::move(history)},
          {"transfers", std::move(transfers)}};
}

//! The worker's view of one transfer just asked for or withdrawn.
nlohmann::json AskedJson(const app::TransferView& v) {
  const auto& t = v.row;
  return {{"id", std::to_string(t.id)},
          {"from_union", t.from_union_name},
          {"to_union", t.to_union_name},
          {"state", t.state},
          {"created_at", t.created_at},
          {"decided_at", Opt(t.decided_at)},
          {"asked_by_me", true},
          {"reason", t.reason},
          {"new_employer", Opt(t.new_employer)},
          {"can_withdraw", t.state == "pending"}};
}

Result<Reply> Membership(Call& call) {
  ZJ_ASSIGN_OR_RETURN(app::MyMembership m, call.app.my_membership().Get(*call.actor));
  return Reply{beast_http::status::ok, MembershipJson(m)};
}

Result<Reply> Unions(Call& call) {
  const auto query = QueryParams(call.request.target());
  ZJ_ASSIGN_OR_RETURN(auto unions,
                      call.app.my_membership().SearchUnions(*call.actor, QueryValue(query, "q")));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : unions) {
    items.push_back({{"id", std::to_string(u.id)}, {"name", u.name}, {"district", u.district}});
  }
  return Reply{beast_http::status::ok, nlohmann::json{{"items", std::move(items)}}};
}

Result<Reply> AskTransfer(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  const auto to_union_id = OptionalId(body, "to_union_id", invalid);
  const std::string reason = RequireString(body, "reason", invalid);
  const std::string employer = OptionalString(body, "new_employer", invalid).value_or("");
  if (body.is_object() && !body.contains("to_union_id")) {
    invalid.fields.push_back({"to_union_id", "error.field.required", {}});
  }
  if (!invalid.fields.empty() || !to_union_id) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::TransferView t, call.app.transfers().AskByWorker(
                                               *call.actor, *to_union_id, reason, employer));
  return Reply{beast_http::status::created, AskedJson(t)};
}

Result<Reply> Withdraw(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::TransferView t, call.app.transfers().WithdrawByWorker(*call.actor, id));
  return Reply{beast_http::status::ok, AskedJson(t)};
}

}  // namespace

void AddMyMembershipRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/me/membership", Access::kWorker, Membership});
  routes.push_back({verb::get, "/api/v1/me/unions", Access::kWorker, Unions});
  routes.push_back({verb::post, "/api/v1/me/transfers", Access::kWorker, AskTransfer});
  routes.push_back({verb::post, "/api/v1/me/transfers/:id/withdraw", Access::kWorker, Withdraw});
}

}  // namespace zj::http

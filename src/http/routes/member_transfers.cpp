// Member transfers (会员关系接转): GET/POST /api/v1/member-transfers and
// POST /api/v1/member-transfers/:id/approve | reject | cancel. Who may ask and decide is
// decided in app/members/transfer_service; here are only JSON and query mapping.
#include "http/routes/member_json.h"

namespace zj::http {

namespace {

Result<Reply> ListTransfers(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::TransferFilter filter;
  if (const std::string box = QueryValue(query, "box"); !box.empty()) filter.box = box;
  filter.state = QueryValue(query, "state");
  filter.limit = QueryLimit(query, 50, invalid);
  filter.after_id = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::TransferPage page, call.app.transfers().List(*call.actor, filter));
  return PageReply(page.items, page.next_cursor, WriteTransfer);
}

Result<Reply> GetTransfer(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(app::TransferView t, call.app.transfers().Get(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteTransfer, t);
}

// {member_id, to_union_id | to_union_code, reason}: the sending side; {id_number, to_union_id,
// reason}: the receiving side.
Result<Reply> RequestTransfer(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  if (!body.is_object()) invalid.fields.push_back({"body", "error.json.not_object", {}});
  const auto member_id = OptionalId(body, "member_id", invalid);
  const auto id_number = OptionalString(body, "id_number", invalid);
  const auto to_union_id = OptionalId(body, "to_union_id", invalid);
  const auto to_union_code = OptionalString(body, "to_union_code", invalid);
  const std::string reason = RequireString(body, "reason", invalid);
  if (body.is_object() && !body.contains("to_union_id") && !body.contains("to_union_code")) {
    invalid.fields.push_back({"to_union_id", "error.field.required", {}});
  }
  if (to_union_code && !member_id) {  // a code names the receiving union for the sender only
    invalid.fields.push_back({"to_union_code", "error.transfers.code_for_sender", {}});
  }
  if (body.is_object() && !body.contains("member_id") && !body.contains("id_number")) {
    invalid.fields.push_back({"member_id", "error.field.required", {}});
  }
  if (member_id && id_number) {
    invalid.fields.push_back({"id_number", "error.transfers.member_or_id", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  if ((!to_union_id && !to_union_code) || (!member_id && !id_number)) {
    return Fail(std::move(invalid));
  }
  auto& transfers = call.app.transfers();
  Result<app::TransferView> made =
      !member_id ? transfers.RequestByReceiver(*call.actor, *id_number, *to_union_id, reason)
      : to_union_id
          ? transfers.RequestFromSender(*call.actor, *member_id, *to_union_id, reason)
          : transfers.RequestFromSenderByCode(*call.actor, *member_id, *to_union_code, reason);
  if (!made) return Fail(std::move(made).error());
  return JsonReply(beast_http::status::created, WriteTransfer, *made);
}

Result<Reply> DecideTransfer(Call& call, const std::string& action) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  nlohmann::json body = nlohmann::json::object();
  if (!call.request.body().empty()) {
    ZJ_ASSIGN_OR_RETURN(body, JsonBody(call.request));
  }
  Error invalid = InvalidInput();
  const std::string note = OptionalString(body, "note", invalid).value_or("");
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  auto& transfers = call.app.transfers();
  Result<app::TransferView> decided = action == "approve" ? transfers.Approve(*call.actor, id, note)
                                      : action == "reject" ? transfers.Reject(*call.actor, id, note)
                                                           : transfers.Cancel(*call.actor, id);
  if (!decided) return Fail(std::move(decided).error());
  return JsonReply(beast_http::status::ok, WriteTransfer, *decided);
}

}  // namespace

void AddMemberTransferRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/member-transfers", Access::kSession, ListTransfers});
  routes.push_back({verb::post, "/api/v1/member-transfers", Access::kSession, RequestTransfer});
  routes.push_back({verb::get, "/api/v1/member-transfers/:id", Access::kSession, GetTransfer});
  for (const char* action : {"approve", "reject", "cancel"}) {
    routes.push_back({verb::post, std::string("/api/v1/member-transfers/:id/") + action,
                      Access::kSession,
                      [a = std::string(action)](Call& call) { return DecideTransfer(call, a); }});
  }
}

}  // namespace zj::http

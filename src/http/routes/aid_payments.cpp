// Paying aid (issue 20): POST /api/v1/aid/payment-list {kind?, reason} answers the finance
// office's XLSX list of the approved grants not yet paid in the caller's subtree (a POST: it
// carries the households' names, so it is made only with a reason, audited, and under CSRF);
// POST /api/v1/aid/payments {grant_ids, paid_on, method, batch_id?} records one round's
// payments, each grant's outcome in the answer. Rules in app/aid/aid_payment_list.h.
#include "http/routes/aid_json.h"

namespace zj::http {

namespace {

Result<Reply> PaymentList(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string kind = OptionalString(body, "kind", invalid).value_or("").substr(0, 16);
  const std::string reason = RequireString(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(std::string bytes,
                      call.app.aid_payment_list().Workbook(*call.actor, kind, reason));
  Reply reply{beast_http::status::ok, std::nullopt};
  // RFC 6266: an ASCII fallback name, and the Chinese one percent-encoded (帮扶发放名单).
  reply.file = Reply::File{std::move(bytes),
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           "attachment; filename=\"aid-payment-list.xlsx\"; "
                           "filename*=UTF-8''%E5%B8%AE%E6%89%B6%E5%8F%91%E6%94%BE%E5%90%8D%E5%8D%95"
                           ".xlsx"};
  return reply;
}

Result<Reply> PayBatch(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  std::vector<std::int64_t> ids;
  const auto it = body.is_object() ? body.find("grant_ids") : body.end();
  if (it == body.end() || !it->is_array() || it->empty() ||
      it->size() > app::AidPaymentList::kMaxBatch) {
    invalid.fields.push_back({"grant_ids",
                              "error.aid.batch",
                              {{"max", std::to_string(app::AidPaymentList::kMaxBatch)}}});
  } else {
    for (const auto& v : *it) {
      const auto id = v.is_string() ? ParseId(v.get<std::string>()) : std::nullopt;
      if (!id) {
        invalid.fields.push_back({"grant_ids", "error.field.invalid_id", {}});
        break;
      }
      ids.push_back(*id);
    }
  }
  const app::AidPaymentInput payment = ReadAidPayment(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto outcomes,
                      call.app.aid_payment_list().PayBatch(*call.actor, ids, payment));
  nlohmann::json items = nlohmann::json::array();
  std::int64_t paid = 0;
  for (const auto& o : outcomes) {
    nlohmann::json item{{"grant_id", std::to_string(o.grant_id)}, {"paid", !o.error.has_value()}};
    if (o.error) {
      item["error"] = {
          {"code", o.error->message_key},
          {"message", i18n::Translate(call.locale, o.error->message_key, o.error->args)}};
    } else {
      ++paid;
    }
    items.push_back(std::move(item));
  }
  return Reply{beast_http::status::ok, nlohmann::json{{"paid", paid}, {"items", std::move(items)}}};
}

}  // namespace

void AddAidPaymentRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::post, "/api/v1/aid/payment-list", Access::kSession, PaymentList});
  routes.push_back({verb::post, "/api/v1/aid/payments", Access::kSession, PayBatch});
}

}  // namespace zj::http

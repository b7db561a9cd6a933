// A hardship file's bank card (issue 20): GET /api/v1/hardship/files/:id/bank-card (masked, or
// null), PUT it {bank_name, card_number} (recorded or replaced, audited without the number),
// POST .../bank-card/reveal {reason} (the full number, audited). Rules in
// app/hardship/bank_cards.h.
#include "http/route.h"

namespace zj::http {

namespace {

nlohmann::json CardJson(const std::optional<app::BankCardView>& card) {
  if (!card) return nlohmann::json{{"bank_card", nullptr}};
  return nlohmann::json{{"bank_card",
                         {{"bank_name", card->bank_name},
                          {"card_masked", card->card_masked},
                          {"updated_at", card->updated_at}}}};
}

Result<Reply> GetCard(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto card, call.app.hardship_bank_cards().Of(*call.actor, id));
  return Reply{beast_http::status::ok, CardJson(card)};
}

Result<Reply> SetCard(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string bank = RequireString(body, "bank_name", invalid).substr(0, 200);
  const std::string number = RequireString(body, "card_number", invalid).substr(0, 100);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::BankCardView card,
                      call.app.hardship_bank_cards().Set(*call.actor, id, bank, number));
  return Reply{beast_http::status::ok, CardJson(card)};
}

Result<Reply> RevealCard(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string reason = RequireString(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(std::string number,
                      call.app.hardship_bank_cards().Reveal(*call.actor, id, reason));
  return Reply{beast_http::status::ok, nlohmann::json{{"card_number", number}}};
}

}  // namespace

void AddHardshipBankCardRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/hardship/files/:id/bank-card", Access::kSession, GetCard});
  routes.push_back({verb::put, "/api/v1/hardship/files/:id/bank-card", Access::kSession, SetCard});
  routes.push_back(
      {verb::post, "/api/v1/hardship/files/:id/bank-card/reveal", Access::kSession, RevealCard});
}

}  // namespace zj::http

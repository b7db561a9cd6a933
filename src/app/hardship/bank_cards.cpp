#include "app/hardship/bank_cards.h"

#include "app/hardship/hardship_rules.h"
#include "app/hardship/hardship_service.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "store/hardship.h"
#include "store/hardship_bank_cards.h"

namespace zj::app {

namespace {

//! The card's digits: spaces and dashes (as printed on cards) dropped, full-width digits
//! folded; nullopt for anything else or a length outside 12..19 (ISO/IEC 7812).
std::optional<std::string> CardDigits(const std::string& text) {
  std::string digits;
  for (const char c : text::ToHalfWidth(text)) {
    if (c == ' ' || c == '-') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits.push_back(c);
  }
  if (digits.size() < 12 || digits.size() > 19) return std::nullopt;
  return digits;
}

BankCardView ViewOf(const store::BankCardRow& r) {
  return BankCardView{r.bank_name, MaskBankCard(r.card_last4), r.updated_at};
}

Result<store::HardshipFileRow> FileInScope(store::Connection& conn, const Actor& actor,
                                           std::int64_t file_id) {
  ZJ_ASSIGN_OR_RETURN(auto file, store::FindHardshipFile(conn, file_id));
  if (!file || !PathInScope(actor, file->org_path)) return Fail(HardshipFileNotFound(file_id));
  return *file;
}

}  // namespace

std::string MaskBankCard(const std::string& last4) { return "**** **** **** " + last4; }

Result<BankCardView> HardshipBankCards::Set(const Actor& actor, std::int64_t file_id,
                                            const std::string& bank_name,
                                            const std::string& card_number) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "bank card", {}, {}};
  const std::string bank(text::TrimSpaces(bank_name));
  if (text::CodePoints(bank) < 2 || text::CodePoints(bank) > 40) {
    invalid.fields.push_back({"bank_name", "error.hardship.bank_name", {}});
  }
  const auto digits = CardDigits(card_number);
  if (!digits) invalid.fields.push_back({"card_number", "error.hardship.bank_card", {}});
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<BankCardView> {
    ZJ_ASSIGN_OR_RETURN(store::HardshipFileRow file, FileInScope(c, actor, file_id));
    if (file.status != "open") {
      return Fail(ErrorCode::kConflict, "error.hardship.closed",
                  "hardship file " + std::to_string(file_id) + " is closed");
    }
    store::BankCardRow row;
    row.file_id = file_id;
    row.bank_name = bank;
    ZJ_ASSIGN_OR_RETURN(row.card_cipher, vault_.Seal(kHouseholdBankCardField, *digits));
    row.card_last4 = digits->substr(digits->size() - 4);
    row.key_version = Vault::OldestVersion({&row.card_cipher});
    if (actor.user_id != 0) row.updated_by = actor.user_id;
    row.updated_at = clock_.NowMs();
    // The number never reaches the log: the entry says a card was recorded, and at which bank.
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor),
                                     AuditEvent{"hardship.bank_card",
                                                "hardship_file",
                                                std::to_string(file_id),
                                                "ok",
                                                actor.remote_addr,
                                                {{"bank", bank}}}));
    ZJ_RETURN_IF_ERROR(store::UpsertBankCard(c, row));
    return ViewOf(row);
  });
}

Result<std::optional<BankCardView>> HardshipBankCards::Of(const Actor& actor,
                                                          std::int64_t file_id) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_RETURN_IF_ERROR(FileInScope(*lease, actor, file_id));
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindBankCard(*lease, file_id));
  if (!row) return std::optional<BankCardView>{};
  return std::optional(ViewOf(*row));
}

Result<std::string> HardshipBankCards::Reveal(const Actor& actor, std::int64_t file_id,
                                              const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<std::string> {
    ZJ_RETURN_IF_ERROR(FileInScope(c, actor, file_id));
    ZJ_ASSIGN_OR_RETURN(auto row, store::FindBankCard(c, file_id));
    if (!row) return Fail(HardshipFileNotFound(file_id));
    // The entry first, in the same transaction: no entry, no value.
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor),
                                     AuditEvent{"personal_data.reveal",
                                                "hardship_file",
                                                std::to_string(file_id),
                                                "ok",
                                                actor.remote_addr,
                                                {{"field", "bank_card"}, {"reason", why}}}));
    return vault_.Open(kHouseholdBankCardField, row->card_cipher);
  });
}

}  // namespace zj::app

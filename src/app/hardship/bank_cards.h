// A hardship file's bank card (issue 20): the account aid is paid into by transfer. A cadre of
// the file's subtree records it (or replaces it) with the bank's name; the number is sealed at
// once and shown masked everywhere ("**** **** **** 1234"); revealing it needs a reason, and the
// audit log keeps every change and reveal (never the number). The finance office's payment list
// carries it in full, under its own reason (aid_payment_list.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct BankCardView {
  std::string bank_name;
  std::string card_masked;  //!< "**** **** **** 1234": only the last four are kept in clear
  std::int64_t updated_at = 0;
};

//! The masked form of a card whose last four digits are `last4`: "**** **** **** 1234".
std::string MaskBankCard(const std::string& last4);

class HardshipBankCards {
 public:
  HardshipBankCards(store::Database& db, const Clock& clock, AuditService& audit,
                    const Vault& vault)
      : db_(db), clock_(clock), audit_(audit), vault_(vault) {}

  //! Records the card of file `file_id`: bank_name 2..40 characters, card_number 12..19 digits
  //! (spaces and dashes ignored); field errors otherwise. kNotFound outside the subtree.
  Result<BankCardView> Set(const Actor& actor, std::int64_t file_id, const std::string& bank_name,
                           const std::string& card_number);
  //! The card masked, nullopt when none was recorded.
  Result<std::optional<BankCardView>> Of(const Actor& actor, std::int64_t file_id);
  //! The full number, with a reason (audited before; personal_data.reveal).
  Result<std::string> Reveal(const Actor& actor, std::int64_t file_id, const std::string& reason);

 private:
  store::Database& db_;
  const Clock& clock_;
  AuditService& audit_;
  const Vault& vault_;
};

}  // namespace zj::app

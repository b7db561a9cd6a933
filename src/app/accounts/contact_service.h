// A user's phone number as protected personal data: set (validated, sealed, blind-indexed),
// found by exact number, shown masked, and revealed in full only with a reason that the audit
// log keeps. Administrators and staff act on the accounts of their own subtree that they manage
// (core/accounts/roles.h) and on workers'; anyone on their own number. Every other user does not
// exist for the actor (kNotFound).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! The field name sealed phone numbers are bound to (the vault's additional data).
inline constexpr std::string_view kPhoneField = "users.phone";

struct UserContact {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::optional<std::string> phone_masked;  //!< "138****5678"; absent when none is set
};

class ContactService {
 public:
  ContactService(store::Database& db, Vault& vault, AuditService& audit)
      : db_(db), vault_(vault), audit_(audit) {}

  //! Sets the phone ("" clears it). kInvalidArgument (field "phone", "error.phone.invalid")
  //! unless it is 11 digits starting with 1 after trimming and full-width normalisation.
  Result<UserContact> SetPhone(const Actor& actor, std::int64_t user_id, const std::string& phone,
                               const std::string& remote_addr = {});
  //! The user with the masked phone.
  Result<UserContact> Get(const Actor& actor, std::int64_t user_id);
  //! Users of the actor's subtree whose phone is exactly this number (blind-index lookup).
  Result<std::vector<UserContact>> FindByPhone(const Actor& actor, const std::string& phone);
  //! The full number. `reason` (at least 2 characters) is required; the reveal is written to
  //! the audit log first and fails when that cannot be written. kNotFound when the user is
  //! outside the actor's subtree or has no phone.
  Result<std::string> RevealPhone(const Actor& actor, std::int64_t user_id,
                                  const std::string& reason, const std::string& remote_addr = {});

  //! The masked form of a sealed phone, for other use cases' user listings ("" when unreadable).
  std::string MaskSealed(const store::Blob& sealed) const;

 private:
  store::Database& db_;
  Vault& vault_;
  AuditService& audit_;
};

}  // namespace zj::app

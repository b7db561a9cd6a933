// The member card (电子会员卡): a bound worker's card with a QR token that expires within
// minutes (the page asks for a fresh one), and the check-in verification of such a token by
// staff whose subtree holds the member (outside it the member does not exist: 404).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts/actor.h"
#include "app/cards/card_token.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "app/worker_accounts/binding_service.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! A worker's card as the worker sees it.
struct MemberCard {
  BoundMember member;
  std::string token;  //!< for the QR code
  std::int64_t token_expires_at = 0;
};

//! What a cadre's check-in page learns from a valid token: the member, masked.
struct VerifiedCard {
  std::int64_t member_id = 0;
  std::string name;
  std::string id_masked;  //!< "110101********1234"
  std::string card_number;
  std::int64_t union_id = 0;
  std::string union_name;
  std::string status;
  std::int64_t token_expires_at = 0;
};

class CardService {
 public:
  //! Tokens are valid for `token_ms` (5 minutes by default).
  CardService(store::Database& db, const Clock& clock, const Vault& vault,
              std::int64_t token_ms = 5LL * 60 * 1000)
      : db_(db), clock_(clock), vault_(vault), token_ms_(token_ms) {}

  //! The signed-in worker's card with a fresh token; kFailedPrecondition "error.card.not_bound"
  //! before the account is bound to a member.
  Result<MemberCard> MyCard(const Actor& worker);
  //! Checks a token (operators, cadres, staff, administrators): kInvalidArgument on field
  //! token with "error.card.token_invalid" (malformed, altered, another federation's key) or
  //! "error.card.token_expired"; kNotFound when the member lies outside the actor's subtree.
  Result<VerifiedCard> Verify(const Actor& actor, const std::string& token);

 private:
  store::Database& db_;
  const Clock& clock_;
  const Vault& vault_;
  std::int64_t token_ms_;
};

}  // namespace zj::app

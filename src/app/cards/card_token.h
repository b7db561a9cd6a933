// The token in a member card's QR code: who (the member's record id), until when, and the
// federation's Ed25519 signature (libsodium crypto_sign, the key from the key file), so a
// cadre's check-in page can tell a real card from a copied or made-up one. Nothing personal is
// in it: 81 bytes (format, key id, member id, expiry in Unix seconds, signature), base64url
// without padding, 108 characters, which fits a small QR code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/personal_data/vault.h"
#include "core/result.h"

namespace zj::app {

//! What a valid token says.
struct CardClaims {
  std::int64_t member_id = 0;
  std::int64_t expires_at_ms = 0;  //!< whole seconds
};

//! Why a token was refused.
enum class CardTokenProblem {
  kMalformed,  //!< not base64url, wrong length or format
  kSignature,  //!< altered, or signed with a key this federation does not hold
  kExpired,    //!< genuine but past its expiry
};

struct CardTokenCheck {
  std::optional<CardClaims> claims;         //!< set when valid
  std::optional<CardTokenProblem> problem;  //!< set when refused
};

//! The longest text a token may be; anything longer is refused before it is decoded.
inline constexpr std::size_t kMaxCardTokenLength = 256;

//! A token for `member_id` valid until `expires_at_ms` (rounded down to a second), signed with
//! the vault's current signing key; kFailedPrecondition "error.keys.missing" without one.
Result<std::string> IssueCardToken(const Vault& vault, std::int64_t member_id,
                                   std::int64_t expires_at_ms);

//! Checks a token's form, then its signature, then its expiry at `now_ms`.
CardTokenCheck CheckCardToken(const Vault& vault, std::string_view token, std::int64_t now_ms);

}  // namespace zj::app

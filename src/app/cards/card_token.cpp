#include "app/cards/card_token.h"

#include <sodium.h>

#include <array>
#include <cstring>

namespace zj::app {

namespace {

// Layout: format (1) | key id (4) | member id (8, big-endian) | expiry in Unix seconds (4) |
// signature (64) over the key id and then format, member id and expiry (Vault::Sign).
constexpr std::uint8_t kFormat = 1;
constexpr std::size_t kHeader = 1 + 4;
constexpr std::size_t kClaims = 8 + 4;
constexpr std::size_t kSigned = kHeader + kClaims;
constexpr std::size_t kTokenBytes = kSigned + crypto_sign_BYTES;

//! The bytes the signature covers besides the key id: format, member id, expiry.
std::array<std::uint8_t, 1 + kClaims> SignedPart(const std::uint8_t* token) {
  std::array<std::uint8_t, 1 + kClaims> out{};
  out[0] = token[0];
  std::memcpy(&out[1], token + kHeader, kClaims);
  return out;
}

void PutBigEndian(std::uint8_t* out, std::uint64_t value, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i) {
    out[bytes - 1 - i] = static_cast<std::uint8_t>(value & 0xff);
    value >>= 8;
  }
}

std::uint64_t GetBigEndian(const std::uint8_t* in, std::size_t bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < bytes; ++i) value = (value << 8) | in[i];
  return value;
}

}  // namespace

Result<std::string> IssueCardToken(const Vault& vault, std::int64_t member_id,
                                   std::int64_t expires_at_ms) {
  std::array<std::uint8_t, kTokenBytes> token{};
  token[0] = kFormat;
  PutBigEndian(&token[5], static_cast<std::uint64_t>(member_id), 8);
  PutBigEndian(&token[13], static_cast<std::uint64_t>(expires_at_ms / 1000), 4);
  const auto part = SignedPart(token.data());
  ZJ_ASSIGN_OR_RETURN(Vault::Signature signature, vault.Sign(part));
  std::memcpy(&token[1], signature.key_id.data(), signature.key_id.size());
  std::memcpy(&token[kSigned], signature.bytes.data(), signature.bytes.size());
  std::string out(sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), token.data(), token.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

CardTokenCheck CheckCardToken(const Vault& vault, std::string_view text, std::int64_t now_ms) {
  CardTokenCheck check;
  std::array<std::uint8_t, kTokenBytes> token{};
  std::size_t length = 0;
  if (text.size() > kMaxCardTokenLength ||
      sodium_base642bin(token.data(), token.size(), text.data(), text.size(), nullptr, &length,
                        nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      length != kTokenBytes || token[0] != kFormat) {
    check.problem = CardTokenProblem::kMalformed;
    return check;
  }
  std::array<std::uint8_t, 4> key_id{};
  std::memcpy(key_id.data(), &token[1], key_id.size());
  if (!vault.Verify(key_id, SignedPart(token.data()),
                    std::span(token.data() + kSigned, crypto_sign_BYTES))) {
    check.problem = CardTokenProblem::kSignature;
    return check;
  }
  const CardClaims claims{static_cast<std::int64_t>(GetBigEndian(&token[5], 8)),
                          static_cast<std::int64_t>(GetBigEndian(&token[13], 4)) * 1000};
  if (now_ms >= claims.expires_at_ms) {
    check.problem = CardTokenProblem::kExpired;
    return check;
  }
  check.claims = claims;
  return check;
}

}  // namespace zj::app
